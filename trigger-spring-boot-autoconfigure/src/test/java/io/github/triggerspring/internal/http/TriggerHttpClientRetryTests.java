package io.github.triggerspring.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerServerException;
import io.github.triggerspring.error.TriggerTimeoutException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TriggerHttpClient}'s retries, against a mock API with
 * {@link MockTriggerApi#FAST_RETRY fast retries}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerHttpClientRetryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MockTriggerApi api = new MockTriggerApi();

	private final RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey()));

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private void expectRun() {
		StepVerifier.create(this.runs.retrieve("run_1234"))
			.assertNext((run) -> assertThat(run.id()).isEqualTo("run_1234"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private List<RecordedRequest> takeRequests() {
		List<RecordedRequest> requests = new ArrayList<>();
		for (int i = this.api.requestCount(); i > 0; i--) {
			requests.add(this.api.takeRequest());
		}
		return requests;
	}

	@Test
	void serverErrorsAreRetriedWithTheSameRequestIdempotencyKey() {
		this.api.respond(500, "{\"error\":\"boom\"}").respond(503, "{\"error\":\"busy\"}").respond(200, MockTriggerApi.RUN_JSON);
		expectRun();
		List<RecordedRequest> requests = takeRequests();
		assertThat(requests).hasSize(3);
		String key = requests.get(0).getHeaders().get("x-trigger-request-idempotency-key");
		assertThat(key).isNotBlank();
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getMethod()).isEqualTo("GET");
			assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/runs/run_1234");
			assertThat(request.getHeaders().get("x-trigger-request-idempotency-key")).isEqualTo(key);
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		});
	}

	@Test
	void rateLimitWithoutResetIsRetriedWithBackoff() {
		this.api.respond(429, "{\"error\":\"Rate limit exceeded\"}").respond(200, MockTriggerApi.RUN_JSON);
		expectRun();
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409 })
	void timeoutAndConflictStatusesAreRetried(int status) {
		this.api.respond(status, "{\"error\":\"try again\"}").respond(200, MockTriggerApi.RUN_JSON);
		expectRun();
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource({ "400, io.github.triggerspring.error.TriggerBadRequestException",
			"401, io.github.triggerspring.error.TriggerAuthenticationException",
			"404, io.github.triggerspring.error.TriggerNotFoundException",
			"422, io.github.triggerspring.error.TriggerUnprocessableEntityException" })
	void clientErrorsAreNotRetried(int status, Class<? extends TriggerApiException> type) {
		this.api.respond(status, "{\"error\":\"Rejected with " + status + "\"}").respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.create(this.runs.retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(type);
				assertThat(((TriggerApiException) error).getStatus()).isEqualTo(status);
				assertThat(((TriggerApiException) error).getError()).isEqualTo("Rejected with " + status);
				assertThat(error).hasMessage(status + " Rejected with " + status);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void shouldRetryFalseStopsRetriesOfAServerError() {
		this.api.respond(500, "{\"error\":\"Batch failed\"}", "x-should-retry: false").respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.create(this.runs.retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerServerException.class);
				assertThat(error).hasMessage("500 Batch failed");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void shouldRetryTrueRetriesANotFound() {
		this.api.respond(404, "{\"error\":\"Run not found\"}", "x-should-retry: true").respond(200, MockTriggerApi.RUN_JSON);
		expectRun();
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void exhaustedRetriesSignalTheLastError() {
		for (int attempt = 1; attempt <= 6; attempt++) {
			this.api.respond(500, "{\"error\":\"failure " + attempt + "\"}");
		}
		StepVerifier.create(this.runs.retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerServerException.class);
				assertThat(((TriggerApiException) error).getError()).isEqualTo("failure 5");
				assertThat(error).hasMessage("500 failure 5");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(5);
	}

	@Test
	void droppedConnectionIsRetried() {
		this.api.respond(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build())
			.respond(200, MockTriggerApi.RUN_JSON);
		expectRun();
		List<RecordedRequest> requests = takeRequests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).getHeaders().get("x-trigger-request-idempotency-key"))
			.isEqualTo(requests.get(0).getHeaders().get("x-trigger-request-idempotency-key"));
	}

	@Test
	void droppedConnectionWithoutRetriesIsAConnectionError() {
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey(),
				new TriggerRetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0), Duration.ofSeconds(10)));
		this.api.respond(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build())
			.respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.create(runs.retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerConnectionException.class);
				assertThat(error.getMessage()).startsWith("Connection error: ")
					.doesNotContain(MockTriggerApi.SECRET_KEY);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void slowResponseIsRetriedAfterTheTimeout() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, Duration.ofMillis(300)), Clock.systemUTC(), time,
				FixedRandom.LOWEST));
		this.api.respond(slowResponse()).respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.withVirtualTime(() -> runs.retrieve("run_1234"), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.then(this.api::takeRequest) // the first attempt is on the wire, waiting for headers
			.thenAwait(Duration.ofMillis(300)) // its response timeout
			.thenAwait(Duration.ofMillis(10)) // FAST_RETRY's first backoff
			.assertNext((run) -> assertThat(run.id()).isEqualTo("run_1234"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void callTimeoutEndsRetriesAndIsNotRetried() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TriggerHttpSettings settings = MockTriggerApi.settings(TriggerRetryPolicy.defaults(), Duration.ofSeconds(1))
			.withCallTimeout(Duration.ofMillis(2500));
		RunsClient runs = new RunsClient(
				this.api.http(MockTriggerApi.secretKey(), settings, Clock.systemUTC(), time, FixedRandom.LOWEST));
		this.api.respond(slowResponse()).respond(slowResponse());
		StepVerifier.withVirtualTime(() -> runs.retrieve("run_1234"), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.then(this.api::takeRequest) // attempt 1 is on the wire
			.thenAwait(Duration.ofSeconds(1)) // its response timeout
			.thenAwait(Duration.ofSeconds(1)) // the first backoff
			.then(this.api::takeRequest) // attempt 2 is on the wire
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerTimeoutException.class)
					.hasMessage("The call did not end within 2500 ms, retries included (trigger.call-timeout).");
				assertThat(((TriggerTimeoutException) error).getTimeout()).isEqualTo(Duration.ofMillis(2500));
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	private static MockResponse slowResponse() {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body(MockTriggerApi.RUN_JSON)
			.headersDelay(30, TimeUnit.SECONDS)
			.build();
	}

	@Test
	void rateLimitResetBeyondTheCapFailsAtOnceWithoutWaiting() {
		long reset = System.currentTimeMillis() + 3_600_000;
		this.api.respond(429, "{\"error\":\"Rate limit exceeded\"}", "x-ratelimit-reset: " + reset);
		StepVerifier.create(this.runs.retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerRateLimitException.class)
					.hasMessage("429 Rate limit exceeded");
				assertThat(((TriggerRateLimitException) error).getReset()).isEqualTo(Instant.ofEpochMilli(reset));
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void rateLimitResetWithinTheCapIsWaitedForOnTheScheduler() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(TriggerRetryPolicy.defaults(), TIMEOUT), Clock.fixed(now, ZoneOffset.UTC), time,
				FixedRandom.LOWEST));
		this.api.respond(429, "{\"error\":\"Rate limit exceeded\"}",
				"x-ratelimit-reset: " + now.plusSeconds(45).toEpochMilli())
			.respond(200, MockTriggerApi.RUN_JSON);
		StepVerifier.withVirtualTime(() -> runs.retrieve("run_1234"), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			// the attempt's response timeout is task 1, the wait for the reset task 2
			.then(() -> await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() == 2))
			.thenAwait(Duration.ofMillis(44_999))
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((run) -> assertThat(run.id()).isEqualTo("run_1234"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void postCallsAreRetriedWithTheSameRequestIdempotencyKey() {
		this.api.respond(502, "{\"error\":\"Bad gateway\"}").respond(200, "{\"id\":\"run_1234\"}");
		StepVerifier.create(this.runs.cancel("run_1234")).expectNext("run_1234").expectComplete().verify(TIMEOUT);
		List<RecordedRequest> requests = takeRequests();
		assertThat(requests).extracting(RecordedRequest::getMethod).containsExactly("POST", "POST");
		assertThat(requests.get(1).getHeaders().get("x-trigger-request-idempotency-key"))
			.isEqualTo(requests.get(0).getHeaders().get("x-trigger-request-idempotency-key"));
	}

}
