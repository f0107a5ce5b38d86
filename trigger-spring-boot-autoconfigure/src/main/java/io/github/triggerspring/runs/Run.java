package io.github.triggerspring.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A run as returned by {@code runs.retrieve}, with its payload and output. A payload or
 * output that the server keeps in object storage (512 KiB or more) is downloaded from its
 * presigned URL and filled in as if it had been inline.
 *
 * @param id run id ({@code run_…})
 * @param status status
 * @param taskIdentifier task id
 * @param idempotencyKey idempotency key (hashed), or {@code null}
 * @param version deployed version, or {@code null}
 * @param isQueued whether the run is queued
 * @param isExecuting whether the run is executing
 * @param isWaiting whether the run is waiting
 * @param isCompleted whether the run has finished, whatever the outcome
 * @param isSuccess whether the run completed successfully
 * @param isFailed whether the run failed
 * @param isCancelled whether the run was canceled
 * @param isTest whether the run is a test run
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param startedAt start time, or {@code null}
 * @param finishedAt finish time, or {@code null}
 * @param delayedUntil time until which the run is delayed, or {@code null}
 * @param ttl time-to-live, or {@code null}
 * @param expiredAt expiry time, or {@code null}
 * @param tags tags
 * @param costInCents compute cost
 * @param baseCostInCents base cost
 * @param durationMs compute duration in milliseconds
 * @param metadata metadata, or {@code null}
 * @param depth depth in the run tree (0 for a root run)
 * @param triggerFunction how the run was triggered, for example {@code trigger}
 * @param batchId batch id, or {@code null}
 * @param payload payload as plain JSON, or {@code null}
 * @param payloadPresignedUrl URL of an offloaded payload, or {@code null}
 * @param output output as plain JSON, present for successful runs, or {@code null}
 * @param outputPresignedUrl URL of an offloaded output, or {@code null}
 * @param error error of a failed run, or {@code null}
 * @param attemptCount number of attempts
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Run(String id, RunStatus status, String taskIdentifier, @Nullable String idempotencyKey,
		@Nullable String version, boolean isQueued, boolean isExecuting, boolean isWaiting, boolean isCompleted,
		boolean isSuccess, boolean isFailed, boolean isCancelled, boolean isTest, @Nullable Instant createdAt,
		@Nullable Instant updatedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable Instant delayedUntil, @Nullable String ttl, @Nullable Instant expiredAt, @Nullable List<String> tags,
		double costInCents, double baseCostInCents, long durationMs, @Nullable Map<String, Object> metadata, int depth,
		@Nullable String triggerFunction, @Nullable String batchId, @Nullable JsonNode payload,
		@Nullable String payloadPresignedUrl, @Nullable JsonNode output, @Nullable String outputPresignedUrl,
		@Nullable JsonNode error, int attemptCount) {

	/**
	 * This run with its payload and output replaced, for example by the downloaded content
	 * of their presigned URLs.
	 */
	Run withPackets(@Nullable JsonNode payload, @Nullable JsonNode output) {
		return new Run(this.id, this.status, this.taskIdentifier, this.idempotencyKey, this.version, this.isQueued,
				this.isExecuting, this.isWaiting, this.isCompleted, this.isSuccess, this.isFailed, this.isCancelled,
				this.isTest, this.createdAt, this.updatedAt, this.startedAt, this.finishedAt, this.delayedUntil,
				this.ttl, this.expiredAt, this.tags, this.costInCents, this.baseCostInCents, this.durationMs,
				this.metadata, this.depth, this.triggerFunction, this.batchId, payload, this.payloadPresignedUrl,
				output, this.outputPresignedUrl, this.error, this.attemptCount);
	}

}
