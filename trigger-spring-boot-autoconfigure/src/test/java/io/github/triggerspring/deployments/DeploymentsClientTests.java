package io.github.triggerspring.deployments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.github.triggerspring.testing.MockTriggerApi.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DeploymentsClient}.
 *
 * @author trigger-spring-boot contributors
 */
class DeploymentsClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String SUMMARY_JSON = """
			{
			  "id": "deployment_1",
			  "createdAt": "2025-02-28T10:00:00.000Z",
			  "shortCode": "abc123",
			  "version": "20250228.1",
			  "runtime": "node",
			  "runtimeVersion": "22.12.0",
			  "status": "DEPLOYED",
			  "deployedAt": "2025-02-28T10:02:00.000Z",
			  "git": {"commitSha": "a1b2c3"},
			  "error": null
			}""";

	private static final String DETAILS_JSON = """
			{
			  "id": "deployment_1",
			  "status": "DEPLOYED",
			  "contentHash": "h1",
			  "shortCode": "abc123",
			  "version": "20250228.1",
			  "imageReference": "registry/proj:20250228.1",
			  "imagePlatform": "linux/amd64",
			  "externalBuildData": null,
			  "errorData": null,
			  "worker": {
			    "id": "worker_1",
			    "version": "20250228.1",
			    "tasks": [{"id": "task_1", "slug": "process-order", "filePath": "src/trigger/orders.ts",
			      "exportName": "processOrder"}]
			  }
			}""";

	/** The deployment limiter's 429, shaped like the general limiter's. */
	private static final String RATE_LIMITED = "{\"title\":\"Rate Limit Exceeded\",\"status\":429,"
			+ "\"error\":\"Rate limit exceeded 0/60 requests remaining. Retry in 45 seconds.\"}";

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private DeploymentsClient client() {
		return new DeploymentsClient(this.api.http(MockTriggerApi.secretKey()));
	}

	@Test
	void retrieveCurrentGetsTheSummary() {
		this.api.respond(200, SUMMARY_JSON);
		StepVerifier.create(client().retrieveCurrent()).assertNext((deployment) -> {
			assertThat(deployment.id()).isEqualTo("deployment_1");
			assertThat(deployment.status()).isEqualTo(DeploymentStatus.DEPLOYED);
			assertThat(deployment.version()).isEqualTo("20250228.1");
			assertThat(deployment.shortCode()).isEqualTo("abc123");
			assertThat(deployment.createdAt()).isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
			assertThat(deployment.deployedAt()).isEqualTo(Instant.parse("2025-02-28T10:02:00Z"));
			assertThat(deployment.runtime()).isEqualTo("node");
			assertThat(deployment.runtimeVersion()).isEqualTo("22.12.0");
			assertThat(deployment.git().get("commitSha").asString()).isEqualTo("a1b2c3");
			assertThat(deployment.worker()).isNull();
		}).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "GET", "/api/v1/deployments/current");
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void retrieveGetsTheDetailsById() {
		this.api.respond(200, DETAILS_JSON);
		StepVerifier.create(client().retrieve("deployment_1")).assertNext((deployment) -> {
			assertThat(deployment.contentHash()).isEqualTo("h1");
			assertThat(deployment.imageReference()).isEqualTo("registry/proj:20250228.1");
			assertThat(deployment.imagePlatform()).isEqualTo("linux/amd64");
			assertThat(deployment.worker()).isEqualTo(new Deployment.Worker("worker_1", "20250228.1",
					List.of(new Deployment.Task("task_1", "process-order", "src/trigger/orders.ts", "processOrder"))));
			assertThat(deployment.createdAt()).isNull();
		}).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/deployments/deployment_1");
	}

	@Test
	void latestGetsTheLatestDeployment() {
		this.api.respond(200, DETAILS_JSON.replace("\"DEPLOYED\"", "\"INSTALLING\""));
		StepVerifier.create(client().latest())
			.assertNext((deployment) -> assertThat(deployment.status()).isEqualTo(DeploymentStatus.INSTALLING))
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/deployments/latest");
	}

	@Test
	void unknownStatusReadsAsUnknown() {
		this.api.respond(200, SUMMARY_JSON.replace("\"DEPLOYED\"", "\"ARCHIVED\""));
		StepVerifier.create(client().retrieveCurrent())
			.assertNext((deployment) -> assertThat(deployment.status()).isEqualTo(DeploymentStatus.UNKNOWN))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void promotePostsWithoutABodyAndMapsTheResult() {
		this.api.respond(200, "{\"id\":\"deployment_1\",\"version\":\"20250228.1\",\"shortCode\":\"abc123\"}");
		StepVerifier.create(client().promote("20250228.1"))
			.expectNext(new PromotedDeployment("deployment_1", "20250228.1", "abc123"))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/deployments/20250228.1/promote");
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void listPageMapsTheSdksCursorAndLimitToPageAfterAndPageSize() {
		this.api.respond(200, page("deployment_9", "deployment_1"));
		ListDeploymentsRequest request = ListDeploymentsRequest.builder()
			.status(DeploymentStatus.DEPLOYED)
			.period("7d")
			.from(Instant.parse("2025-02-01T00:00:00Z"))
			.to(Instant.parse("2025-03-01T12:30:00.5Z"))
			.limit(5)
			.cursor("deployment_0")
			.build();
		StepVerifier.create(client().listPage(request)).assertNext((page) -> {
			assertThat(page.data()).extracting(Deployment::id).containsExactly("deployment_1");
			assertThat(page.next()).isEqualTo("deployment_9");
		}).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/deployments?status=DEPLOYED&period=7d"
				+ "&from=2025-02-01T00%3A00%3A00.000Z&to=2025-03-01T12%3A30%3A00.500Z"
				+ "&page%5Bsize%5D=5&page%5Bafter%5D=deployment_0");
	}

	@Test
	void listFollowsNextCursorsKeepingTheFiltersAndLimit() {
		this.api.respond(200, page("deployment_2", "deployment_1"))
			.respond(200, page(null, "deployment_2"));
		ListDeploymentsRequest request = ListDeploymentsRequest.builder().status(DeploymentStatus.FAILED).limit(5).build();
		StepVerifier.create(client().list(request).map(Deployment::id))
			.expectNext("deployment_1", "deployment_2")
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/deployments?status=FAILED&page%5Bsize%5D=5");
		assertRequest(this.api.takeRequest(), "GET",
				"/api/v1/deployments?status=FAILED&page%5Bsize%5D=5&page%5Bafter%5D=deployment_2");
	}

	@Test
	void listWithoutFiltersSendsNoQuery() {
		this.api.respond(200, page(null));
		StepVerifier.create(client().list()).expectComplete().verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/deployments");
	}

	@Test
	void deploymentLimiterResetInEpochMillisecondsIsWaitedForOnTheScheduler() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		DeploymentsClient deployments = new DeploymentsClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(TriggerRetryPolicy.defaults(), TIMEOUT), Clock.fixed(now, ZoneOffset.UTC), time,
				FixedRandom.LOWEST));
		this.api.respond(429, RATE_LIMITED, "x-ratelimit-limit: 60", "x-ratelimit-remaining: 0",
				"x-ratelimit-reset: " + now.plusSeconds(45).toEpochMilli())
			.respond(200, SUMMARY_JSON);
		StepVerifier.withVirtualTime(() -> deployments.retrieve("deployment_1"), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			// the attempt's response timeout is task 1, the wait for the reset task 2
			.then(() -> await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() == 2))
			.thenAwait(Duration.ofMillis(44_999))
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((deployment) -> assertThat(deployment.id()).isEqualTo("deployment_1"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
		RecordedRequest first = this.api.takeRequest();
		RecordedRequest second = this.api.takeRequest();
		assertThat(second.getTarget()).isEqualTo("/api/v1/deployments/deployment_1");
		assertThat(second.getHeaders().get("x-trigger-request-idempotency-key"))
			.isEqualTo(first.getHeaders().get("x-trigger-request-idempotency-key"));
	}

	@Test
	void deploymentLimiterResetInEpochSecondsWithRetryAfterIsWaitedForOnTheScheduler() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		DeploymentsClient deployments = new DeploymentsClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(TriggerRetryPolicy.defaults(), TIMEOUT), Clock.fixed(now, ZoneOffset.UTC), time,
				FixedRandom.LOWEST));
		this.api.respond(429, RATE_LIMITED, "x-ratelimit-reset: " + now.plusSeconds(20).getEpochSecond(),
				"Retry-After: 20")
			.respond(200, "{\"id\":\"deployment_1\",\"version\":\"20250228.1\",\"shortCode\":\"abc123\"}");
		StepVerifier.withVirtualTime(() -> deployments.promote("20250228.1"), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() == 2))
			.thenAwait(Duration.ofMillis(19_999))
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((promoted) -> assertThat(promoted.version()).isEqualTo("20250228.1"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void deploymentLimiterResetBeyondTheMaxRateLimitWaitFailsAtOnce() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		TriggerRetryPolicy retry = new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, 0,
				Duration.ofSeconds(10));
		DeploymentsClient deployments = new DeploymentsClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(retry, TIMEOUT), Clock.fixed(now, ZoneOffset.UTC), VirtualTimeScheduler.create(),
				FixedRandom.LOWEST));
		this.api.respond(429, RATE_LIMITED, "x-ratelimit-reset: " + now.plusSeconds(11).toEpochMilli());
		StepVerifier.create(deployments.list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TriggerRateLimitException.class,
					(rateLimit) -> assertThat(rateLimit.getReset()).isEqualTo(now.plusSeconds(11))))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isOne();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void callWithOnlyAnAccessTokenIsRefusedWithoutARequest(String endpoint,
			Function<DeploymentsClient, Publisher<?>> call) {
		DeploymentsClient patOnly = new DeploymentsClient(this.api.http(MockTriggerApi.pat(TriggerEnvironment.PROD)));
		StepVerifier.create(call.apply(patOnly))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedCredentialException.class)
				.hasMessageContaining("'" + endpoint + "'")
				.hasMessageContaining("secret key")
				.hasMessageNotContaining(MockTriggerApi.PAT))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	static Stream<Arguments> calls() {
		return Stream.of(call("deployments.list", DeploymentsClient::list),
				call("deployments.list", (client) -> client.listPage(ListDeploymentsRequest.all())),
				call("deployments.retrieveCurrent", DeploymentsClient::retrieveCurrent),
				call("deployments.retrieve", (client) -> client.retrieve("deployment_1")),
				call("deployments.latest", DeploymentsClient::latest),
				call("deployments.promote", (client) -> client.promote("20250228.1")));
	}

	private static Arguments call(String endpoint, Function<DeploymentsClient, Publisher<?>> call) {
		return Arguments.of(endpoint, call);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCalls")
	void invalidCallIsRefusedNamingTheFieldWithoutARequest(String description,
			Function<DeploymentsClient, Publisher<?>> call, String field, String rule) {
		StepVerifier.create(call.apply(client()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TriggerValidationException.class,
					(validation) -> {
						assertThat(validation.getField()).isEqualTo(field);
						assertThat(validation).hasMessageContaining(rule);
					}))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	static Stream<Arguments> invalidCalls() {
		return Stream.of(
				invalid("limit below 5", (client) -> client.list(ListDeploymentsRequest.builder().limit(4).build()),
						"limit", "must be between 5 and 100, but was 4"),
				invalid("limit above 100",
						(client) -> client.listPage(ListDeploymentsRequest.builder().limit(101).build()), "limit",
						"must be between 5 and 100, but was 101"),
				invalid("to without from",
						(client) -> client.list(ListDeploymentsRequest.builder().to(Instant.EPOCH).build()), "to",
						"only together with 'from'"),
				invalid("retrieve with a blank id", (client) -> client.retrieve(" "), "deploymentId",
						"must not be blank"),
				invalid("promote with a blank version", (client) -> client.promote(""), "version",
						"must not be blank"));
	}

	private static Arguments invalid(String description, Function<DeploymentsClient, Publisher<?>> call, String field,
			String rule) {
		return Arguments.of(description, call, field, rule);
	}

	private static String page(String next, String... ids) {
		StringBuilder data = new StringBuilder();
		for (String id : ids) {
			data.append((data.length() > 0) ? "," : "").append(SUMMARY_JSON.replace("deployment_1", id));
		}
		return "{\"data\":[" + data + "],\"pagination\":{" + ((next != null) ? "\"next\":\"" + next + "\"" : "")
				+ "}}";
	}

	private static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
		assertThat(request.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("x-trigger-branch")).isNull();
	}

}
