package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A run. Its status is derived from the emulator clock, the captured
 * {@link TaskBehavior} and cancellation.
 *
 * @author trigger-spring-boot contributors
 */
final class RunRecord {

	final String id;

	final long sequence;

	final EnvRecord env;

	final String taskId;

	final Instant createdAt;

	@Nullable JsonNode payload;

	@Nullable String payloadType;

	@Nullable String idempotencyKey;

	@Nullable Instant idempotencyKeyExpiresAt;

	List<String> tags = new ArrayList<>();

	@Nullable Instant delayUntil;

	@Nullable String ttl;

	@Nullable Duration ttlDuration;

	String queue;

	@Nullable String concurrencyKey;

	@Nullable JsonNode metadata;

	@Nullable String machine;

	@Nullable Integer maxAttempts;

	@Nullable Integer maxDuration;

	@Nullable Double priority;

	@Nullable String region;

	@Nullable String version;

	boolean test;

	@Nullable String batchId;

	@Nullable String scheduleId;

	@Nullable String bulkActionId;

	String triggerFunction = "trigger";

	TaskBehavior behavior = TaskBehavior.completes();

	@Nullable EmulatedRunStatus fixedStatus;

	/** Whether the run is held in its paused queue: it does not start until resumed. */
	boolean held;

	/** When the run's queue was resumed after holding it, or {@code null}. */
	@Nullable Instant releasedAt;

	@Nullable Instant canceledAt;

	RunRecord(String id, long sequence, EnvRecord env, String taskId, Instant createdAt) {
		this.id = id;
		this.sequence = sequence;
		this.env = env;
		this.taskId = taskId;
		this.createdAt = createdAt;
		this.queue = "task/" + taskId;
	}

	/** When the run leaves the delay and can start. */
	Instant startAt() {
		return (this.delayUntil != null && this.delayUntil.isAfter(this.createdAt)) ? this.delayUntil
				: this.createdAt;
	}

	/**
	 * When the run leaves the queue and starts executing: not before its queue was
	 * resumed, if it was held.
	 */
	Instant executionStartAt() {
		Instant start = startAt().plus(this.behavior.queued());
		return (this.releasedAt != null && this.releasedAt.isAfter(start)) ? this.releasedAt : start;
	}

	/** When the behaviour reaches its outcome, or {@code null} if it never does. */
	@Nullable Instant outcomeAt() {
		if (this.behavior.outcome() == TaskBehavior.Outcome.STAY_QUEUED || this.held) {
			return null;
		}
		return executionStartAt().plus(this.behavior.duration());
	}

	/** When the run expires by its TTL, or {@code null}. */
	@Nullable Instant expiresAt() {
		if (this.ttlDuration == null || this.ttlDuration.isZero()
				|| this.behavior.outcome() != TaskBehavior.Outcome.STAY_QUEUED) {
			return null;
		}
		return startAt().plus(this.ttlDuration);
	}

	EmulatedRunStatus status(Instant now) {
		if (this.fixedStatus != null) {
			return this.fixedStatus;
		}
		if (this.canceledAt != null && !this.canceledAt.isAfter(now)) {
			return EmulatedRunStatus.CANCELED;
		}
		if (this.delayUntil != null && now.isBefore(this.delayUntil)) {
			return EmulatedRunStatus.DELAYED;
		}
		Instant expiresAt = expiresAt();
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			return EmulatedRunStatus.EXPIRED;
		}
		Instant outcomeAt = outcomeAt();
		if (outcomeAt == null || now.isBefore(executionStartAt())) {
			return EmulatedRunStatus.QUEUED;
		}
		if (now.isBefore(outcomeAt)) {
			return EmulatedRunStatus.EXECUTING;
		}
		return (this.behavior.outcome() == TaskBehavior.Outcome.FAIL) ? EmulatedRunStatus.FAILED
				: EmulatedRunStatus.COMPLETED;
	}

	@Nullable Instant startedAt(Instant now) {
		EmulatedRunStatus status = status(now);
		if (this.fixedStatus != null) {
			return (status.isExecuting() || status.isWaiting()
					|| (status.isFinal() && status != EmulatedRunStatus.EXPIRED)) ? executionStartAt() : null;
		}
		if (status == EmulatedRunStatus.CANCELED) {
			Instant start = executionStartAt();
			return (outcomeAt() != null && this.canceledAt.isAfter(start)) ? start : null;
		}
		if (status == EmulatedRunStatus.EXECUTING || status == EmulatedRunStatus.COMPLETED
				|| status == EmulatedRunStatus.FAILED) {
			return executionStartAt();
		}
		return null;
	}

	@Nullable Instant finishedAt(Instant now) {
		EmulatedRunStatus status = status(now);
		if (!status.isFinal()) {
			return null;
		}
		if (this.fixedStatus != null) {
			return executionStartAt().plus(this.behavior.duration());
		}
		return switch (status) {
			case CANCELED -> this.canceledAt;
			case EXPIRED -> expiresAt();
			default -> outcomeAt();
		};
	}

	Instant updatedAt(Instant now) {
		Instant finishedAt = finishedAt(now);
		if (finishedAt != null) {
			return finishedAt;
		}
		Instant startedAt = startedAt(now);
		if (startedAt != null) {
			return startedAt;
		}
		return (this.delayUntil != null && !now.isBefore(this.delayUntil)) ? this.delayUntil : this.createdAt;
	}

	long durationMs(Instant now) {
		Instant startedAt = startedAt(now);
		if (startedAt == null) {
			return 0;
		}
		Instant end = finishedAt(now);
		return Duration.between(startedAt, (end != null) ? end : now).toMillis();
	}

}
