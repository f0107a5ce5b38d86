package io.github.triggerspring.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.Assert;

/**
 * How failed attempts are retried. The defaults match the official SDK: 5 attempts in
 * all, waiting 1 s × 1.6<sup>n-1</sup> between them, capped at 30 s, with no jitter.
 *
 * @param maxAttempts attempts in all, including the first one; 1 disables retries
 * @param initialBackoff wait after the first failed attempt
 * @param maxBackoff cap on any backoff wait
 * @param multiplier growth factor of the wait from one attempt to the next
 * @param jitter random extra wait, as a fraction of the backoff (0 = none, 1 = up to
 * double); for rate limits, a fraction of one second
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record TriggerRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter) {

	/**
	 * Validates the policy.
	 * @param maxAttempts attempts in all
	 * @param initialBackoff first wait
	 * @param maxBackoff cap on any wait
	 * @param multiplier growth factor
	 * @param jitter random fraction
	 */
	public TriggerRetryPolicy {
		Assert.isTrue(maxAttempts >= 1, "'trigger.retry.max-attempts' must be at least 1");
		Assert.isTrue(!initialBackoff.isNegative(), "'trigger.retry.initial-backoff' must not be negative");
		Assert.isTrue(!maxBackoff.isNegative(), "'trigger.retry.max-backoff' must not be negative");
		Assert.isTrue(multiplier >= 1, "'trigger.retry.multiplier' must be at least 1");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "'trigger.retry.jitter' must be between 0 and 1");
	}

	/**
	 * The official SDK's policy.
	 * @return the default policy
	 */
	public static TriggerRetryPolicy defaults() {
		return new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, 0);
	}

	/**
	 * Backoff wait after the given failed attempt, before jitter.
	 * @param failedAttempt number of the attempt that failed, starting at 1
	 * @return the wait
	 */
	public Duration backoff(long failedAttempt) {
		double millis = this.initialBackoff.toMillis() * Math.pow(this.multiplier, failedAttempt - 1);
		return Duration.ofMillis(Math.round(Math.min(this.maxBackoff.toMillis(), millis)));
	}

	/**
	 * Backoff wait after the given failed attempt with a random extra of up to
	 * {@code jitter} times the wait, still capped at {@link #maxBackoff()}.
	 * @param failedAttempt number of the attempt that failed, starting at 1
	 * @return the wait
	 */
	public Duration backoffWithJitter(long failedAttempt) {
		long backoff = backoff(failedAttempt).toMillis();
		long bound = (long) (backoff * this.jitter);
		long extra = (bound > 0) ? ThreadLocalRandom.current().nextLong(bound + 1) : 0;
		return Duration.ofMillis(Math.min(backoff + extra, this.maxBackoff.toMillis()));
	}

}
