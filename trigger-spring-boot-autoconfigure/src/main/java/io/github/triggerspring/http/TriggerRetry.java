package io.github.triggerspring.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerRateLimitException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Reactor {@link Retry} that follows the official SDK's rules: connection errors, 408,
 * 409, 429 and 5xx are retried with exponential backoff; {@code x-should-retry} forces or
 * forbids a retry; a 429 waits until its reset time.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerRetry extends Retry {

	private final TriggerRetryPolicy policy;

	private final Clock clock;

	private final Scheduler scheduler;

	TriggerRetry(TriggerRetryPolicy policy, Clock clock, Scheduler scheduler) {
		this.policy = policy;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	@Override
	public Publisher<?> generateCompanion(Flux<RetrySignal> retrySignals) {
		return retrySignals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			long failedAttempt = signal.totalRetries() + 1;
			if (failedAttempt >= this.policy.maxAttempts() || !isRetryable(failure)) {
				return Mono.error(failure);
			}
			return Mono.delay(delay(failure, failedAttempt), this.scheduler);
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

	Duration delay(Throwable failure, long failedAttempt) {
		if (failure instanceof TriggerRateLimitException rateLimit && rateLimit.getReset() != null) {
			Duration untilReset = Duration.between(this.clock.instant(), rateLimit.getReset());
			if (!untilReset.isNegative() && !untilReset.isZero()) {
				return untilReset.plusMillis(random(1000 * this.policy.jitter()));
			}
		}
		return this.policy.backoffWithJitter(failedAttempt);
	}

	private static long random(double bound) {
		return (bound >= 1) ? ThreadLocalRandom.current().nextLong((long) bound) : 0;
	}

}
