package io.github.triggerspring.internal.http;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

/**
 * One attempt, made on each subscription, bounded by the response timeout, with its
 * failures mapped. It signals a {@link TimeoutException} and cancels the attempt when no
 * item nor terminal signal arrives in time, as {@link Mono#timeout(Duration, Scheduler)}
 * does, but timed by the client's {@link TimeoutTimer}, which schedules no task per
 * attempt, and with no subscriber of its own for the timer;
 * it defers the attempt, as {@link Mono#defer(Supplier)} does, and maps its failures, as
 * {@link Mono#onErrorMap(Function)} does, in the same subscriber.
 *
 * @param <T> the attempt's result type
 * @author trigger-spring-boot contributors
 */
final class AttemptTimeout<T> extends Mono<T> {

	private final Supplier<? extends Mono<? extends T>> attempt;

	private final Duration timeout;

	private final TimeoutTimer timer;

	private final Function<Throwable, Throwable> failures;

	private AttemptTimeout(Supplier<? extends Mono<? extends T>> attempt, Duration timeout, TimeoutTimer timer,
			Function<Throwable, Throwable> failures) {
		this.attempt = attempt;
		this.timeout = timeout;
		this.timer = timer;
		this.failures = failures;
	}

	/**
	 * Bounds an attempt by a timeout.
	 * @param <T> the attempt's result type
	 * @param attempt makes the attempt; called once per subscription
	 * @param timeout the most time between the subscription and the first signal
	 * @param timer the timer that times the timeout
	 * @param failures maps each failure, the timeout's included, before it is signalled
	 * @return the bounded attempt
	 */
	static <T> Mono<T> of(Supplier<? extends Mono<? extends T>> attempt, Duration timeout, TimeoutTimer timer,
			Function<Throwable, Throwable> failures) {
		return onAssembly(new AttemptTimeout<>(attempt, timeout, timer, failures));
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		Mono<? extends T> source;
		try {
			source = this.attempt.get();
		}
		catch (Throwable ex) {
			Operators.error(actual, this.failures.apply(Operators.onOperatorError(ex, actual.currentContext())));
			return;
		}
		source.subscribe(new TimeoutSubscriber<>(actual, this.timeout, this.timer, this.failures,
				source.getClass().getSimpleName()));
	}

	/**
	 * Forwards the attempt's signals until the timer fires, then cancels the attempt.
	 */
	private static final class TimeoutSubscriber<T> implements CoreSubscriber<T>, Subscription, Runnable {

		private static final int ARMED = 0;

		private static final int DISARMED = 1;

		private static final int FIRED = 2;

		@SuppressWarnings("rawtypes")
		private static final AtomicIntegerFieldUpdater<TimeoutSubscriber> STATE = AtomicIntegerFieldUpdater
			.newUpdater(TimeoutSubscriber.class, "state");

		@SuppressWarnings("rawtypes")
		private static final AtomicReferenceFieldUpdater<TimeoutSubscriber, Disposable> TIMER = AtomicReferenceFieldUpdater
			.newUpdater(TimeoutSubscriber.class, Disposable.class, "timer");

		private static final Disposable DISPOSED = Disposables.disposed();

		private final CoreSubscriber<? super T> actual;

		private final Duration timeout;

		private final TimeoutTimer timeoutTimer;

		private final Function<Throwable, Throwable> failures;

		/** Simple class name of the attempt, named in the timeout's message as Reactor does. */
		private final String sourceName;

		private @Nullable Subscription upstream;

		private volatile int state;

		private volatile @Nullable Disposable timer;

		TimeoutSubscriber(CoreSubscriber<? super T> actual, Duration timeout, TimeoutTimer timer,
				Function<Throwable, Throwable> failures, String sourceName) {
			this.actual = actual;
			this.timeout = timeout;
			this.timeoutTimer = timer;
			this.failures = failures;
			this.sourceName = sourceName;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
				if (this.state == ARMED) {
					arm();
				}
			}
		}

		private void arm() {
			Disposable scheduled;
			try {
				scheduled = this.timeoutTimer.arm(this.timeout, this);
			}
			catch (RejectedExecutionException ex) {
				// as Mono.timeout does when its timer cannot be scheduled
				run();
				return;
			}
			if (!TIMER.compareAndSet(this, null, scheduled)) {
				scheduled.dispose();
			}
		}

		/**
		 * Stops the timer unless it has fired.
		 * @return whether the attempt's signals still go through
		 */
		private boolean disarm() {
			if (STATE.compareAndSet(this, ARMED, DISARMED)) {
				Disposable scheduled = TIMER.getAndSet(this, DISPOSED);
				if (scheduled != null) {
					scheduled.dispose();
				}
			}
			return this.state == DISARMED;
		}

		@Override
		public void run() {
			if (STATE.compareAndSet(this, ARMED, FIRED)) {
				Subscription subscription = this.upstream;
				if (subscription != null) {
					subscription.cancel();
				}
				this.actual.onError(this.failures.apply(new TimeoutException("Did not observe any item or terminal signal within "
						+ this.timeout.toMillis() + "ms in 'source(" + this.sourceName
						+ ")' (and no fallback has been configured)")));
			}
		}

		@Override
		public void onNext(T item) {
			if (disarm()) {
				this.actual.onNext(item);
			}
			else {
				Operators.onNextDropped(item, this.actual.currentContext());
			}
		}

		@Override
		public void onError(Throwable failure) {
			if (disarm()) {
				this.actual.onError(this.failures.apply(failure));
			}
			else {
				Operators.onErrorDropped(failure, this.actual.currentContext());
			}
		}

		@Override
		public void onComplete() {
			if (disarm()) {
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.request(n);
			}
		}

		@Override
		public void cancel() {
			disarm();
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.cancel();
			}
		}

	}

}
