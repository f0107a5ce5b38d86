package io.github.triggerspring.emulator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Statuses of emulated runs, in the {@code x-trigger-api-version: 2025-07-16} vocabulary.
 * The emulator's own model, independent of the client's
 * {@code io.github.triggerspring.runs.RunStatus}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum EmulatedRunStatus {

	/** Waiting for a deployment that contains the task. */
	PENDING_VERSION,
	/** Queued. */
	QUEUED,
	/** Dequeued, about to execute. */
	DEQUEUED,
	/** Executing. */
	EXECUTING,
	/** Waiting on a waitpoint. */
	WAITING,
	/** Completed successfully. */
	COMPLETED,
	/** Canceled. */
	CANCELED,
	/** Failed. */
	FAILED,
	/** Crashed. */
	CRASHED,
	/** System failure. */
	SYSTEM_FAILURE,
	/** Delayed until a later time. */
	DELAYED,
	/** Expired before it was executed (TTL). */
	EXPIRED,
	/** Exceeded its maximum duration. */
	TIMED_OUT;

	private static final Set<EmulatedRunStatus> QUEUED_STATUSES = EnumSet.of(QUEUED, PENDING_VERSION, DELAYED);

	private static final Set<EmulatedRunStatus> EXECUTING_STATUSES = EnumSet.of(EXECUTING, DEQUEUED);

	private static final Set<EmulatedRunStatus> FAILED_STATUSES = EnumSet.of(FAILED, CRASHED, SYSTEM_FAILURE, EXPIRED,
			TIMED_OUT);

	private static final Set<EmulatedRunStatus> FINAL_STATUSES = EnumSet.of(COMPLETED, CANCELED, FAILED, CRASHED,
			SYSTEM_FAILURE, EXPIRED, TIMED_OUT);

	/**
	 * Whether the run is waiting in a queue ({@code isQueued}).
	 * @return {@code true} for queued statuses
	 */
	public boolean isQueued() {
		return QUEUED_STATUSES.contains(this);
	}

	/**
	 * Whether the run is executing ({@code isExecuting}).
	 * @return {@code true} for executing statuses
	 */
	public boolean isExecuting() {
		return EXECUTING_STATUSES.contains(this);
	}

	/**
	 * Whether the run is waiting ({@code isWaiting}).
	 * @return {@code true} for {@link #WAITING}
	 */
	public boolean isWaiting() {
		return this == WAITING;
	}

	/**
	 * Whether the run reached a final status ({@code isCompleted}).
	 * @return {@code true} for final statuses
	 */
	public boolean isFinal() {
		return FINAL_STATUSES.contains(this);
	}

	/**
	 * Whether the run completed successfully ({@code isSuccess}).
	 * @return {@code true} for {@link #COMPLETED}
	 */
	public boolean isSuccess() {
		return this == COMPLETED;
	}

	/**
	 * Whether the run failed ({@code isFailed}).
	 * @return {@code true} for failure statuses
	 */
	public boolean isFailed() {
		return FAILED_STATUSES.contains(this);
	}

	/**
	 * Whether the run was canceled ({@code isCancelled}).
	 * @return {@code true} for {@link #CANCELED}
	 */
	public boolean isCancelled() {
		return this == CANCELED;
	}

}
