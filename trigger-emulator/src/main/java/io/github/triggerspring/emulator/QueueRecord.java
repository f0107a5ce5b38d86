package io.github.triggerspring.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A queue of an environment: the default queue of a task, or a custom queue named by
 * the runs triggered on it. Pausing it holds its runs that have not started in
 * {@code QUEUED} until it is resumed (runs that are executing go on); its concurrency limit
 * override is recorded, but does not hold runs back.
 *
 * @author trigger-spring-boot contributors
 */
final class QueueRecord {

	static final String TASK = "task";

	static final String CUSTOM = "custom";

	final String id;

	final EnvRecord env;

	/** {@link #TASK} or {@link #CUSTOM}. */
	final String type;

	/** For a task queue the task id, for a custom queue its name. */
	final String name;

	boolean paused;

	/** The overridden concurrency limit; the emulator's queues have no limit in code. */
	@Nullable Integer overrideLimit;

	@Nullable Instant overriddenAt;

	QueueRecord(String id, EnvRecord env, String type, String name) {
		this.id = id;
		this.env = env;
		this.type = type;
		this.name = name;
	}

	/** Name of the queue as runs record it: {@code task/<taskId>} for a task queue. */
	String runQueue() {
		return TASK.equals(this.type) ? "task/" + this.name : this.name;
	}

}
