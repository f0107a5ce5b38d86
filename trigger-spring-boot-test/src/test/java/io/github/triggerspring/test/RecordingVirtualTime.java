package io.github.triggerspring.test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual time for the client's retry waits: records every wait the client asks for,
 * which only elapses when the test advances the time. The client's checks of its
 * response timeouts ({@link EmulatorClients#RESPONSE_TIMEOUT}) are timed too but are not
 * waits: they are neither recorded nor counted.
 *
 * @author trigger-spring-boot contributors
 */
final class RecordingVirtualTime implements Scheduler {

	private final VirtualTimeScheduler virtualTime = VirtualTimeScheduler.create();

	private final BlockingQueue<Duration> waits = new LinkedBlockingQueue<>();

	private final AtomicInteger elapsedWaits = new AtomicInteger();

	@Override
	public Disposable schedule(Runnable task) {
		return this.virtualTime.schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		if (TimeoutCheckTasks.checksResponseTimeouts(task)) {
			return this.virtualTime.schedule(task, delay, unit);
		}
		Duration wait = Duration.ofNanos(unit.toNanos(delay));
		Disposable scheduled = this.virtualTime.schedule(() -> {
			this.elapsedWaits.incrementAndGet();
			task.run();
		}, delay, unit);
		this.waits.add(wait);
		return scheduled;
	}

	@Override
	public long now(TimeUnit unit) {
		return this.virtualTime.now(unit);
	}

	@Override
	public Worker createWorker() {
		return this.virtualTime.createWorker();
	}

	Duration nextWait() throws InterruptedException {
		Duration wait = this.waits.poll(5_000, TimeUnit.MILLISECONDS);
		assertThat(wait).as("wait scheduled by the client").isNotNull();
		return wait;
	}

	void advanceTimeBy(Duration time) {
		this.virtualTime.advanceTimeBy(time);
	}

	int elapsedWaits() {
		return this.elapsedWaits.get();
	}

}
