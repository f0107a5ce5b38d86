package io.github.triggerspring.schedules;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A schedule that triggers a task on a cron expression.
 *
 * @param id schedule id ({@code sched_…})
 * @param type whether the schedule is declared in code or created imperatively
 * @param task id of the task it triggers
 * @param active whether it is active
 * @param deduplicationKey key that makes creating it again update it, or {@code null}
 * @param externalId caller's id, for example a user id, or {@code null}
 * @param generator the cron expression and its description
 * @param timezone IANA time zone of the cron expression, for example {@code UTC}
 * @param nextRun next time it triggers, or {@code null}
 * @param environments environments it runs in
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Schedule(String id, ScheduleType type, String task, boolean active, @Nullable String deduplicationKey,
		@Nullable String externalId, Generator generator, String timezone, @Nullable Instant nextRun,
		List<Environment> environments) {

	/**
	 * Normalizes a missing environment list.
	 * @param id schedule id
	 * @param type schedule type
	 * @param task task id
	 * @param active whether it is active
	 * @param deduplicationKey deduplication key
	 * @param externalId external id
	 * @param generator the generator
	 * @param timezone the time zone
	 * @param nextRun next run time
	 * @param environments the environments
	 */
	public Schedule {
		environments = (environments != null) ? List.copyOf(environments) : List.of();
	}

	/**
	 * What generates a schedule's times.
	 *
	 * @param type generator type, {@code CRON}
	 * @param expression the cron expression, for example {@code 0 0 * * *}
	 * @param description the expression in plain English, for example
	 * {@code Every day at midnight}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Generator(String type, String expression, @Nullable String description) {

	}

	/**
	 * An environment a schedule runs in.
	 *
	 * @param id environment id
	 * @param type environment type, for example {@code PRODUCTION}
	 * @param userName owner of a development environment, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Environment(String id, String type, @Nullable String userName) {

	}

}
