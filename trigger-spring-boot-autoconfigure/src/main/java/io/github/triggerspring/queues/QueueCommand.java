package io.github.triggerspring.queues;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of the queue actions: how the path names the queue, and the action's argument.
 *
 * @param type {@code id}, {@code task} or {@code custom}
 * @param action {@code pause} or {@code resume}, or {@code null}
 * @param concurrencyLimit the new concurrency limit, or {@code null}
 * @author trigger-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QueueCommand(String type, @Nullable String action, @Nullable Integer concurrencyLimit) {

	static QueueCommand pause(QueueRef queue, boolean pause) {
		return new QueueCommand(queue.kind().wireValue(), pause ? "pause" : "resume", null);
	}

	static QueueCommand overrideConcurrencyLimit(QueueRef queue, int concurrencyLimit) {
		return new QueueCommand(queue.kind().wireValue(), null, concurrencyLimit);
	}

	static QueueCommand resetConcurrencyLimit(QueueRef queue) {
		return new QueueCommand(queue.kind().wireValue(), null, null);
	}

}
