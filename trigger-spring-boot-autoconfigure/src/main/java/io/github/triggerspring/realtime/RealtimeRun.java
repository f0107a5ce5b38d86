package io.github.triggerspring.realtime;

import java.time.Instant;
import java.util.List;

import io.github.triggerspring.runs.RunStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The full state of a run as a realtime subscription delivers it: the columns of the
 * vendor's realtime shape (notes §6.6a), decoded. It differs from
 * {@link io.github.triggerspring.runs.Run}: the shape has no version, depth, batch id or
 * attempt count, and it has the run's number, queue time and realtime streams.
 * <p>
 * A payload, output or metadata is decoded by its type: JSON and superjson (its
 * {@code json} part) as JSON, plain text as a JSON string. One that the server keeps in
 * object storage ({@code application/store}) is not downloaded: it is {@code null} here,
 * and {@link io.github.triggerspring.runs.RunsClient#retrieve(String) runs.retrieve}
 * returns it.
 *
 * @param id run id ({@code run_…})
 * @param taskIdentifier task id
 * @param status status, mapped from the server's internal status as the SDK maps it
 * @param createdAt creation time
 * @param updatedAt last update time, or {@code null} when skipped
 * @param startedAt start time, or {@code null}
 * @param finishedAt finish time ({@code completedAt}), or {@code null}
 * @param delayedUntil time until which the run is delayed, or {@code null}
 * @param queuedAt time the run was queued, or {@code null}
 * @param expiredAt expiry time, or {@code null}
 * @param number number of the run in its task, or {@code null}
 * @param isTest whether the run is a test run
 * @param durationMs compute duration in milliseconds
 * @param costInCents compute cost
 * @param baseCostInCents base cost
 * @param ttl time-to-live, or {@code null}
 * @param tags tags, empty when none
 * @param payload payload, or {@code null} (skipped, absent or offloaded)
 * @param output output, or {@code null}
 * @param metadata metadata, or {@code null}
 * @param error error of a failed run as the server stores it ({@code TaskRunError}), or
 * {@code null}
 * @param realtimeStreams names of the run's realtime streams, empty when none
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record RealtimeRun(String id, String taskIdentifier, RunStatus status, @Nullable Instant createdAt,
		@Nullable Instant updatedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable Instant delayedUntil, @Nullable Instant queuedAt, @Nullable Instant expiredAt,
		@Nullable Integer number, boolean isTest, long durationMs, double costInCents, double baseCostInCents,
		@Nullable String ttl, List<String> tags, @Nullable JsonNode payload, @Nullable JsonNode output,
		@Nullable JsonNode metadata, @Nullable JsonNode error, List<String> realtimeStreams) {

	/**
	 * Copies the lists.
	 * @param id run id
	 * @param taskIdentifier task id
	 * @param status status
	 * @param createdAt creation time
	 * @param updatedAt last update time
	 * @param startedAt start time
	 * @param finishedAt finish time
	 * @param delayedUntil delay
	 * @param queuedAt queue time
	 * @param expiredAt expiry time
	 * @param number number
	 * @param isTest whether it is a test run
	 * @param durationMs duration
	 * @param costInCents cost
	 * @param baseCostInCents base cost
	 * @param ttl time-to-live
	 * @param tags tags
	 * @param payload payload
	 * @param output output
	 * @param metadata metadata
	 * @param error error
	 * @param realtimeStreams stream names
	 */
	public RealtimeRun {
		tags = List.copyOf(tags);
		realtimeStreams = List.copyOf(realtimeStreams);
	}

	/**
	 * Whether the run is finished: its {@link #finishedAt()} is set, whatever the final
	 * status, {@link RunStatus#CANCELED} included. A subscription to one run ends after
	 * delivering such a state, unless it was asked to keep listening.
	 * @return whether the run is finished
	 */
	public boolean isFinished() {
		return this.finishedAt != null;
	}

	/**
	 * Whether the run is queued: {@code QUEUED}, {@code PENDING_VERSION} or
	 * {@code DELAYED}.
	 * @return whether the run is queued
	 */
	public boolean isQueued() {
		return this.status == RunStatus.QUEUED || this.status == RunStatus.PENDING_VERSION
				|| this.status == RunStatus.DELAYED;
	}

	/**
	 * Whether the run is executing: {@code DEQUEUED} or {@code EXECUTING}.
	 * @return whether the run is executing
	 */
	public boolean isExecuting() {
		return this.status == RunStatus.DEQUEUED || this.status == RunStatus.EXECUTING;
	}

	/**
	 * Whether the run completed successfully.
	 * @return whether the status is {@code COMPLETED}
	 */
	public boolean isSuccess() {
		return this.status == RunStatus.COMPLETED;
	}

	/**
	 * Whether the run failed: {@code FAILED}, {@code CRASHED}, {@code SYSTEM_FAILURE},
	 * {@code EXPIRED} or {@code TIMED_OUT}.
	 * @return whether the run failed
	 */
	public boolean isFailed() {
		return switch (this.status) {
			case FAILED, CRASHED, SYSTEM_FAILURE, EXPIRED, TIMED_OUT -> true;
			default -> false;
		};
	}

	/**
	 * Whether the run was canceled.
	 * @return whether the status is {@code CANCELED}
	 */
	public boolean isCancelled() {
		return this.status == RunStatus.CANCELED;
	}

}
