package io.github.triggerspring.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A queue of an environment: the default queue of a task, or a custom queue named by
 * the runs triggered on it. Pausing and overriding its concurrency limit are recorded;
 * runs are not held back by them.
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
