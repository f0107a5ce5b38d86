package io.github.triggerspring.emulator;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How an emulated run of a task behaves once it starts. Durations are measured on the
 * emulator's {@link EmulatorClock}, so a test advances the clock instead of sleeping.
 * Immutable.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TaskBehavior {

	/**
	 * Outcome of a run.
	 */
	public enum Outcome {

		/** The run completes successfully ({@code COMPLETED}). */
		COMPLETE,
		/** The run fails ({@code FAILED}). */
		FAIL,
		/** The run never leaves the queue ({@code QUEUED}). */
		STAY_QUEUED

	}

	private static final TaskBehavior COMPLETES = new TaskBehavior(Outcome.COMPLETE, Duration.ZERO, Duration.ZERO,
			null, "Emulated failure");

	private final Outcome outcome;

	private final Duration queued;

	private final Duration duration;

	private final @Nullable Object output;

	private final @Nullable String errorMessage;

	private TaskBehavior(Outcome outcome, Duration queued, Duration duration, @Nullable Object output,
			@Nullable String errorMessage) {
		this.outcome = outcome;
		this.queued = queued;
		this.duration = duration;
		this.output = output;
		this.errorMessage = errorMessage;
	}

	/**
	 * Runs complete at once (the default).
	 * @return the behaviour
	 */
	public static TaskBehavior completes() {
		return COMPLETES;
	}

	/**
	 * Runs stay {@code EXECUTING} for the given time on the emulator clock, then
	 * complete.
	 * @param duration the execution time
	 * @return the behaviour
	 */
	public static TaskBehavior completesAfter(Duration duration) {
		return COMPLETES.after(duration);
	}

	/**
	 * Runs fail at once with the given error message.
	 * @param message the error message
	 * @return the behaviour
	 */
	public static TaskBehavior fails(String message) {
		return new TaskBehavior(Outcome.FAIL, Duration.ZERO, Duration.ZERO, null,
				Objects.requireNonNull(message, "message"));
	}

	/**
	 * Runs stay {@code QUEUED} forever (until canceled or expired by their TTL).
	 * @return the behaviour
	 */
	public static TaskBehavior staysQueued() {
		return new TaskBehavior(Outcome.STAY_QUEUED, Duration.ZERO, Duration.ZERO, null, null);
	}

	/**
	 * Copy of this behaviour that executes for the given time before it completes or
	 * fails.
	 * @param duration the execution time, not negative
	 * @return the behaviour
	 */
	public TaskBehavior after(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be negative");
		}
		return new TaskBehavior(this.outcome, this.queued, duration, this.output, this.errorMessage);
	}

	/**
	 * Copy of this behaviour whose runs wait {@code QUEUED} for the given time on the
	 * emulator clock (after any delay) before they start executing, so that each state
	 * (queued, executing, then completed or failed) is visible, for example to a realtime
	 * subscriber.
	 * @param queued the time in the queue, not negative
	 * @return the behaviour
	 */
	public TaskBehavior queuedFor(Duration queued) {
		Objects.requireNonNull(queued, "queued");
		if (queued.isNegative()) {
			throw new IllegalArgumentException("queued must not be negative");
		}
		return new TaskBehavior(this.outcome, queued, this.duration, this.output, this.errorMessage);
	}

	/**
	 * Copy of this behaviour that reports the given output for completed runs (any value
	 * Jackson can serialize, or a {@code tools.jackson.databind.JsonNode}).
	 * @param output the output
	 * @return the behaviour
	 */
	public TaskBehavior withOutput(@Nullable Object output) {
		return new TaskBehavior(this.outcome, this.queued, this.duration, output, this.errorMessage);
	}

	/**
	 * The outcome.
	 * @return the outcome
	 */
	public Outcome outcome() {
		return this.outcome;
	}

	/**
	 * The time runs wait in the queue before they execute.
	 * @return the duration
	 */
	public Duration queued() {
		return this.queued;
	}

	/**
	 * The execution time before the outcome is reached.
	 * @return the duration
	 */
	public Duration duration() {
		return this.duration;
	}

	/**
	 * The output of completed runs.
	 * @return the output, or {@code null}
	 */
	public @Nullable Object output() {
		return this.output;
	}

	/**
	 * The error message of failed runs.
	 * @return the message, or {@code null}
	 */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	@Override
	public String toString() {
		return "TaskBehavior[" + this.outcome + " after " + this.queued + " queued and " + this.duration
				+ " executing]";
	}

}
