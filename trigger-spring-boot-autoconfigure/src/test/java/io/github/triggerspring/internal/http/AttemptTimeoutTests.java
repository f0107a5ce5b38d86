package io.github.triggerspring.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttemptTimeout}: the attempt is made on each subscription, bounded by
 * its timeout on virtual time, and its failures are mapped.
 *
 * @author trigger-spring-boot contributors
 */
class AttemptTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration VERIFY = Duration.ofSeconds(10);

	private static final Function<Throwable, Throwable> MAPPED = (failure) -> new IllegalStateException(
			"mapped: " + failure.getMessage(), failure);

	@Test
	void eachSubscriptionMakesItsOwnAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<Integer> attempt = AttemptTimeout.of(() -> Mono.just(attempts.incrementAndGet()), TIMEOUT,
				TimeoutTimer.on(VirtualTimeScheduler.create()), MAPPED);
		assertThat(attempts).hasValue(0);
		StepVerifier.create(attempt).expectNext(1).expectComplete().verify(VERIFY);
		StepVerifier.create(attempt).expectNext(2).expectComplete().verify(VERIFY);
	}

	@Test
	void anAttemptThatCannotBeMadeIsAMappedFailure() {
		Mono<String> attempt = AttemptTimeout.of(() -> {
			throw new IllegalArgumentException("no request");
		}, TIMEOUT, TimeoutTimer.on(VirtualTimeScheduler.create()), MAPPED);
		StepVerifier.create(attempt)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessage("mapped: no request")
				.hasCauseExactlyInstanceOf(IllegalArgumentException.class))
			.verify(VERIFY);
	}

	@Test
	void aFailureOfTheAttemptIsMapped() {
		Mono<String> attempt = AttemptTimeout.of(() -> Mono.error(new IllegalArgumentException("refused")), TIMEOUT,
				TimeoutTimer.on(VirtualTimeScheduler.create()), MAPPED);
		StepVerifier.create(attempt).expectErrorMessage("mapped: refused").verify(VERIFY);
	}

	@Test
	void noSignalWithinTheTimeoutCancelsTheAttemptAndSignalsAMappedTimeout() {
		AtomicBoolean cancelled = new AtomicBoolean();
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		StepVerifier
			.withVirtualTime(() -> AttemptTimeout.of(() -> Mono.<String>never().doOnCancel(() -> cancelled.set(true)),
					TIMEOUT, TimeoutTimer.on(scheduler), MAPPED), () -> scheduler, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(TIMEOUT.minusMillis(1))
			.then(() -> assertThat(cancelled).isFalse())
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> {
				assertThat(error).hasMessageStartingWith("mapped: Did not observe any item or terminal signal within "
						+ "5000ms in 'source(");
				assertThat(error.getCause()).isInstanceOf(TimeoutException.class);
			})
			.verify(VERIFY);
		assertThat(cancelled).isTrue();
	}

	@Test
	void anAttemptThatAnswersJustInTimeIsNotATimeout() {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
		StepVerifier
			.withVirtualTime(() -> AttemptTimeout.of(() -> Mono.delay(TIMEOUT.minusMillis(1), scheduler), TIMEOUT,
					TimeoutTimer.on(scheduler), MAPPED), () -> scheduler, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(TIMEOUT.minusMillis(1))
			.expectNext(0L)
			.expectComplete()
			.verify(VERIFY);
	}

}
