package io.github.triggerspring.emulator;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Description of a schedule to add with {@link TriggerEmulator#seedSchedule(ScheduleSeed)}.
 * Defaults: the seeded project's {@code dev} environment, timezone {@code UTC}, active.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class ScheduleSeed {

	final String task;

	final String cron;

	final String deduplicationKey;

	String projectRef = EmulatorAccount.PROJECT_REF;

	EmulatedEnvironment environment = EmulatedEnvironment.DEV;

	@Nullable String branch;

	String timezone = "UTC";

	@Nullable String externalId;

	boolean active = true;

	private ScheduleSeed(String task, String cron, String deduplicationKey) {
		this.task = Objects.requireNonNull(task, "task");
		this.cron = Objects.requireNonNull(cron, "cron");
		this.deduplicationKey = Objects.requireNonNull(deduplicationKey, "deduplicationKey");
	}

	/**
	 * Start describing a schedule.
	 * @param task the task identifier
	 * @param cron a five-field cron expression
	 * @param deduplicationKey the deduplication key
	 * @return the seed
	 */
	public static ScheduleSeed of(String task, String cron, String deduplicationKey) {
		return new ScheduleSeed(task, cron, deduplicationKey);
	}

	/**
	 * Project and environment of the schedule.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @return this seed
	 */
	public ScheduleSeed in(String projectRef, EmulatedEnvironment environment) {
		this.projectRef = Objects.requireNonNull(projectRef, "projectRef");
		this.environment = Objects.requireNonNull(environment, "environment");
		return this;
	}

	/**
	 * Environment of the schedule in the seeded project.
	 * @param environment the environment
	 * @return this seed
	 */
	public ScheduleSeed in(EmulatedEnvironment environment) {
		return in(this.projectRef, environment);
	}

	/**
	 * Preview branch (only the preview environment has branches).
	 * @param branch the branch
	 * @return this seed
	 */
	public ScheduleSeed branch(String branch) {
		this.branch = branch;
		return this;
	}

	/**
	 * IANA timezone.
	 * @param timezone the timezone
	 * @return this seed
	 */
	public ScheduleSeed timezone(String timezone) {
		this.timezone = Objects.requireNonNull(timezone, "timezone");
		return this;
	}

	/**
	 * External id.
	 * @param externalId the external id
	 * @return this seed
	 */
	public ScheduleSeed externalId(String externalId) {
		this.externalId = externalId;
		return this;
	}

	/**
	 * Whether the schedule is active.
	 * @param active whether it is active
	 * @return this seed
	 */
	public ScheduleSeed active(boolean active) {
		this.active = active;
		return this;
	}

}
