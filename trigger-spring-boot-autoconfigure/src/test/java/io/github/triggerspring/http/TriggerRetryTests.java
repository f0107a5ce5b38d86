package io.github.triggerspring.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerTimeoutException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.scheduler.Schedulers;
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
			Schedulers.immediate());

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
	void jitterAddsUpToTheGivenFractionOfTheBackoff() {
		TriggerRetry jittered = new TriggerRetry(
				new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, 0.5), this.clock,
				Schedulers.immediate());
		for (int i = 0; i < 200; i++) {
			assertThat(jittered.delay(error(500), 2)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2399));
		}
	}

	@Test
	void jitterNeverPushesTheWaitBeyondTheCap() {
		TriggerRetry jittered = new TriggerRetry(
				new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, 1), this.clock,
				Schedulers.immediate());
		for (int i = 0; i < 200; i++) {
			assertThat(jittered.delay(error(500), 20)).isEqualTo(Duration.ofSeconds(30));
		}
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
