package io.github.triggerspring.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.springframework.util.Assert;

/**
 * How failed attempts are retried. The defaults match the official SDK: 5 attempts in
 * all, waiting 1 s × 1.6<sup>n-1</sup> between them, capped at 30 s, with no jitter. On
 * top of the SDK, no single rate-limit wait may exceed {@link #maxRateLimitWait()}.
 *
 * @param maxAttempts attempts in all, including the first one; 1 disables retries
 * @param initialBackoff wait after the first failed attempt
 * @param maxBackoff cap on any backoff wait
 * @param multiplier growth factor of the wait from one attempt to the next
 * @param jitter random extra wait, as a fraction of the backoff: the extra is at least 0
 * and less than {@code jitter} times the backoff (0 = none, 1 = less than double); for
 * rate limits, less than {@code jitter} seconds
 * @param maxRateLimitWait longest wait for a rate limit to reset; a 429 whose reset is
 * further away fails at once
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record TriggerRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter, Duration maxRateLimitWait) {

	/** Default of {@link #maxRateLimitWait()}: one minute, the API's rate-limit window. */
	public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

	/**
	 * Validates the policy.
	 * @param maxAttempts attempts in all
	 * @param initialBackoff first wait
	 * @param maxBackoff cap on any wait
	 * @param multiplier growth factor
	 * @param jitter random fraction
	 * @param maxRateLimitWait cap on a rate-limit wait
	 */
	public TriggerRetryPolicy {
		Assert.isTrue(maxAttempts >= 1, "'trigger.retry.max-attempts' must be at least 1");
		Assert.isTrue(!initialBackoff.isNegative(), "'trigger.retry.initial-backoff' must not be negative");
		Assert.isTrue(!maxBackoff.isNegative(), "'trigger.retry.max-backoff' must not be negative");
		Assert.isTrue(multiplier >= 1, "'trigger.retry.multiplier' must be at least 1");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "'trigger.retry.jitter' must be between 0 and 1");
		Assert.isTrue(!maxRateLimitWait.isNegative(), "'trigger.retry.max-rate-limit-wait' must not be negative");
	}

	/**
	 * A policy that waits at most {@link #DEFAULT_MAX_RATE_LIMIT_WAIT} for a rate limit.
	 * @param maxAttempts attempts in all
	 * @param initialBackoff first wait
	 * @param maxBackoff cap on any wait
	 * @param multiplier growth factor
	 * @param jitter random fraction
	 */
	public TriggerRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
			double jitter) {
		this(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, DEFAULT_MAX_RATE_LIMIT_WAIT);
	}

	/**
	 * The official SDK's policy.
	 * @return the default policy
	 */
	public static TriggerRetryPolicy defaults() {
		return new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, 0);
	}

	/**
	 * A policy that never retries.
	 * @return the policy
	 */
	public static TriggerRetryPolicy none() {
		return new TriggerRetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0);
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
	 * Backoff wait after the given failed attempt plus a random extra of at least 0 and
	 * less than {@code jitter} times the wait, still capped at {@link #maxBackoff()}.
	 * @param failedAttempt number of the attempt that failed, starting at 1
	 * @param random source of the extra
	 * @return the wait
	 */
	public Duration backoffWithJitter(long failedAttempt, RandomGenerator random) {
		long backoff = backoff(failedAttempt).toMillis();
		long extra = randomBelow(backoff * this.jitter, random);
		return Duration.ofMillis(Math.min(backoff + extra, this.maxBackoff.toMillis()));
	}

	/**
	 * Random extra added to a rate-limit wait: at least 0 and less than {@code jitter}
	 * seconds.
	 * @param random source of the extra
	 * @return the extra wait
	 */
	public Duration rateLimitJitter(RandomGenerator random) {
		return Duration.ofMillis(randomBelow(1000 * this.jitter, random));
	}

	private static long randomBelow(double bound, RandomGenerator random) {
		long whole = (long) bound;
		return (whole > 0) ? random.nextLong(whole) : 0;
	}

}
