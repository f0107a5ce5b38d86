package io.github.triggerspring.internal.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Times the response timeouts of one client's attempts with one task at a time on its
 * scheduler.
 * <p>
 * A task per attempt on Reactor's parallel scheduler wakes one of its threads for nearly
 * every call when calls are made one after another: the attempt's task is the first in an
 * empty queue, and the thread that sleeps on that queue is signalled. That costs about a
 * tenth of the CPU of a whole call. Here the armed timeouts wait in a set ordered by
 * deadline, and a single check, scheduled for the earliest deadline, fires what has
 * expired and schedules itself for the next deadline. An attempt that ends before its
 * deadline leaves the set and schedules nothing; a new timeout schedules a check only
 * when its deadline is earlier than the one of the scheduled check, so calls with one
 * response timeout wake the scheduler about once per timeout, not once per call.
 *
 * @author trigger-spring-boot contributors
 */
final class TimeoutTimer {

	/** Deadline of no check. */
	private static final long NONE = Long.MAX_VALUE;

	private final Scheduler scheduler;

	private final LongSupplier nanoTime;

	private final ConcurrentSkipListSet<Timeout> armed = new ConcurrentSkipListSet<>();

	/** Orders before every armed timeout: the set's first is the one that follows it. */
	private final Timeout lowest = new Timeout(Long.MIN_VALUE, Long.MIN_VALUE, null);

	/** Orders timeouts of the same deadline. */
	private final AtomicLong sequence = new AtomicLong();

	/** Deadline that the scheduled check looks at; {@link #NONE} when no check is scheduled. */
	private volatile long nextCheck = NONE;

	/** The check scheduled last; guarded by {@code this}. */
	private @Nullable Check pending;

	/**
	 * Creates a timer.
	 * @param scheduler the scheduler that runs the checks and the timeouts' actions
	 * @param nanoTime the time in nanoseconds that deadlines are measured in, the same as
	 * the scheduler's delays ({@link System#nanoTime()} for a real scheduler,
	 * {@link Scheduler#now(TimeUnit)} for a virtual one)
	 */
	TimeoutTimer(Scheduler scheduler, LongSupplier nanoTime) {
		this.scheduler = scheduler;
		this.nanoTime = nanoTime;
	}

	/**
	 * A timer whose deadlines are measured by the scheduler's own clock, as a virtual-time
	 * scheduler needs.
	 * @param scheduler the scheduler
	 * @return the timer
	 */
	static TimeoutTimer on(Scheduler scheduler) {
		return new TimeoutTimer(scheduler, () -> scheduler.now(TimeUnit.NANOSECONDS));
	}

	/**
	 * Arms a timeout.
	 * @param timeout the time from now after which the action runs, unless disarmed
	 * @param action runs once, on the scheduler, when the timeout expires
	 * @return the armed timeout; disposing it disarms it
	 * @throws RejectedExecutionException if the scheduler cannot time it
	 */
	Disposable arm(Duration timeout, Runnable action) {
		if (this.scheduler.isDisposed()) {
			throw new RejectedExecutionException("The scheduler that times the response timeouts is disposed");
		}
		long now = this.nanoTime.getAsLong();
		Timeout armed = new Timeout(deadline(now, timeout), this.sequence.incrementAndGet(), action);
		this.armed.add(armed);
		if (armed.deadline < this.nextCheck) {
			try {
				checkNoLaterThan(armed.deadline, now);
			}
			catch (RejectedExecutionException ex) {
				armed.dispose();
				throw ex;
			}
		}
		return armed;
	}

	/**
	 * How many timeouts are armed and have neither expired nor been disarmed.
	 * @return the count
	 */
	int armedCount() {
		return this.armed.size();
	}

	private static long deadline(long now, Duration timeout) {
		long nanos = (timeout.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L) ? Long.MAX_VALUE : timeout.toNanos();
		long deadline = now + nanos;
		// the sum overflows only for timeouts of centuries
		return (nanos > 0 && deadline < now) ? NONE - 1 : deadline;
	}

	private synchronized void checkNoLaterThan(long deadline, long now) {
		if (deadline < this.nextCheck) {
			schedule(deadline, now);
		}
	}

	/** Schedules a check for a deadline and cancels the one scheduled before, if any. */
	private void schedule(long deadline, long now) {
		Check check = new Check();
		check.task = this.scheduler.schedule(check, Math.max(0, deadline - now), TimeUnit.NANOSECONDS);
		Check previous = this.pending;
		this.pending = check;
		this.nextCheck = deadline;
		if (previous != null && previous.task != null) {
			previous.task.dispose();
		}
	}

	/**
	 * Fires the expired timeouts, then, unless a check for an earlier deadline replaced
	 * this one, schedules the check for the earliest deadline left.
	 */
	private void check(Check check) {
		long now = this.nanoTime.getAsLong();
		for (Timeout first = first(); first != null && first.deadline <= now; first = first()) {
			if (this.armed.remove(first)) {
				first.fire();
			}
		}
		synchronized (this) {
			if (this.pending != check) {
				return;
			}
			this.pending = null;
			// published before the set is read again: a timeout armed meanwhile either sees
			// this deadline and schedules its own check, or is seen here
			long target = earliestDeadline();
			while (true) {
				this.nextCheck = target;
				long again = earliestDeadline();
				if (again >= target) {
					break;
				}
				target = again;
			}
			if (target != NONE) {
				// the time again: firing the expired timeouts took some
				schedule(target, this.nanoTime.getAsLong());
			}
		}
	}

	private @Nullable Timeout first() {
		return this.armed.ceiling(this.lowest);
	}

	private long earliestDeadline() {
		Timeout first = first();
		return (first != null) ? first.deadline : NONE;
	}

	/** One scheduled check. */
	private final class Check implements Runnable {

		private @Nullable Disposable task;

		@Override
		public void run() {
			check(this);
		}

	}

	/** One armed timeout, ordered by deadline. */
	private final class Timeout implements Disposable, Comparable<Timeout> {

		private static final AtomicReferenceFieldUpdater<Timeout, Runnable> ACTION = AtomicReferenceFieldUpdater
			.newUpdater(Timeout.class, Runnable.class, "action");

		private final long deadline;

		private final long sequence;

		private volatile @Nullable Runnable action;

		Timeout(long deadline, long sequence, @Nullable Runnable action) {
			this.deadline = deadline;
			this.sequence = sequence;
			this.action = action;
		}

		void fire() {
			Runnable fired = ACTION.getAndSet(this, null);
			if (fired != null) {
				fired.run();
			}
		}

		@Override
		public void dispose() {
			if (ACTION.getAndSet(this, null) != null) {
				TimeoutTimer.this.armed.remove(this);
			}
		}

		@Override
		public boolean isDisposed() {
			return this.action == null;
		}

		@Override
		public int compareTo(Timeout other) {
			int byDeadline = Long.compare(this.deadline, other.deadline);
			return (byDeadline != 0) ? byDeadline : Long.compare(this.sequence, other.sequence);
		}

	}

}
