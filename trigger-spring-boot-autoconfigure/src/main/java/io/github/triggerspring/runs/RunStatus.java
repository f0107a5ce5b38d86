package io.github.triggerspring.runs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.triggerspring.internal.http.WireEnums;

/**
 * Status of a run, in the vocabulary of API version {@code 2025-07-16}. A status that this
 * version of the starter does not know reads as {@link #UNKNOWN} instead of failing.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum RunStatus {

	/** Waiting for a deployed version that has the task. */
	PENDING_VERSION,

	/** Waiting in a queue. */
	QUEUED,

	/** Taken off the queue, about to execute. */
	DEQUEUED,

	/** Executing. */
	EXECUTING,

	/** Waiting for a wait, a child run or a token. */
	WAITING,

	/** Completed successfully. */
	COMPLETED,

	/** Canceled. */
	CANCELED,

	/** Failed after its attempts. */
	FAILED,

	/** Crashed. */
	CRASHED,

	/** Failed because of a system error. */
	SYSTEM_FAILURE,

	/** Delayed until a later time. */
	DELAYED,

	/** Expired before it started (its TTL passed). */
	EXPIRED,

	/** Exceeded its maximum duration. */
	TIMED_OUT,

	/** A status that this version of the starter does not know. */
	UNKNOWN;

	/**
	 * Reads a status, tolerating unknown values.
	 * @param value the wire value
	 * @return the status, or {@link #UNKNOWN}
	 */
	@JsonCreator
	public static RunStatus fromValue(String value) {
		return WireEnums.valueOrUnknown(RunStatus.class, value, UNKNOWN);
	}

	/**
	 * Whether the run has finished and its status will not change: {@link #COMPLETED},
	 * {@link #CANCELED}, {@link #FAILED}, {@link #CRASHED}, {@link #SYSTEM_FAILURE},
	 * {@link #EXPIRED} and {@link #TIMED_OUT}. (The server's {@code isCompleted} flag is
	 * {@code false} for the last two, so the SDK's {@code runs.poll} would go on polling.)
	 * @return whether the status is final
	 */
	public boolean isFinal() {
		return switch (this) {
			case COMPLETED, CANCELED, FAILED, CRASHED, SYSTEM_FAILURE, EXPIRED, TIMED_OUT -> true;
			default -> false;
		};
	}

	/**
	 * Wire value of this status.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return name();
	}

}
