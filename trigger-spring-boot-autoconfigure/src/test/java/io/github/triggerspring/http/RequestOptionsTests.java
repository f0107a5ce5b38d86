package io.github.triggerspring.http;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.triggerspring.TriggerClient;
import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.deployments.ListDeploymentsRequest;
import io.github.triggerspring.envvars.CreateEnvVarRequest;
import io.github.triggerspring.envvars.EnvVarTarget;
import io.github.triggerspring.envvars.EnvVarUpload;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.error.TriggerServerException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.queues.QueueRef;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.CreateScheduleRequest;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.schedules.UpdateScheduleRequest;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.BatchOptions;
import io.github.triggerspring.tasks.BatchTaskItem;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.tasks.IdempotencyKeys;
import io.github.triggerspring.tasks.IdempotencyKeysClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.testing.MockTriggerApi;
import io.github.triggerspring.tokens.PublicTokensClient;
import io.github.triggerspring.waitpoints.CreateTokenOptions;
import io.github.triggerspring.waitpoints.ListWaitpointTokensRequest;
import io.github.triggerspring.waitpoints.WaitpointsClient;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestOptions}: every client method takes them, and the auth
 * strategy applies the seed's table to a per-call credential exactly as to the
 * configured one.
 *
 * @author trigger-spring-boot contributors
 */
class RequestOptionsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String PROD_KEY = "tr_prod_0123456789abcdefABCDEF01";

	private static final String WAITPOINT_TOKEN = "{\"id\":\"waitpoint_1\",\"url\":\"u\",\"status\":\"WAITING\","
			+ "\"tags\":[],\"createdAt\":\"2026-01-01T00:00:00.000Z\"}";

	private static final String RUN = "{\"id\":\"run_1\",\"status\":\"COMPLETED\",\"taskIdentifier\":\"t\",\"isQueued\":false,"
			+ "\"isExecuting\":false,\"isWaiting\":false,\"isCompleted\":true,\"isSuccess\":true,\"isFailed\":false,"
			+ "\"isCancelled\":false,\"isTest\":false,\"tags\":[],\"costInCents\":0,\"baseCostInCents\":0,"
			+ "\"durationMs\":0,\"depth\":0,\"attemptCount\":1}";

	private static final String SCHEDULE = "{\"id\":\"sched_1\",\"type\":\"IMPERATIVE\",\"task\":\"t\",\"active\":true,"
			+ "\"generator\":{\"type\":\"CRON\",\"expression\":\"0 8 * * *\"},\"timezone\":\"UTC\",\"environments\":[]}";

	private static final String QUEUE = "{\"id\":\"queue_1\",\"name\":\"t\",\"type\":\"task\",\"running\":0,"
			+ "\"queued\":0,\"paused\":false,\"concurrencyLimit\":null}";

	private static final String EMPTY_OFFSET_PAGE = "{\"data\":[],\"pagination\":{\"currentPage\":1,\"totalPages\":1,"
			+ "\"count\":0}}";

	private static final String DEPLOYMENT = "{\"id\":\"dep_1\",\"status\":\"DEPLOYED\",\"shortCode\":\"abc\","
			+ "\"version\":\"20250228.1\"}";

	private static final String SUCCESS = "{\"success\":true}";

	private static final String PROD_ENVVARS = "/api/v1/projects/" + MockTriggerApi.PROJECT_REF + "/envvars/prod";

	private final MockTriggerApi api = new MockTriggerApi();

	private final TriggerClient client = client(this.api.http(MockTriggerApi.secretKey()));

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private static TriggerClient client(TriggerHttpClient http) {
		return new TriggerClient(new TasksClient(http), new RunsClient(http), new EnvVarsClient(http),
				new SchedulesClient(http), new QueuesClient(http), new DeploymentsClient(http), new BatchesClient(http),
				new IdempotencyKeysClient(http), new WaitpointsClient(http),
				new PublicTokensClient(http, new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey())));
	}

	static Stream<Arguments> everyClientMethod() {
		RequestOptions options = RequestOptions.none().withCredential(PROD_KEY);
		UpdateScheduleRequest update = UpdateScheduleRequest.builder().task("t").cron("0 8 * * *").build();
		return Stream.of(
				call("task.trigger", (c) -> c.tasks().trigger("t", "p", TriggerOptions.none(), options),
						"/api/v1/tasks/t/trigger", "{\"id\":\"run_1\"}"),
				call("task.batchTrigger (list)",
						(c) -> c.tasks().batchTrigger("t", List.of(BatchItem.of("p")), BatchOptions.none(), options),
						"/api/v3/batches", "{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":false}",
						"{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":0,\"sealed\":true}"),
				call("task.batchTrigger (flux)",
						(c) -> c.tasks().batchTrigger("t", Flux.just(BatchItem.of("p")), BatchOptions.none(), options),
						"/api/v3/batches", "{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":false}",
						"{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":0,\"sealed\":true}"),
				call("batch.trigger (list)",
						(c) -> c.batch().trigger(List.of(BatchTaskItem.of("t", "p")), BatchOptions.none(), options),
						"/api/v3/batches", "{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":false}",
						"{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":0,\"sealed\":true}"),
				call("batch.trigger (flux)",
						(c) -> c.batch().trigger(Flux.just(BatchTaskItem.of("t", "p")), BatchOptions.none(), options),
						"/api/v3/batches", "{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":false}",
						"{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":0,\"sealed\":true}"),
				call("batch.retrieve", (c) -> c.batch().retrieve("batch_1", options), "/api/v2/batches/batch_1",
						"{\"id\":\"batch_1\",\"status\":\"COMPLETED\",\"runCount\":1,\"runs\":[\"run_1\"]}"),
				call("idempotencyKeys.reset", (c) -> c.idempotencyKeys().reset("t", "k", options),
						"/api/v1/idempotencyKeys/" + IdempotencyKeys.hash("k") + "/reset", "{\"id\":\"k\"}"),
				call("runs.list", (c) -> c.runs().list(ListRunsRequest.all(), options).collectList(), "/api/v1/runs",
						"{\"data\":[],\"pagination\":{}}"),
				call("runs.listPage", (c) -> c.runs().listPage(ListRunsRequest.all(), options), "/api/v1/runs",
						"{\"data\":[],\"pagination\":{}}"),
				call("runs.retrieve", (c) -> c.runs().retrieve("run_1", options), "/api/v3/runs/run_1", RUN),
				call("runs.cancel", (c) -> c.runs().cancel("run_1", options), "/api/v2/runs/run_1/cancel",
						"{\"id\":\"run_1\"}"),
				call("runs.replay", (c) -> c.runs().replay("run_1", options), "/api/v1/runs/run_1/replay",
						"{\"id\":\"run_2\"}"),
				call("envvars.list", (c) -> c.envVars().list(EnvVarTarget.CONFIGURED, options).collectList(),
						PROD_ENVVARS, "[]"),
				call("envvars.retrieve", (c) -> c.envVars().retrieve("A", EnvVarTarget.CONFIGURED, options),
						PROD_ENVVARS + "/A", "{\"name\":\"A\",\"value\":\"1\",\"isSecret\":false}"),
				call("envvars.create",
						(c) -> c.envVars()
							.create(CreateEnvVarRequest.of("A", "1"), EnvVarTarget.CONFIGURED, options)
							.thenReturn("done"),
						PROD_ENVVARS, SUCCESS),
				call("envvars.update", (c) -> c.envVars().update("A", "2", EnvVarTarget.CONFIGURED, options).thenReturn("done"),
						PROD_ENVVARS + "/A", SUCCESS),
				call("envvars.del", (c) -> c.envVars().del("A", EnvVarTarget.CONFIGURED, options).thenReturn("done"),
						PROD_ENVVARS + "/A", SUCCESS),
				call("envvars.upload",
						(c) -> c.envVars()
							.upload(EnvVarUpload.builder().variable("A", "1").build(), EnvVarTarget.CONFIGURED, options)
							.thenReturn("done"),
						PROD_ENVVARS + "/import", SUCCESS),
				call("schedules.list", (c) -> c.schedules().list(options).collectList(), "/api/v1/schedules",
						"{\"data\":[],\"pagination\":{\"currentPage\":1,\"totalPages\":1,\"count\":0}}"),
				call("schedules.list (page size)", (c) -> c.schedules().list(5, options).collectList(),
						"/api/v1/schedules?perPage=5",
						"{\"data\":[],\"pagination\":{\"currentPage\":1,\"totalPages\":1,\"count\":0}}"),
				call("schedules.listPage", (c) -> c.schedules().listPage(2, 5, options),
						"/api/v1/schedules?perPage=5&page=2",
						"{\"data\":[],\"pagination\":{\"currentPage\":2,\"totalPages\":2,\"count\":5}}"),
				call("schedules.create",
						(c) -> c.schedules()
							.create(CreateScheduleRequest.builder().task("t").cron("0 8 * * *").deduplicationKey("d").build(),
									options),
						"/api/v1/schedules", SCHEDULE),
				call("schedules.retrieve", (c) -> c.schedules().retrieve("sched_1", options),
						"/api/v1/schedules/sched_1", SCHEDULE),
				call("schedules.update", (c) -> c.schedules().update("sched_1", update, options),
						"/api/v1/schedules/sched_1", SCHEDULE),
				call("schedules.activate", (c) -> c.schedules().activate("sched_1", options),
						"/api/v1/schedules/sched_1/activate", SCHEDULE),
				call("schedules.deactivate", (c) -> c.schedules().deactivate("sched_1", options),
						"/api/v1/schedules/sched_1/deactivate", SCHEDULE),
				call("schedules.del", (c) -> c.schedules().del("sched_1", options), "/api/v1/schedules/sched_1",
						"{\"id\":\"sched_1\"}"),
				call("queues.list", (c) -> c.queues().list(options).collectList(), "/api/v1/queues", EMPTY_OFFSET_PAGE),
				call("queues.list (page size)", (c) -> c.queues().list(5, options).collectList(),
						"/api/v1/queues?perPage=5", EMPTY_OFFSET_PAGE),
				call("queues.listPage", (c) -> c.queues().listPage(2, 5, options), "/api/v1/queues?perPage=5&page=2",
						EMPTY_OFFSET_PAGE),
				call("queues.retrieve", (c) -> c.queues().retrieve(QueueRef.id("queue_1"), options),
						"/api/v1/queues/queue_1?type=id", QUEUE),
				call("queues.pause", (c) -> c.queues().pause(QueueRef.task("t"), options), "/api/v1/queues/t/pause",
						QUEUE),
				call("queues.resume", (c) -> c.queues().resume(QueueRef.task("t"), options), "/api/v1/queues/t/pause",
						QUEUE),
				call("queues.overrideConcurrencyLimit",
						(c) -> c.queues().overrideConcurrencyLimit(QueueRef.custom("c"), 3, options),
						"/api/v1/queues/c/concurrency/override", QUEUE),
				call("queues.resetConcurrencyLimit", (c) -> c.queues().resetConcurrencyLimit(QueueRef.custom("c"), options),
						"/api/v1/queues/c/concurrency/reset", QUEUE),
				call("deployments.list", (c) -> c.deployments().list(ListDeploymentsRequest.all(), options).collectList(),
						"/api/v1/deployments", "{\"data\":[],\"pagination\":{}}"),
				call("deployments.listPage", (c) -> c.deployments().listPage(ListDeploymentsRequest.all(), options),
						"/api/v1/deployments", "{\"data\":[],\"pagination\":{}}"),
				call("deployments.retrieveCurrent", (c) -> c.deployments().retrieveCurrent(options),
						"/api/v1/deployments/current", DEPLOYMENT),
				call("deployments.retrieve", (c) -> c.deployments().retrieve("dep_1", options),
						"/api/v1/deployments/dep_1", DEPLOYMENT),
				call("deployments.latest", (c) -> c.deployments().latest(options), "/api/v1/deployments/latest",
						DEPLOYMENT),
				call("deployments.promote", (c) -> c.deployments().promote("20250228.1", options),
						"/api/v1/deployments/20250228.1/promote",
						"{\"id\":\"dep_1\",\"version\":\"20250228.1\",\"shortCode\":\"abc\"}"),
				call("wait.createToken", (c) -> c.waitpoints().createToken(CreateTokenOptions.none(), options),
						"/api/v1/waitpoints/tokens", "{\"id\":\"waitpoint_1\",\"isCached\":false,\"url\":\"u\"}"),
				call("wait.listTokens",
						(c) -> c.waitpoints().listTokens(ListWaitpointTokensRequest.all(), options).collectList(),
						"/api/v1/waitpoints/tokens", "{\"data\":[],\"pagination\":{}}"),
				call("wait.listTokensPage", (c) -> c.waitpoints().listTokensPage(ListWaitpointTokensRequest.all(), options),
						"/api/v1/waitpoints/tokens", "{\"data\":[],\"pagination\":{}}"),
				call("wait.retrieveToken", (c) -> c.waitpoints().retrieveToken("waitpoint_1", options),
						"/api/v1/waitpoints/tokens/waitpoint_1", WAITPOINT_TOKEN),
				call("wait.completeToken",
						(c) -> c.waitpoints().completeToken("waitpoint_1", "ok", options).thenReturn("done"),
						"/api/v1/waitpoints/tokens/waitpoint_1/complete", "{\"success\":true}"));
	}

	private static Arguments call(String name, Function<TriggerClient, Mono<?>> call, String target,
			String... responses) {
		return Arguments.of(name, call, target, responses);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyClientMethod")
	void everyClientMethodSendsThePerCallCredential(String name, Function<TriggerClient, Mono<?>> call, String target,
			String[] responses) {
		for (String response : responses) {
			this.api.respond(200, response);
		}
		StepVerifier.create(call.apply(this.client)).expectNextCount(1).expectComplete().verify(TIMEOUT);
		RecordedRequest first = this.api.takeRequest();
		assertThat(first.getTarget()).isEqualTo(target);
		assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + PROD_KEY);
		for (int i = 1; i < responses.length; i++) {
			assertThat(this.api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + PROD_KEY);
		}
	}

	@Test
	void publicEndpointIgnoresThePerCallCredential() {
		this.api.respond(200, "{\"timezones\":[\"UTC\"]}");
		StepVerifier.create(this.client.schedules().timezones(false, RequestOptions.none().withCredential(PROD_KEY)))
			.expectNext(List.of("UTC"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getHeaders().get("Authorization")).isNull();
	}

	@Test
	void perCallAccessTokenIsRefusedBeforeTheWireOnASecretKeyOnlyEndpoint() {
		StepVerifier
			.create(this.client.runs()
				.retrieve("run_1", RequestOptions.none().withCredential(MockTriggerApi.PAT)))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class)
				.hasMessageNotContaining(MockTriggerApi.PAT))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void perCallAccessTokenReachesAnotherEnvironmentOfTheProject() {
		this.api.respond(200, "[]");
		StepVerifier
			.create(this.client.envVars()
				.list(EnvVarTarget.of(TriggerEnvironment.STAGING), RequestOptions.none().withCredential(MockTriggerApi.PAT)))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getTarget()).isEqualTo("/api/v1/projects/" + MockTriggerApi.PROJECT_REF + "/envvars/staging");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.PAT);
	}

	@Test
	void perCallBranchIsSentOnlyToThePreviewEnvironment() {
		RequestOptions branch = RequestOptions.none().withBranch("feature-x");
		this.api.respond(200, RUN).respond(200, RUN);
		StepVerifier.create(this.client.runs().retrieve("run_1", branch)).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.api.takeRequest().getHeaders().get("x-trigger-branch")).isNull();
		StepVerifier.create(this.client.runs().retrieve("run_1", branch.withCredential(MockTriggerApi.PREVIEW_KEY)))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest preview = this.api.takeRequest();
		assertThat(preview.getHeaders().get("x-trigger-branch")).isEqualTo("feature-x");
		assertThat(preview.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.PREVIEW_KEY);
	}

	@Test
	void envVarTargetBranchWinsOverThePerCallBranch() {
		TriggerClient previewClient = client(this.api.http(MockTriggerApi.both()));
		this.api.respond(200, "[]");
		StepVerifier
			.create(previewClient.envVars()
				.list(EnvVarTarget.preview("from-target"), RequestOptions.none().withBranch("from-options")))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getHeaders().get("x-trigger-branch")).isEqualTo("from-target");
	}

	@Test
	void perCallRetryPolicyReplacesTheConfiguredOne() {
		this.api.respond(500, "{\"error\":\"boom\"}").respond(200, RUN);
		StepVerifier.create(this.client.runs().retrieve("run_1", RequestOptions.none().withRetry(TriggerRetryPolicy.none())))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerServerException.class)
				.hasMessage("500 boom"))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void nonPositiveTimeoutsAreRefusedBeforeTheWire() {
		StepVerifier
			.create(this.client.runs().retrieve("run_1", RequestOptions.none().withResponseTimeout(Duration.ZERO)))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerValidationException.class)
				.hasMessage("Invalid 'requestOptions.responseTimeout': must be positive, but was PT0S. Pass a positive "
						+ "duration, or leave it out to use 'trigger.response-timeout'."))
			.verify(TIMEOUT);
		StepVerifier
			.create(this.client.runs()
				.retrieve("run_1", RequestOptions.none().withCallTimeout(Duration.ofSeconds(-1))))
			.expectErrorMessage("Invalid 'requestOptions.callTimeout': must be positive, but was PT-1S. Pass a "
					+ "positive duration, or leave it out to use 'trigger.call-timeout'.")
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void toStringMasksTheCredential() {
		assertThat(RequestOptions.none().withCredential(PROD_KEY).withBranch("b"))
			.hasToString("RequestOptions[branch=b, retry=null, responseTimeout=null, callTimeout=null, "
					+ "credential=tr_prod_…]");
	}

}
