package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Description of a run to add with {@link TriggerEmulator#seedRun(RunSeed)}. Defaults:
 * the seeded project's {@code dev} environment, created now, behaving like a triggered
 * run (see {@link TaskBehavior}). A fixed {@link #status(EmulatedRunStatus)} overrides the
 * behaviour.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class RunSeed {

	final String taskId;

	String projectRef = EmulatorAccount.PROJECT_REF;

	EmulatedEnvironment environment = EmulatedEnvironment.DEV;

	@Nullable String branch;

	@Nullable EmulatedRunStatus status;

	@Nullable TaskBehavior behavior;

	@Nullable Object payload;

	@Nullable Instant createdAt;

	List<String> tags = new ArrayList<>();

	@Nullable String idempotencyKey;

	@Nullable String version;

	boolean test;

	@Nullable Object metadata;

	@Nullable String machine;

	@Nullable String queue;

	@Nullable String region;

	@Nullable String scheduleId;

	@Nullable Instant delayedUntil;

	@Nullable String bulkActionId;

	private RunSeed(String taskId) {
		this.taskId = Objects.requireNonNull(taskId, "taskId");
	}

	/**
	 * Start describing a run of the given task.
	 * @param taskId the task identifier
	 * @return the seed
	 */
	public static RunSeed of(String taskId) {
		return new RunSeed(taskId);
	}

	/**
	 * Project and environment of the run.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @return this seed
	 */
	public RunSeed in(String projectRef, EmulatedEnvironment environment) {
		this.projectRef = Objects.requireNonNull(projectRef, "projectRef");
		this.environment = Objects.requireNonNull(environment, "environment");
		return this;
	}

	/**
	 * Environment of the run in the seeded project.
	 * @param environment the environment
	 * @return this seed
	 */
	public RunSeed in(EmulatedEnvironment environment) {
		return in(this.projectRef, environment);
	}

	/**
	 * Preview branch of the run's environment (only the preview environment has
	 * branches).
	 * @param branch the branch name
	 * @return this seed
	 */
	public RunSeed branch(String branch) {
		this.branch = branch;
		return this;
	}

	/**
	 * Fixed status, whatever the clock says.
	 * @param status the status
	 * @return this seed
	 */
	public RunSeed status(EmulatedRunStatus status) {
		this.status = status;
		return this;
	}

	/**
	 * Behaviour of the run on the emulator clock.
	 * @param behavior the behaviour
	 * @return this seed
	 */
	public RunSeed behavior(TaskBehavior behavior) {
		this.behavior = behavior;
		return this;
	}

	/**
	 * JSON payload (any value Jackson can serialize).
	 * @param payload the payload
	 * @return this seed
	 */
	public RunSeed payload(@Nullable Object payload) {
		this.payload = payload;
		return this;
	}

	/**
	 * Creation time (defaults to the emulator clock's now).
	 * @param createdAt the creation time
	 * @return this seed
	 */
	public RunSeed createdAt(Instant createdAt) {
		this.createdAt = createdAt;
		return this;
	}

	/**
	 * Tags.
	 * @param tags the tags
	 * @return this seed
	 */
	public RunSeed tags(String... tags) {
		this.tags = new ArrayList<>(List.of(tags));
		return this;
	}

	/**
	 * Idempotency key, registered for deduplication like a triggered key.
	 * @param idempotencyKey the key
	 * @return this seed
	 */
	public RunSeed idempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
		return this;
	}

	/**
	 * Worker version.
	 * @param version the version, for example {@code 20250101.1}
	 * @return this seed
	 */
	public RunSeed version(String version) {
		this.version = version;
		return this;
	}

	/**
	 * Mark the run as a test run.
	 * @param test whether it is a test run
	 * @return this seed
	 */
	public RunSeed test(boolean test) {
		this.test = test;
		return this;
	}

	/**
	 * Metadata object.
	 * @param metadata the metadata
	 * @return this seed
	 */
	public RunSeed metadata(Object metadata) {
		this.metadata = metadata;
		return this;
	}

	/**
	 * Machine preset.
	 * @param machine the machine, for example {@code small-1x}
	 * @return this seed
	 */
	public RunSeed machine(String machine) {
		this.machine = machine;
		return this;
	}

	/**
	 * Queue name (defaults to {@code task/<taskId>}).
	 * @param queue the queue
	 * @return this seed
	 */
	public RunSeed queue(String queue) {
		this.queue = queue;
		return this;
	}

	/**
	 * Region.
	 * @param region the region
	 * @return this seed
	 */
	public RunSeed region(String region) {
		this.region = region;
		return this;
	}

	/**
	 * Schedule that triggered the run.
	 * @param scheduleId the schedule id
	 * @return this seed
	 */
	public RunSeed schedule(String scheduleId) {
		this.scheduleId = scheduleId;
		return this;
	}

	/**
	 * Delays the run until an instant of the emulator clock: it is {@code DELAYED} until
	 * then, and can be rescheduled.
	 * @param until the instant the run starts at
	 * @return this seed
	 */
	public RunSeed delayedUntil(Instant until) {
		this.delayedUntil = until;
		return this;
	}

	/**
	 * Bulk action that the run belongs to, for {@code filter[bulkAction]}.
	 * @param bulkActionId the bulk action id
	 * @return this seed
	 */
	public RunSeed bulkAction(String bulkActionId) {
		this.bulkActionId = bulkActionId;
		return this;
	}

}
