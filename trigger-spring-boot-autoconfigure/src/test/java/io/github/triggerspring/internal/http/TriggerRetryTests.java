package io.github.triggerspring.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerTimeoutException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.testing.FixedRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerRetry}, with a fixed clock so that every wait is exact.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerRetryTests {

	/** 2026-01-01T00:00:00.250Z. */
	private static final Instant NOW = Instant.ofEpochMilli(1_767_225_600_250L);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ApiErrors errors = new ApiErrors(JsonMapper.builder().build(), this.clock);

	private final TriggerRetry retry = new TriggerRetry(TriggerRetryPolicy.defaults(), this.clock,
			Schedulers.immediate(), FixedRandom.HIGHEST);

	@Test
	void serverErrorsWaitTheDefaultBackoffExactly() {
		TriggerApiException failure = error(500);
		assertThat(this.retry.delay(failure, 1)).isEqualTo(Duration.ofMillis(1000));
		assertThat(this.retry.delay(failure, 2)).isEqualTo(Duration.ofMillis(1600));
		assertThat(this.retry.delay(failure, 3)).isEqualTo(Duration.ofMillis(2560));
		assertThat(this.retry.delay(failure, 4)).isEqualTo(Duration.ofMillis(4096));
		assertThat(this.retry.delay(failure, 12)).isEqualTo(Duration.ofMillis(30000));
	}

	@Test
	void rateLimitWaitsUntilResetGivenInEpochMilliseconds() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() + 300));
		assertThat(failure).isInstanceOf(TriggerRateLimitException.class);
		assertThat(((TriggerRateLimitException) failure).getReset()).isEqualTo(NOW.plusMillis(300));
		assertThat(this.retry.delay(failure, 1)).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void rateLimitWaitOnResetIsNotCappedByTheBackoffLimit() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() + 45_000));
		assertThat(this.retry.delay(failure, 1)).isEqualTo(Duration.ofMillis(45_000));
	}

	@Test
	void batchRateLimitResetInEpochSecondsWithRetryAfterIsReadAsSeconds() {
		// The batch limiter sends X-RateLimit-Reset in seconds plus Retry-After.
		TriggerApiException failure = error(429, "X-RateLimit-Reset", "1767225603", "Retry-After", "3");
		assertThat(((TriggerRateLimitException) failure).getReset()).isEqualTo(Instant.ofEpochSecond(1_767_225_603L));
		assertThat(this.retry.delay(failure, 1)).isEqualTo(Duration.ofMillis(2750));
	}

	@Test
	void retryAfterAloneIsReadAsSecondsFromNow() {
		TriggerApiException failure = error(429, "Retry-After", "7");
		assertThat(((TriggerRateLimitException) failure).getReset()).isEqualTo(NOW.plusSeconds(7));
		assertThat(this.retry.delay(failure, 1)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void rateLimitWithResetInThePastFallsBackToBackoff() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() - 10));
		assertThat(this.retry.delay(failure, 2)).isEqualTo(Duration.ofMillis(1600));
	}

	@Test
	void rateLimitWithoutResetHeadersFallsBackToBackoff() {
		TriggerApiException failure = error(429);
		assertThat(((TriggerRateLimitException) failure).getReset()).isNull();
		assertThat(this.retry.delay(failure, 3)).isEqualTo(Duration.ofMillis(2560));
	}

	@Test
	void rateLimitWithUnparsableResetFallsBackToBackoff() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", "soon");
		assertThat(((TriggerRateLimitException) failure).getReset()).isNull();
		assertThat(this.retry.delay(failure, 1)).isEqualTo(Duration.ofMillis(1000));
	}

	@Test
	void jitterAddsAtLeastNothingToTheBackoff() {
		TriggerRetry jittered = retry(jitterPolicy(0.5), FixedRandom.LOWEST);
		assertThat(jittered.delay(error(500), 2)).isEqualTo(Duration.ofMillis(1600));
	}

	@Test
	void jitterAddsLessThanTheGivenFractionOfTheBackoff() {
		// 0.5 × 1600 ms: the extra is drawn from [0, 800), so at most 799 ms
		TriggerRetry jittered = retry(jitterPolicy(0.5), FixedRandom.HIGHEST);
		assertThat(jittered.delay(error(500), 2)).isEqualTo(Duration.ofMillis(2399));
	}

	@Test
	void jitterNeverPushesTheWaitBeyondTheCap() {
		TriggerRetry jittered = retry(jitterPolicy(1), FixedRandom.HIGHEST);
		assertThat(jittered.delay(error(500), 8)).isEqualTo(Duration.ofSeconds(30));
		assertThat(jittered.delay(error(500), 20)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void rateLimitJitterAddsLessThanTheGivenFractionOfOneSecond() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() + 300));
		assertThat(retry(jitterPolicy(0.5), FixedRandom.HIGHEST).delay(failure, 1)).isEqualTo(Duration.ofMillis(799));
		assertThat(retry(jitterPolicy(0.5), FixedRandom.LOWEST).delay(failure, 1)).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void rateLimitResetAtTheCapIsWaitedFor() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() + 60_000));
		assertThat(this.retry.delay(failure, 1)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void rateLimitResetBeyondTheCapIsNotWaitedFor() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() + 60_001));
		assertThat(this.retry.delay(failure, 1)).isNull();
		TriggerRetry shortCap = retry(new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6,
				0, Duration.ofMillis(200)), FixedRandom.LOWEST);
		assertThat(shortCap.delay(error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() + 300)), 1))
			.isNull();
	}

	@Test
	void rateLimitResetBeyondTheCapFailsAtOnceWithTheRateLimitException() {
		TriggerApiException failure = error(429, "x-ratelimit-reset", Long.toString(NOW.toEpochMilli() + 90_000));
		StepVerifier.create(this.retry.apply(() -> Mono.error(failure)))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isSameAs(failure);
				assertThat(((TriggerRateLimitException) error).getReset()).isEqualTo(NOW.plusSeconds(90));
			})
			.verify(Duration.ofSeconds(5));
	}

	private TriggerRetry retry(TriggerRetryPolicy policy, RandomGenerator random) {
		return new TriggerRetry(policy, this.clock, Schedulers.immediate(), random);
	}

	private static TriggerRetryPolicy jitterPolicy(double jitter) {
		return new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, jitter);
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409, 429, 500, 502, 503, 504 })
	void transientStatusesAreRetryable(int status) {
		assertThat(TriggerRetry.isRetryable(error(status))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 405, 413, 418, 422 })
	void clientErrorsAreNotRetryable(int status) {
		assertThat(TriggerRetry.isRetryable(error(status))).isFalse();
	}

	@Test
	void shouldRetryHeaderOverridesTheStatus() {
		assertThat(TriggerRetry.isRetryable(error(404, "x-should-retry", "true"))).isTrue();
		assertThat(TriggerRetry.isRetryable(error(500, "x-should-retry", "false"))).isFalse();
		assertThat(TriggerRetry.isRetryable(error(429, "x-should-retry", "false"))).isFalse();
	}

	@Test
	void connectionErrorsAndTimeoutsAreRetryableButOtherFailuresAreNot() {
		assertThat(TriggerRetry.isRetryable(new TriggerConnectionException("Connection error: reset", new Exception())))
			.isTrue();
		assertThat(TriggerRetry.isRetryable(new TriggerTimeoutException(Duration.ofSeconds(1), new Exception())))
			.isTrue();
		assertThat(TriggerRetry.isRetryable(new TriggerUnexpectedResponseException(200, "bad shape", null)))
			.isFalse();
		assertThat(TriggerRetry.isRetryable(new TriggerValidationException("runId", "must not be blank."))).isFalse();
		assertThat(TriggerRetry.isRetryable(new IllegalStateException("bug"))).isFalse();
	}

	private TriggerApiException error(int status, String... headerNamesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return this.errors.create(status, "{\"error\":\"failure " + status + "\"}", headers);
	}

}
