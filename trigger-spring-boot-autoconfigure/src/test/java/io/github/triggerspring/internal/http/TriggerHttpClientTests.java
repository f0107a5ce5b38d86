package io.github.triggerspring.internal.http;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerAuthenticationException;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerConflictException;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerPayloadTooLargeException;
import io.github.triggerspring.error.TriggerPermissionDeniedException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerServerException;
import io.github.triggerspring.error.TriggerTimeoutException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerHttpClient}: headers, error mapping, unexpected responses and
 * timeouts, driven through {@link RunsClient#retrieve(String)} against a mock API.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerHttpClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String RUN_JSON = """
			{"id":"run_1234","status":"EXECUTING","taskIdentifier":"hello-world","isQueued":false,
			"isExecuting":true,"isWaiting":false,"isCompleted":false,"isSuccess":false,"isFailed":false,
			"isCancelled":false,"isTest":false,"createdAt":"2026-01-01T00:00:00.000Z",
			"updatedAt":"2026-01-01T00:00:01.000Z","tags":[],"costInCents":0,"baseCostInCents":0,
			"durationMs":0,"depth":0,"attemptCount":1}""";

	private static final TriggerRetryPolicy NO_RETRY = new TriggerRetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0);

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private RunsClient runs(TriggerCredentials credentials) {
		return new RunsClient(this.api.http(credentials, NO_RETRY, Duration.ofSeconds(10)));
	}

	private RecordedRequest retrieveRun(TriggerCredentials credentials) {
		this.api.respond(200, RUN_JSON);
		StepVerifier.create(runs(credentials).retrieve("run_1234"))
			.assertNext((run) -> assertThat(run.id()).isEqualTo("run_1234"))
			.expectComplete()
			.verify(TIMEOUT);
		return this.api.takeRequest();
	}

	@Test
	void everyRequestCarriesTheSdkHeaders() {
		RecordedRequest request = retrieveRun(MockTriggerApi.secretKey());
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/runs/run_1234");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(request.getHeaders().get("x-trigger-realtime-streams-version")).isEqualTo("v2");
		assertThat(request.getHeaders().values("x-trigger-api-version")).hasSize(1);
	}

	@Test
	void eachCallGoesToThePathOfItsOwnValuesWhenItsTemplateWasExpandedBefore() {
		this.api.respond(200, RUN_JSON).respond(200, RUN_JSON).respond(200, RUN_JSON).respond(200, RUN_JSON);
		RunsClient runs = runs(MockTriggerApi.secretKey());
		StepVerifier.create(runs.retrieve("run_1234")
			.then(runs.retrieve("run_1234"))
			.then(runs.retrieve("run_5678"))
			.then(runs.retrieve("run/1234")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(Stream.generate(this.api::takeRequest).limit(4).map((request) -> request.getUrl().encodedPath()))
			.containsExactly("/api/v3/runs/run_1234", "/api/v3/runs/run_1234", "/api/v3/runs/run_5678",
					"/api/v3/runs/run%2F1234");
	}

	@Test
	void requestIdempotencyKeyIsARandomUuidVersionFour() {
		String first = retrieveRun(MockTriggerApi.secretKey()).getHeaders().get("x-trigger-request-idempotency-key");
		String second = retrieveRun(MockTriggerApi.secretKey()).getHeaders().get("x-trigger-request-idempotency-key");
		assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(UUID.fromString(first).version()).isEqualTo(4);
		assertThat(UUID.fromString(first).variant()).isEqualTo(2);
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void userAgentNamesTheStarterAndItsMavenVersion() throws Exception {
		String userAgent = retrieveRun(MockTriggerApi.secretKey()).getHeaders().get("User-Agent");
		assertThat(userAgent).isEqualTo("trigger-spring-boot/" + mavenProjectVersion());
		assertThat(userAgent).matches("trigger-spring-boot/\\d+\\.\\d+\\.\\d+.*")
			.isNotEqualTo("trigger-spring-boot/unknown")
			.doesNotContain("@");
	}

	@Test
	void devKeySendsNoBranchHeader() {
		RecordedRequest request = retrieveRun(MockTriggerApi.secretKey());
		assertThat(request.getHeaders().get("x-trigger-branch")).isNull();
	}

	@Test
	void previewKeySendsTheConfiguredBranch() {
		RecordedRequest request = retrieveRun(
				TriggerCredentials.of(MockTriggerApi.PREVIEW_KEY, null, null, null, "feature/login"));
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.PREVIEW_KEY);
		assertThat(request.getHeaders().values("x-trigger-branch")).containsExactly("feature/login");
	}

	@Test
	void noSdkImpersonationHeadersAreSent() {
		RecordedRequest request = retrieveRun(MockTriggerApi.secretKey());
		assertThat(request.getHeaders().get("trigger-version")).isNull();
		assertThat(request.getHeaders().get("x-trigger-source")).isNull();
		assertThat(request.getHeaders().get("x-trigger-worker")).isNull();
		assertThat(request.getHeaders().get("x-trigger-client")).isNull();
	}

	static Stream<Arguments> statusesAndExceptions() {
		return Stream.of(Arguments.of(400, TriggerBadRequestException.class),
				Arguments.of(401, TriggerAuthenticationException.class),
				Arguments.of(403, TriggerPermissionDeniedException.class),
				Arguments.of(404, TriggerNotFoundException.class), Arguments.of(409, TriggerConflictException.class),
				Arguments.of(413, TriggerPayloadTooLargeException.class),
				Arguments.of(422, TriggerUnprocessableEntityException.class),
				Arguments.of(429, TriggerRateLimitException.class), Arguments.of(500, TriggerServerException.class),
				Arguments.of(502, TriggerServerException.class), Arguments.of(503, TriggerServerException.class),
				Arguments.of(418, TriggerApiException.class), Arguments.of(405, TriggerApiException.class));
	}

	@ParameterizedTest
	@MethodSource("statusesAndExceptions")
	void errorStatusMapsToItsException(int status, Class<? extends TriggerApiException> type) {
		this.api.respond(status, "{\"error\":\"Something went wrong\",\"details\":[]}", "x-request-id: req_42");
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(type);
				TriggerApiException api = (TriggerApiException) error;
				assertThat(api.getStatus()).isEqualTo(status);
				assertThat(api.getError()).isEqualTo("Something went wrong");
				assertThat(api).hasMessage(status + " Something went wrong");
				assertThat(api.getHeaders().getFirst("x-request-id")).isEqualTo("req_42");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void rateLimitExceptionCarriesTheResetInstant() {
		this.api.respond(429, "{\"title\":\"Rate Limit Exceeded\",\"status\":429,\"error\":\"Rate limit exceeded\"}",
				"x-ratelimit-limit: 750", "x-ratelimit-remaining: 0", "x-ratelimit-reset: 1767225600123");
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerRateLimitException.class);
				TriggerRateLimitException rateLimit = (TriggerRateLimitException) error;
				assertThat(rateLimit.getReset()).isEqualTo(Instant.ofEpochMilli(1_767_225_600_123L));
				assertThat(rateLimit.getError()).isEqualTo("Rate limit exceeded");
				assertThat(rateLimit.getHeaders().getFirst("x-ratelimit-remaining")).isEqualTo("0");
			})
			.verify(TIMEOUT);
	}

	@Test
	void errorObjectWithMessageGivesTheMessage() {
		this.api.respond(403, "{\"error\":{\"message\":\"Missing scope read:runs\",\"code\":\"unauthorized\"}}");
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerPermissionDeniedException.class);
				assertThat(((TriggerApiException) error).getError()).isEqualTo("Missing scope read:runs");
				assertThat(error).hasMessage("403 Missing scope read:runs");
			})
			.verify(TIMEOUT);
	}

	@Test
	void nonJsonErrorBodyGivesNoErrorMessage() {
		this.api.respond(new MockResponse.Builder().code(502)
			.addHeader("Content-Type", "text/html")
			.body("<html><body>502 Bad Gateway</body></html>")
			.build());
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerServerException.class);
				assertThat(((TriggerApiException) error).getError()).isNull();
				assertThat(error).hasMessage("502 (no error message)");
			})
			.verify(TIMEOUT);
	}

	@Test
	void emptyErrorBodyGivesNoErrorMessage() {
		this.api.respond(new MockResponse.Builder().code(404).build());
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerNotFoundException.class);
				assertThat(((TriggerApiException) error).getError()).isNull();
				assertThat(error).hasMessage("404 (no error message)");
			})
			.verify(TIMEOUT);
	}

	@Test
	void successWithBodyOfTheWrongShapeIsAnUnexpectedResponse() {
		this.api.respond(200, "[\"not\",\"a\",\"run\"]");
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerUnexpectedResponseException.class);
				assertThat(((TriggerUnexpectedResponseException) error).getStatus()).isEqualTo(200);
				assertThat(error.getMessage()).startsWith("The response to this call does not have the expected shape: ");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void successWithoutBodyIsAnUnexpectedResponse() {
		this.api.respond(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").build());
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerUnexpectedResponseException.class);
				assertThat(((TriggerUnexpectedResponseException) error).getStatus()).isEqualTo(200);
				assertThat(error).hasMessage("The response to this call has no body, but one was expected.");
			})
			.verify(TIMEOUT);
	}

	@Test
	void unknownStatusInASuccessfulResponseReadsAsUnknown() {
		this.api.respond(200, RUN_JSON.replace("\"EXECUTING\"", "\"HIBERNATING\""));
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.assertNext((Run run) -> assertThat(run.status()).isEqualTo(RunStatus.UNKNOWN))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void responseSlowerThanTheTimeoutIsATimeout() {
		this.api.respond(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body(RUN_JSON)
			.headersDelay(30, TimeUnit.SECONDS)
			.build());
		StepVerifier.withVirtualTime(() -> virtualTimeRuns(Duration.ofMillis(200)).retrieve("run_1234"))
			.expectSubscription()
			.then(this.api::takeRequest)
			.expectNoEvent(Duration.ofMillis(199))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerTimeoutException.class);
				assertThat(error).hasMessage("No response within 200 ms (trigger.response-timeout).");
				assertThat(((TriggerTimeoutException) error).getTimeout()).isEqualTo(Duration.ofMillis(200));
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void perCallResponseTimeoutWinsOverTheConfiguredOne() {
		this.api.respond(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body(RUN_JSON)
			.headersDelay(30, TimeUnit.SECONDS)
			.build());
		StepVerifier
			.withVirtualTime(() -> virtualTimeRuns(Duration.ofSeconds(60)).retrieve("run_1234",
					RequestOptions.none().withResponseTimeout(Duration.ofMillis(50))))
			.expectSubscription()
			.then(this.api::takeRequest)
			.thenAwait(Duration.ofMillis(50))
			.expectErrorMessage("No response within 50 ms (trigger.response-timeout).")
			.verify(TIMEOUT);
	}

	/** Runs client whose timeouts run on the virtual-time scheduler of the test. */
	private RunsClient virtualTimeRuns(Duration responseTimeout) {
		return new RunsClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(NO_RETRY, responseTimeout), Clock.systemUTC(),
				VirtualTimeScheduler.get(), FixedRandom.LOWEST));
	}

	@Test
	void authenticationErrorNeverShowsTheSecretKey() {
		this.api.respond(401, "{\"error\":\"Invalid API Key\"}");
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerAuthenticationException.class)
					.hasMessage("401 Invalid API Key");
				assertThat(error.toString()).doesNotContain(MockTriggerApi.SECRET_KEY);
				assertThat(((TriggerApiException) error).getHeaders().toString())
					.doesNotContain(MockTriggerApi.SECRET_KEY);
			})
			.verify(TIMEOUT);
	}

	@Test
	void refusedCredentialNeverShowsTheAccessToken() {
		StepVerifier.create(runs(MockTriggerApi.pat(TriggerEnvironment.DEV)).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class);
				assertThat(error.toString()).doesNotContain(MockTriggerApi.PAT);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void timeoutNeverShowsTheSecretKey() {
		this.api.respond(new MockResponse.Builder().code(200).body(RUN_JSON).headersDelay(30, TimeUnit.SECONDS).build());
		StepVerifier.withVirtualTime(() -> virtualTimeRuns(Duration.ofMillis(100)).retrieve("run_1234"))
			.expectSubscription()
			.then(this.api::takeRequest)
			.thenAwait(Duration.ofMillis(100))
			.expectErrorSatisfies((error) -> assertThat(stackTraceText(error)).doesNotContain(MockTriggerApi.SECRET_KEY))
			.verify(TIMEOUT);
	}

	private static String stackTraceText(Throwable error) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = error; current != null; current = current.getCause()) {
			text.append(current).append('\n');
		}
		return text.toString();
	}

	/** The version Maven filters into the starter: this module's own, else its parent's. */
	private static String mavenProjectVersion() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
		String own = XPathFactory.newInstance().newXPath().evaluate("/project/version", pom);
		return own.isEmpty() ? XPathFactory.newInstance().newXPath().evaluate("/project/parent/version", pom) : own;
	}

}
