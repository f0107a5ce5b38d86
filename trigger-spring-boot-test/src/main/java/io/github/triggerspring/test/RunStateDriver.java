package io.github.triggerspring.test;

import java.time.Duration;
import java.util.Objects;

import io.github.triggerspring.emulator.TaskBehavior;
import io.github.triggerspring.emulator.TriggerEmulator;

/**
 * Drives the runs of one task through their states, step by step, on the emulator's
 * clock, so that a test can watch its own realtime subscriber (for example
 * {@code runs.subscribe(runId)} behind a Server-Sent Events endpoint) react to each
 * state:
 * <pre class="code">
 * RunStateDriver orders = RunStateDriver.forTask(emulator, "process-order");
 * String runId = triggerAnOrder();          // QUEUED
 * orders.startExecuting();                  // EXECUTING
 * orders.complete();                        // COMPLETED
 * </pre>
 * It freezes the emulator clock at its current instant and gives the task a behaviour
 * that waits one minute in the queue and executes for one minute; each step moves the
 * clock by one of those minutes. Runs triggered after the driver was created follow the
 * steps; moving the clock moves every other time-driven run as well.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class RunStateDriver {

	/** Time in each state before the next one. */
	public static final Duration STEP = Duration.ofMinutes(1);

	private final TriggerEmulator emulator;

	private RunStateDriver(TriggerEmulator emulator) {
		this.emulator = emulator;
	}

	/**
	 * A driver for the runs of a task that complete with no output.
	 * @param emulator the emulator
	 * @param taskId the task id
	 * @return the driver
	 */
	public static RunStateDriver forTask(TriggerEmulator emulator, String taskId) {
		return forTask(emulator, taskId, TaskBehavior.completes());
	}

	/**
	 * A driver for the runs of a task that reach the given behaviour's outcome, for
	 * example {@code TaskBehavior.fails("boom")} or
	 * {@code TaskBehavior.completes().withOutput(output)}; its timing is replaced by the
	 * driver's steps.
	 * @param emulator the emulator
	 * @param taskId the task id
	 * @param outcome the outcome of the runs
	 * @return the driver
	 */
	public static RunStateDriver forTask(TriggerEmulator emulator, String taskId, TaskBehavior outcome) {
		Objects.requireNonNull(emulator, "emulator");
		Objects.requireNonNull(taskId, "taskId");
		emulator.clock().setInstant(emulator.clock().instant());
		emulator.taskBehavior(taskId, outcome.queuedFor(STEP).after(STEP));
		return new RunStateDriver(emulator);
	}

	/**
	 * Moves the runs triggered since the driver was created from {@code QUEUED} to
	 * {@code EXECUTING}.
	 * @return this driver
	 */
	public RunStateDriver startExecuting() {
		this.emulator.clock().advance(STEP);
		return this;
	}

	/**
	 * Moves executing runs to their outcome: {@code COMPLETED}, or {@code FAILED} for a
	 * failing behaviour.
	 * @return this driver
	 */
	public RunStateDriver complete() {
		this.emulator.clock().advance(STEP);
		return this;
	}

}
