package io.github.triggerspring.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TimeoutTimer}: timeouts fire at their deadlines and not before, a
 * disarmed timeout never fires and leaves nothing behind, and calls with one timeout
 * schedule one check, not one task each.
 *
 * @author trigger-spring-boot contributors
 */
class TimeoutTimerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final VirtualTimeScheduler virtualTime = VirtualTimeScheduler.create();

	private final CountingScheduler scheduler = new CountingScheduler(this.virtualTime);

	private final TimeoutTimer timer = TimeoutTimer.on(this.scheduler);

	@Test
	void aTimeoutFiresAtItsDeadlineAndNotBefore() {
		AtomicInteger fired = new AtomicInteger();
		this.timer.arm(TIMEOUT, fired::incrementAndGet);
		this.virtualTime.advanceTimeBy(TIMEOUT.minusNanos(1));
		assertThat(fired).hasValue(0);
		this.virtualTime.advanceTimeBy(Duration.ofNanos(1));
		assertThat(fired).hasValue(1);
		this.virtualTime.advanceTimeBy(TIMEOUT.multipliedBy(3));
		assertThat(fired).hasValue(1);
		assertThat(this.timer.armedCount()).isZero();
	}

	@Test
	void aDisarmedTimeoutNeverFiresAndLeavesNothingArmed() {
		AtomicInteger fired = new AtomicInteger();
		Disposable armed = this.timer.arm(TIMEOUT, fired::incrementAndGet);
		this.virtualTime.advanceTimeBy(Duration.ofSeconds(1));
		armed.dispose();
		assertThat(armed.isDisposed()).isTrue();
		assertThat(this.timer.armedCount()).isZero();
		this.virtualTime.advanceTimeBy(TIMEOUT.multipliedBy(2));
		assertThat(fired).hasValue(0);
	}

	@Test
	void callsOneAfterAnotherScheduleOneCheckNotOneTaskEach() {
		AtomicInteger fired = new AtomicInteger();
		for (int call = 0; call < 1000; call++) {
			Disposable armed = this.timer.arm(TIMEOUT, fired::incrementAndGet);
			this.virtualTime.advanceTimeBy(Duration.ofMillis(1));
			armed.dispose();
		}
		assertThat(this.scheduler.scheduled).hasValue(1);
		this.virtualTime.advanceTimeBy(TIMEOUT.multipliedBy(2));
		assertThat(fired).hasValue(0);
		assertThat(this.scheduler.scheduled).hasValue(1);
		assertThat(this.timer.armedCount()).isZero();
	}

	@Test
	void theCheckFollowsTheEarliestLiveDeadline() {
		List<String> fired = new ArrayList<>();
		Disposable first = this.timer.arm(TIMEOUT, () -> fired.add("first"));
		this.virtualTime.advanceTimeBy(Duration.ofSeconds(1));
		this.timer.arm(TIMEOUT, () -> fired.add("second"));
		first.dispose();
		this.virtualTime.advanceTimeBy(Duration.ofSeconds(5).minusNanos(1));
		assertThat(fired).isEmpty();
		this.virtualTime.advanceTimeBy(Duration.ofNanos(1));
		assertThat(fired).containsExactly("second");
		// the check at the first timeout's deadline, then one at the second's
		assertThat(this.scheduler.scheduled).hasValue(2);
	}

	@Test
	void aShorterTimeoutArmedLaterFiresFirstAtItsOwnDeadline() {
		List<String> fired = new ArrayList<>();
		this.timer.arm(Duration.ofSeconds(60), () -> fired.add("long"));
		this.virtualTime.advanceTimeBy(Duration.ofSeconds(1));
		this.timer.arm(Duration.ofSeconds(2), () -> fired.add("short"));
		this.virtualTime.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(fired).containsExactly("short");
		this.virtualTime.advanceTimeBy(Duration.ofSeconds(57).minusNanos(1));
		assertThat(fired).containsExactly("short");
		this.virtualTime.advanceTimeBy(Duration.ofNanos(1));
		assertThat(fired).containsExactly("short", "long");
	}

	@Test
	void timeoutsOfOneDeadlineAllFireInTheOrderTheyWereArmed() {
		List<Integer> fired = new ArrayList<>();
		for (int index = 0; index < 5; index++) {
			int number = index;
			this.timer.arm(TIMEOUT, () -> fired.add(number));
		}
		this.virtualTime.advanceTimeBy(TIMEOUT);
		assertThat(fired).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void aDisposedSchedulerRefusesToTimeATimeout() {
		this.virtualTime.dispose();
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.timer.arm(TIMEOUT, () -> {
			}))
			.withMessage("The scheduler that times the response timeouts is disposed");
		assertThat(this.timer.armedCount()).isZero();
	}

	@Test
	void timeoutsArmedAndDisarmedFromManyThreadsAllFireOrLeave() throws InterruptedException {
		Scheduler parallel = Schedulers.newParallel("timeout-timer-test", 2);
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			TimeoutTimer real = new TimeoutTimer(parallel, System::nanoTime);
			int perThread = 2000;
			CountDownLatch fired = new CountDownLatch(4 * perThread / 2);
			AtomicInteger disarmedButFired = new AtomicInteger();
			for (int thread = 0; thread < 4; thread++) {
				callers.execute(() -> {
					for (int call = 0; call < perThread; call++) {
						if (call % 2 == 0) {
							real.arm(Duration.ofMillis(1 + call % 7), fired::countDown);
						}
						else {
							real.arm(Duration.ofSeconds(30), disarmedButFired::incrementAndGet).dispose();
						}
					}
				});
			}
			// liveness only: every armed timeout fires, however the threads interleave
			assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(real.armedCount()).isZero();
			assertThat(disarmedButFired).hasValue(0);
		}
		finally {
			callers.shutdownNow();
			parallel.dispose();
		}
	}

	/** A scheduler that counts the tasks scheduled on it. */
	private static final class CountingScheduler implements Scheduler {

		private final Scheduler delegate;

		private final AtomicInteger scheduled = new AtomicInteger();

		CountingScheduler(Scheduler delegate) {
			this.delegate = delegate;
		}

		@Override
		public Disposable schedule(Runnable task) {
			this.scheduled.incrementAndGet();
			return this.delegate.schedule(task);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			this.scheduled.incrementAndGet();
			return this.delegate.schedule(task, delay, unit);
		}

		@Override
		public long now(TimeUnit unit) {
			return this.delegate.now(unit);
		}

		@Override
		public boolean isDisposed() {
			return this.delegate.isDisposed();
		}

		@Override
		public Worker createWorker() {
			return this.delegate.createWorker();
		}

	}

}
