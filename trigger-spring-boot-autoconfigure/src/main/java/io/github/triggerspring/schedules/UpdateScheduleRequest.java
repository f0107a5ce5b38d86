package io.github.triggerspring.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code schedules.update}: the schedule's new definition. Build one with
 * {@link #builder()}; the task and the cron expression are required.
 *
 * @param task id of the task to trigger
 * @param cron the cron expression, for example {@code 0 0 * * *}
 * @param externalId caller's id, for example a user id, or {@code null}
 * @param timezone IANA time zone of the cron expression, or {@code null} for {@code UTC}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateScheduleRequest(@Nullable String task, @Nullable String cron, @Nullable String externalId,
		@Nullable String timezone) {

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	void validate() {
		ScheduleFields.requireTask(this.task);
		ScheduleFields.requireCron(this.cron);
	}

	/**
	 * Builder of {@link UpdateScheduleRequest}.
	 */
	public static final class Builder {

		private @Nullable String task;

		private @Nullable String cron;

		private @Nullable String externalId;

		private @Nullable String timezone;

		private Builder() {
		}

		/**
		 * Task to trigger (required).
		 * @param task the task id
		 * @return this builder
		 */
		public Builder task(String task) {
			this.task = task;
			return this;
		}

		/**
		 * Cron expression (required).
		 * @param cron the expression, for example {@code 0 0 * * *}
		 * @return this builder
		 */
		public Builder cron(String cron) {
			this.cron = cron;
			return this;
		}

		/**
		 * Caller's id for the schedule, for example a user id.
		 * @param externalId the id
		 * @return this builder
		 */
		public Builder externalId(String externalId) {
			this.externalId = externalId;
			return this;
		}

		/**
		 * IANA time zone of the cron expression; the default is {@code UTC}.
		 * @param timezone the time zone, for example {@code Europe/Paris}
		 * @return this builder
		 */
		public Builder timezone(String timezone) {
			this.timezone = timezone;
			return this;
		}

		/**
		 * Builds the request; missing required fields are reported when it is sent.
		 * @return the request
		 */
		public UpdateScheduleRequest build() {
			return new UpdateScheduleRequest(this.task, this.cron, this.externalId, this.timezone);
		}

	}

}
