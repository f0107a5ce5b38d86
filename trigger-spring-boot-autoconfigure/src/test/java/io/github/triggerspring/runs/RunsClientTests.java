package io.github.triggerspring.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.paging.CursorPage;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunsClient}.
 *
 * @author trigger-spring-boot contributors
 */
class RunsClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String EMPTY_PAGE = "{\"data\":[],\"pagination\":{}}";

	/** A run as {@code GET /api/v3/runs/{runId}} returns it, with members this client does not model. */
	private static final String RETRIEVED_RUN = """
			{
			  "id": "run_1234",
			  "status": "COMPLETED",
			  "taskIdentifier": "my-task",
			  "idempotencyKey": "7b1c0a6d3f9e",
			  "version": "20240523.1",
			  "isQueued": false,
			  "isExecuting": false,
			  "isWaiting": false,
			  "isCompleted": true,
			  "isSuccess": true,
			  "isFailed": false,
			  "isCancelled": false,
			  "isTest": false,
			  "createdAt": "2024-06-25T15:45:26.123Z",
			  "updatedAt": "2024-06-25T15:45:30.456Z",
			  "startedAt": "2024-06-25T15:45:27.000Z",
			  "finishedAt": "2024-06-25T15:45:30.000Z",
			  "tags": ["user_5df987al13", "org_c6b7dycmxw"],
			  "metadata": {"foo": "bar"},
			  "costInCents": 0.00292,
			  "baseCostInCents": 0.0025,
			  "durationMs": 491,
			  "depth": 0,
			  "triggerFunction": "trigger",
			  "batchId": "batch_1234",
			  "payload": {"foo": "bar", "count": 2},
			  "output": {"ok": true},
			  "schedule": {"id": "sched_1234", "generator": {"type": "CRON", "expression": "0 0 * * *"}},
			  "relatedRuns": {},
			  "attempts": [],
			  "attemptCount": 1,
			  "taskKind": "STANDARD",
			  "region": "eu-central-1",
			  "someFutureField": {"nested": [1, 2, 3]}
			}""";

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private RunsClient runs(TriggerCredentials credentials) {
		return new RunsClient(this.api.http(credentials));
	}

	private RecordedRequest listOnePage(TriggerCredentials credentials, ListRunsRequest request) {
		this.api.respond(200, EMPTY_PAGE);
		StepVerifier.create(runs(credentials).listPage(request))
			.assertNext((page) -> assertThat(page.data()).isEmpty())
			.expectComplete()
			.verify(TIMEOUT);
		return this.api.takeRequest();
	}

	@Test
	void listWithSecretKeySendsEveryFilterAsQueryParameters() {
		ListRunsRequest request = ListRunsRequest.builder()
			.status(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.TIMED_OUT)
			.taskIdentifier("my-task", "other-task")
			.version("20240523.1")
			.tag("user_1", "org_2")
			.schedule("sched_1234")
			.isTest(false)
			.from(Instant.parse("2026-01-01T00:00:00.123Z"))
			.to(Instant.parse("2026-01-02T00:00:00Z"))
			.period("1d")
			.batch("batch_1234")
			.queue("task/my-task", "emails")
			.machine("small-1x", "large-2x")
			.region("eu-central-1")
			.pageSize(50)
			.after("cursor_abc")
			.build();
		RecordedRequest recorded = listOnePage(MockTriggerApi.secretKey(), request);
		HttpUrl url = recorded.getUrl();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(url.encodedPath()).isEqualTo("/api/v1/runs");
		assertThat(url.queryParameterNames()).containsExactly("filter[status]", "filter[taskIdentifier]",
				"filter[version]", "filter[tag]", "filter[schedule]", "filter[isTest]", "filter[createdAt][from]",
				"filter[createdAt][to]", "filter[createdAt][period]", "filter[batch]", "filter[queue]",
				"filter[machine]", "filter[region]", "page[size]", "page[after]");
		assertThat(url.queryParameterValues("filter[status]")).containsExactly("COMPLETED,FAILED,TIMED_OUT");
		assertThat(url.queryParameter("filter[taskIdentifier]")).isEqualTo("my-task,other-task");
		assertThat(url.queryParameter("filter[version]")).isEqualTo("20240523.1");
		assertThat(url.queryParameter("filter[tag]")).isEqualTo("user_1,org_2");
		assertThat(url.queryParameter("filter[schedule]")).isEqualTo("sched_1234");
		assertThat(url.queryParameter("filter[isTest]")).isEqualTo("false");
		assertThat(url.queryParameter("filter[createdAt][from]")).isEqualTo("1767225600123");
		assertThat(url.queryParameter("filter[createdAt][to]")).isEqualTo("1767312000000");
		assertThat(url.queryParameter("filter[createdAt][period]")).isEqualTo("1d");
		assertThat(url.queryParameter("filter[batch]")).isEqualTo("batch_1234");
		assertThat(url.queryParameter("filter[queue]")).isEqualTo("task/my-task,emails");
		assertThat(url.queryParameter("filter[machine]")).isEqualTo("small-1x,large-2x");
		assertThat(url.queryParameter("filter[region]")).isEqualTo("eu-central-1");
		assertThat(url.queryParameter("page[size]")).isEqualTo("50");
		assertThat(url.queryParameter("page[after]")).isEqualTo("cursor_abc");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(recorded.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(recorded.getHeaders().get("x-trigger-realtime-streams-version")).isEqualTo("v2");
		assertThat(recorded.getHeaders().get("x-trigger-branch")).isNull();
	}

	@Test
	void filtersAreSentInTheSdksOrderWhateverTheBuilderOrder() {
		ListRunsRequest request = ListRunsRequest.builder()
			.pageSize(5)
			.region("eu-central-1")
			.tag("t")
			.bulkAction("bulk_1234")
			.status(RunStatus.FAILED)
			.build();
		RecordedRequest recorded = listOnePage(MockTriggerApi.secretKey(), request);
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs?filter%5Bstatus%5D=FAILED"
				+ "&filter%5BbulkAction%5D=bulk_1234&filter%5Btag%5D=t&filter%5Bregion%5D=eu-central-1&page%5Bsize%5D=5");
	}

	@Test
	void projectWideListWithSeveralEnvironmentsSendsThemTogetherBeforeThePageParameters() {
		ListRunsRequest request = ListRunsRequest.builder()
			.environments(TriggerEnvironment.DEV, TriggerEnvironment.STAGING, TriggerEnvironment.PROD)
			.taskIdentifier("my-task")
			.pageSize(10)
			.build();
		RecordedRequest recorded = listOnePage(MockTriggerApi.both(), request);
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/projects/" + MockTriggerApi.PROJECT_REF + "/runs");
		assertThat(recorded.getUrl().queryParameterNames()).containsExactly("filter[taskIdentifier]", "filter[env]",
				"page[size]");
		assertThat(recorded.getUrl().queryParameter("filter[env]")).isEqualTo("dev,stg,prod");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.PAT);
	}

	@Test
	void listWithoutFiltersSendsNoQuery() {
		RecordedRequest recorded = listOnePage(MockTriggerApi.secretKey(), ListRunsRequest.all());
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs");
	}

	@Test
	void listWithBeforeCursorSendsPageBefore() {
		RecordedRequest recorded = listOnePage(MockTriggerApi.secretKey(),
				ListRunsRequest.builder().before("cursor_xyz").build());
		assertThat(recorded.getUrl().queryParameterNames()).containsExactly("page[before]");
		assertThat(recorded.getUrl().queryParameter("page[before]")).isEqualTo("cursor_xyz");
	}

	@Test
	void listWithAccessTokenUsesTheProjectPathAndStagingSlug() {
		RecordedRequest recorded = listOnePage(MockTriggerApi.pat(TriggerEnvironment.STAGING),
				ListRunsRequest.builder().status(RunStatus.QUEUED).build());
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/projects/" + MockTriggerApi.PROJECT_REF + "/runs");
		assertThat(recorded.getUrl().queryParameterNames()).containsExactly("filter[status]", "filter[env]");
		assertThat(recorded.getUrl().queryParameter("filter[env]")).isEqualTo("stg");
		assertThat(recorded.getUrl().queryParameter("filter[status]")).isEqualTo("QUEUED");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.PAT);
	}

	@Test
	void listWithAccessTokenAlwaysFiltersOnTheEnvironment() {
		RecordedRequest recorded = listOnePage(MockTriggerApi.pat(TriggerEnvironment.PROD), ListRunsRequest.all());
		assertThat(recorded.getUrl().queryParameterNames()).containsExactly("filter[env]");
		assertThat(recorded.getUrl().queryParameter("filter[env]")).isEqualTo("prod");
	}

	@Test
	void listWithAccessTokenUsesTheRequestsEnvironmentOverTheConfiguredOne() {
		RecordedRequest recorded = listOnePage(MockTriggerApi.pat(TriggerEnvironment.DEV),
				ListRunsRequest.builder().environment(TriggerEnvironment.STAGING).build());
		assertThat(recorded.getUrl().queryParameter("filter[env]")).isEqualTo("stg");
	}

	@Test
	void listWithBothCredentialsUsesTheSecretKey() {
		RecordedRequest recorded = listOnePage(MockTriggerApi.both(), ListRunsRequest.all());
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/runs");
		assertThat(recorded.getUrl().queryParameter("filter[env]")).isNull();
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
	}

	@Test
	void projectWideListWithBothCredentialsUsesTheAccessToken() {
		RecordedRequest recorded = listOnePage(MockTriggerApi.both(),
				ListRunsRequest.builder().projectWide().pageSize(10).build());
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/projects/" + MockTriggerApi.PROJECT_REF + "/runs");
		assertThat(recorded.getUrl().queryParameterNames()).containsExactly("filter[env]", "page[size]");
		assertThat(recorded.getUrl().queryParameter("filter[env]")).isEqualTo("dev");
		assertThat(recorded.getUrl().queryParameter("page[size]")).isEqualTo("10");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.PAT);
	}

	@Test
	void listWithAccessTokenButNoEnvironmentIsRefusedWithoutARequest() {
		RunsClient runs = runs(TriggerCredentials.of(null, MockTriggerApi.PAT, MockTriggerApi.PROJECT_REF, null, null));
		StepVerifier.create(runs.list())
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerValidationException.class);
				assertThat(((TriggerValidationException) error).getField()).isEqualTo("environment");
				assertThat(error).hasMessage("Invalid 'environment': 'runs.list' with a personal access token needs "
						+ "a target environment. Pass one with the call, or set 'trigger.environment' "
						+ "(environment variable TRIGGER_ENVIRONMENT) to dev, staging, prod or preview.");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 101, -1 })
	void pageSizeOutsideOneToOneHundredIsRefusedWithoutARequest(int pageSize) {
		ListRunsRequest request = ListRunsRequest.builder().pageSize(pageSize).build();
		StepVerifier.create(runs(MockTriggerApi.secretKey()).listPage(request))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerValidationException.class);
				assertThat(((TriggerValidationException) error).getField()).isEqualTo("pageSize");
				assertThat(error).hasMessage("Invalid 'pageSize': must be between 1 and 100, but was " + pageSize
						+ ". Use a size from 1 to 100.");
			})
			.verify(TIMEOUT);
		StepVerifier.create(runs(MockTriggerApi.secretKey()).list(request))
			.expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 100 })
	void pageSizeAtTheBoundsIsSent(int pageSize) {
		RecordedRequest recorded = listOnePage(MockTriggerApi.secretKey(),
				ListRunsRequest.builder().pageSize(pageSize).build());
		assertThat(recorded.getUrl().queryParameter("page[size]")).isEqualTo(Integer.toString(pageSize));
	}

	@Test
	void retrieveMapsARealisticRunIgnoringUnknownMembers() {
		this.api.respond(200, RETRIEVED_RUN);
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234")).assertNext((run) -> {
			assertThat(run.id()).isEqualTo("run_1234");
			assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(run.taskIdentifier()).isEqualTo("my-task");
			assertThat(run.idempotencyKey()).isEqualTo("7b1c0a6d3f9e");
			assertThat(run.version()).isEqualTo("20240523.1");
			assertThat(run.isCompleted()).isTrue();
			assertThat(run.isSuccess()).isTrue();
			assertThat(run.isFailed()).isFalse();
			assertThat(run.createdAt()).isEqualTo(Instant.parse("2024-06-25T15:45:26.123Z"));
			assertThat(run.updatedAt()).isEqualTo(Instant.parse("2024-06-25T15:45:30.456Z"));
			assertThat(run.startedAt()).isEqualTo(Instant.parse("2024-06-25T15:45:27Z"));
			assertThat(run.finishedAt()).isEqualTo(Instant.parse("2024-06-25T15:45:30Z"));
			assertThat(run.delayedUntil()).isNull();
			assertThat(run.expiredAt()).isNull();
			assertThat(run.tags()).containsExactly("user_5df987al13", "org_c6b7dycmxw");
			assertThat(run.metadata()).isEqualTo(Map.of("foo", "bar"));
			assertThat(run.costInCents()).isEqualTo(0.00292);
			assertThat(run.baseCostInCents()).isEqualTo(0.0025);
			assertThat(run.durationMs()).isEqualTo(491);
			assertThat(run.depth()).isZero();
			assertThat(run.triggerFunction()).isEqualTo("trigger");
			assertThat(run.batchId()).isEqualTo("batch_1234");
			assertThat(run.payload()).isEqualTo(JsonMapper.builder().build().readTree("{\"foo\":\"bar\",\"count\":2}"));
			assertThat(run.output()).isEqualTo(JsonMapper.builder().build().readTree("{\"ok\":true}"));
			assertThat(run.payloadPresignedUrl()).isNull();
			assertThat(run.error()).isNull();
			assertThat(run.attemptCount()).isEqualTo(1);
		}).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(recorded.getTarget()).isEqualTo("/api/v3/runs/run_1234");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
	}

	@Test
	void retrieveReadsAnUnknownStatusAsUnknown() {
		this.api.respond(200, RETRIEVED_RUN.replace("\"COMPLETED\"", "\"QUANTUM_SUPERPOSITION\""));
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run_1234"))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.UNKNOWN))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void retrieveEncodesTheRunIdAsOnePathSegment() {
		this.api.respond(200, RETRIEVED_RUN);
		StepVerifier.create(runs(MockTriggerApi.secretKey()).retrieve("run/../x y"))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v3/runs/run%2F..%2Fx%20y");
	}

	@Test
	void cancelPostsWithoutBodyAndReturnsTheRunId() {
		this.api.respond(200, "{\"id\":\"run_1234\",\"unknown\":true}");
		StepVerifier.create(runs(MockTriggerApi.secretKey()).cancel("run_1234"))
			.expectNext("run_1234")
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/api/v2/runs/run_1234/cancel");
		assertThat(recorded.getBodySize()).isZero();
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void replayPostsWithoutBodyAndReturnsTheNewRunId() {
		this.api.respond(200, "{\"id\":\"run_5678\"}");
		StepVerifier.create(runs(MockTriggerApi.secretKey()).replay("run_1234"))
			.expectNext("run_5678")
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs/run_1234/replay");
		assertThat(recorded.getBodySize()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t" })
	void blankRunIdIsRefusedWithoutARequest(String runId) {
		RunsClient runs = runs(MockTriggerApi.secretKey());
		List<Mono<?>> calls = List.of(runs.retrieve(runId), runs.cancel(runId), runs.replay(runId));
		for (Mono<?> call : calls) {
			StepVerifier.create(call).expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerValidationException.class);
				assertThat(((TriggerValidationException) error).getField()).isEqualTo("runId");
				assertThat(error).hasMessage("Invalid 'runId': must not be blank.");
			}).verify(TIMEOUT);
		}
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void retrieveWithOnlyAnAccessTokenIsRefusedWithoutARequest() {
		StepVerifier.create(runs(MockTriggerApi.pat(TriggerEnvironment.DEV)).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class);
				UnsupportedCredentialException refused = (UnsupportedCredentialException) error;
				assertThat(refused.getEndpoint()).isEqualTo(TriggerEndpoint.RUNS_RETRIEVE);
				assertThat(refused.getConfigured()).containsExactly(CredentialKind.PERSONAL_ACCESS_TOKEN);
				assertThat(error).hasMessage("Endpoint 'runs.retrieve' accepts a secret key, but only a personal "
						+ "access token is configured. Set 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY).");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void badInputNeverThrowsOnTheCallersThread() {
		RunsClient runs = runs(TriggerCredentials.of(null, MockTriggerApi.PAT, MockTriggerApi.PROJECT_REF, null, null));
		ListRunsRequest tooLarge = ListRunsRequest.builder().pageSize(1000).build();
		Mono<Run> retrieve = runs.retrieve(" ");
		Mono<String> cancel = runs.cancel("");
		Mono<String> replay = runs.replay("\n");
		Flux<RunSummary> list = runs.list(tooLarge);
		Mono<CursorPage<RunSummary>> listPage = runs.listPage(tooLarge);
		StepVerifier.create(retrieve).expectError(UnsupportedCredentialException.class).verify(TIMEOUT);
		StepVerifier.create(cancel).expectError(UnsupportedCredentialException.class).verify(TIMEOUT);
		StepVerifier.create(replay).expectError(UnsupportedCredentialException.class).verify(TIMEOUT);
		StepVerifier.create(list).expectError(TriggerValidationException.class).verify(TIMEOUT);
		StepVerifier.create(listPage).expectError(TriggerValidationException.class).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

}
