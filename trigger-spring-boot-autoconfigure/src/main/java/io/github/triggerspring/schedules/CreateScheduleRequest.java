package io.github.triggerspring.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code schedules.create}. Build one with {@link #builder()}; the task, the cron
 * expression and the deduplication key are required.
 *
 * @param task id of the task to trigger
 * @param cron the cron expression, for example {@code 0 0 * * *}
 * @param deduplicationKey key that makes creating the schedule again update it instead
 * of adding another one
 * @param externalId caller's id, for example a user id, or {@code null}
 * @param timezone IANA time zone of the cron expression, or {@code null} for {@code UTC}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateScheduleRequest(@Nullable String task, @Nullable String cron, @Nullable String deduplicationKey,
		@Nullable String externalId, @Nullable String timezone) {

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
		if (this.deduplicationKey == null || this.deduplicationKey.isBlank()) {
			throw new TriggerValidationException("deduplicationKey",
					"is required and must not be blank. Set a stable key with deduplicationKey(...), so that creating the schedule again updates it instead of adding a duplicate.");
		}
	}

	/**
	 * Builder of {@link CreateScheduleRequest}.
	 */
	public static final class Builder {

		private @Nullable String task;

		private @Nullable String cron;

		private @Nullable String deduplicationKey;

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
		 * Deduplication key (required): creating a schedule with the same key again
		 * updates it.
		 * @param deduplicationKey the key
		 * @return this builder
		 */
		public Builder deduplicationKey(String deduplicationKey) {
			this.deduplicationKey = deduplicationKey;
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
		public CreateScheduleRequest build() {
			return new CreateScheduleRequest(this.task, this.cron, this.deduplicationKey, this.externalId,
					this.timezone);
		}

	}

}
