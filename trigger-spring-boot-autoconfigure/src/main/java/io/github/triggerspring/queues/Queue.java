package io.github.triggerspring.queues;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A queue and its current state.
 *
 * @param id queue id ({@code queue_…})
 * @param name for a task queue the task id, for a custom queue its name
 * @param type whether the queue belongs to one task or is a custom queue
 * @param running runs executing now
 * @param queued runs waiting in the queue
 * @param paused whether the queue is paused (no new runs start)
 * @param concurrencyLimit the effective concurrency limit, or {@code null} when the queue
 * may use the environment's whole concurrency
 * @param concurrency the base limit, its override and who set it, or {@code null} if the
 * server did not send it
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Queue(String id, String name, QueueType type, int running, int queued, boolean paused,
		@Nullable Integer concurrencyLimit, @Nullable Concurrency concurrency) {

	/**
	 * Concurrency details of a queue.
	 *
	 * @param current the effective limit, or {@code null}
	 * @param base the limit defined in code, or {@code null}
	 * @param override the limit set through the API or dashboard, or {@code null}
	 * @param overriddenAt when the override was set, or {@code null}
	 * @param overriddenBy who set the override, or {@code null} when it was set through
	 * the API
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Concurrency(@Nullable Integer current, @Nullable Integer base, @Nullable Integer override,
			@Nullable Instant overriddenAt, @Nullable String overriddenBy) {

	}

}
