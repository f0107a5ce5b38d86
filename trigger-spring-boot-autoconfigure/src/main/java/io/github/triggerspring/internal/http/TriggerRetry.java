package io.github.triggerspring.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Retries that follow the official SDK's rules: connection errors, 408, 409, 429 and 5xx
 * are retried with exponential backoff; {@code x-should-retry} forces or forbids a retry;
 * a 429 waits until its reset time, unless that is further away than
 * {@link TriggerRetryPolicy#maxRateLimitWait()}, in which case the call fails at once.
 * <p>
 * Each attempt is resumed by the next one only when it fails: unlike Reactor's
 * {@code retryWhen}, a call whose first attempt succeeds allocates no retry machinery.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerRetry {

	private final TriggerRetryPolicy policy;

	private final Clock clock;

	private final Scheduler scheduler;

	private final RandomGenerator random;

	private final Consumer<Throwable> beforeRetry;

	TriggerRetry(TriggerRetryPolicy policy, Clock clock, Scheduler scheduler, RandomGenerator random) {
		this(policy, clock, scheduler, random, (failure) -> {
		});
	}

	/**
	 * Creates a retry that tells each retry, before its wait, to a listener.
	 * @param beforeRetry called with the failure of the attempt that is retried
	 */
	TriggerRetry(TriggerRetryPolicy policy, Clock clock, Scheduler scheduler, RandomGenerator random,
			Consumer<Throwable> beforeRetry) {
		this.policy = policy;
		this.clock = clock;
		this.scheduler = scheduler;
		this.random = random;
		this.beforeRetry = beforeRetry;
	}

	/**
	 * The attempts of a call: the first one, then, after each failure that the policy
	 * retries, a wait and the next one. The last failure is signalled.
	 * @param <T> the result type
	 * @param attempt makes one attempt; called once per attempt
	 * @return the call
	 */
	<T> Mono<T> apply(Supplier<Mono<T>> attempt) {
		return attempt(attempt, 1);
	}

	private <T> Mono<T> attempt(Supplier<Mono<T>> attempt, long number) {
		return attempt.get().onErrorResume((failure) -> {
			if (number >= this.policy.maxAttempts() || !isRetryable(failure)) {
				return Mono.error(failure);
			}
			Duration delay = delay(failure, number);
			if (delay == null) {
				return Mono.error(failure);
			}
			this.beforeRetry.accept(failure);
			return Mono.delay(delay, this.scheduler).then(Mono.defer(() -> attempt(attempt, number + 1)));
		});
	}

	static boolean isRetryable(Throwable failure) {
		if (failure instanceof TriggerConnectionException) {
			return true;
		}
		if (failure instanceof TriggerApiException api) {
			String shouldRetry = api.getHeaders().getFirst("x-should-retry");
			if ("true".equals(shouldRetry)) {
				return true;
			}
			if ("false".equals(shouldRetry)) {
				return false;
			}
			int status = api.getStatus();
			return status == 408 || status == 409 || status == 429 || status >= 500;
		}
		return false;
	}

	/**
	 * Wait before the next attempt.
	 * @param failure the failure of the attempt
	 * @param failedAttempt number of the attempt that failed, starting at 1
	 * @return the wait, or {@code null} when a rate limit resets later than the policy
	 * allows to wait
	 */
	@Nullable Duration delay(Throwable failure, long failedAttempt) {
		if (failure instanceof TriggerRateLimitException rateLimit && rateLimit.getReset() != null) {
			Duration untilReset = Duration.between(this.clock.instant(), rateLimit.getReset());
			if (untilReset.compareTo(this.policy.maxRateLimitWait()) > 0) {
				return null;
			}
			if (!untilReset.isNegative() && !untilReset.isZero()) {
				return untilReset.plus(this.policy.rateLimitJitter(this.random));
			}
		}
		return this.policy.backoffWithJitter(failedAttempt, this.random);
	}

}
