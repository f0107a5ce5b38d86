package io.github.triggerspring.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.tasks.Machine;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link RunsClient} calls that change a run: reschedule, tags and metadata.
 *
 * @author trigger-spring-boot contributors
 */
class RunsClientChangesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DELAYED_RUN = """
			{"id":"run_1234","status":"DELAYED","taskIdentifier":"my-task","isQueued":true,"isExecuting":false,
			"isWaiting":false,"isCompleted":false,"isSuccess":false,"isFailed":false,"isCancelled":false,
			"isTest":false,"createdAt":"2029-12-31T23:00:00.000Z","updatedAt":"2029-12-31T23:00:00.000Z",
			"delayedUntil":"2030-01-01T00:00:00.000Z","tags":[],"costInCents":0,"baseCostInCents":0,
			"durationMs":0,"depth":0,"triggerFunction":"trigger","relatedRuns":{},"attempts":[],
			"attemptCount":0,"unknown":1}""";

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private RunsClient runs() {
		return new RunsClient(this.api.http(MockTriggerApi.secretKey()));
	}

	private static void assertBody(RecordedRequest recorded, String expected) {
		assertThat(JSON.readTree(recorded.getBody().utf8())).isEqualTo(JSON.readTree(expected));
	}

	@Test
	void reschedulePostsTheDurationAndReturnsTheRun() {
		this.api.respond(200, DELAYED_RUN);
		StepVerifier.create(runs().reschedule("run_1234", "1h30m"))
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.DELAYED);
				assertThat(run.delayedUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
			})
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs/run_1234/reschedule");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertBody(recorded, "{\"delay\":\"1h30m\"}");
	}

	@Test
	void rescheduleToAnInstantSendsItWithMilliseconds() {
		this.api.respond(200, DELAYED_RUN);
		StepVerifier.create(runs().reschedule("run_1234", Instant.parse("2030-01-01T00:00:00Z")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertBody(this.api.takeRequest(), "{\"delay\":\"2030-01-01T00:00:00.000Z\"}");
	}

	@Test
	void rescheduleOfARunThatIsNotDelayedSaysWhatToCheck() {
		this.api.respond(400, "{\"error\":\"Cannot reschedule a run that is not delayed\"}");
		StepVerifier.create(runs().reschedule("run_1234", "1h")).expectErrorSatisfies((error) -> {
			assertThat(error).isExactlyInstanceOf(TriggerBadRequestException.class);
			assertThat(((TriggerBadRequestException) error).getError())
				.isEqualTo("Cannot reschedule a run that is not delayed");
			assertThat(error).hasMessage("400 Cannot reschedule a run that is not delayed. Only a run in the DELAYED "
					+ "state can be rescheduled (check Run.status()), and the delay must be a duration such as '30m' "
					+ "or a future instant");
		}).verify(TIMEOUT);
		this.api.respond(422, "{\"error\":\"Cannot reschedule a run that is not delayed\"}");
		StepVerifier.create(runs().reschedule("run_1234", "1h"))
			.expectErrorSatisfies((error) -> assertThat(error)
				.isExactlyInstanceOf(TriggerUnprocessableEntityException.class)
				.hasMessageContaining("Only a run in the DELAYED state can be rescheduled"))
			.verify(TIMEOUT);
	}

	@Test
	void rescheduleRefusesADelayThatIsNeitherADurationNorADate() {
		RunsClient runs = runs();
		for (String delay : List.of("", "soon", "1h 30m", "-1h", "1y")) {
			StepVerifier.create(runs.reschedule("run_1234", delay))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TriggerValidationException.class)
					.extracting((ex) -> ((TriggerValidationException) ex).getField())
					.isEqualTo("delay"))
				.verify(TIMEOUT);
		}
		StepVerifier.create(runs.reschedule("run_1234", (Instant) null))
			.expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void addTagsPostsTheTagsAndReturnsTheServersMessage() {
		this.api.respond(200, "{\"message\":\"Successfully set 2 new tags.\"}");
		StepVerifier.create(runs().addTags("run_1234", List.of("user:1", "org:2")))
			.expectNext("Successfully set 2 new tags.")
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs/run_1234/tags");
		assertBody(recorded, "{\"tags\":[\"user:1\",\"org:2\"]}");
	}

	@Test
	void addTagsValidatesLikeTriggerOptions() {
		RunsClient runs = runs();
		List<List<String>> bad = List.of(List.of(), Collections.nCopies(11, "t"), List.of("x".repeat(129)),
				Collections.singletonList(null), List.of(""));
		for (List<String> tags : bad) {
			StepVerifier.create(runs.addTags("run_1234", tags))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TriggerValidationException.class)
					.extracting((ex) -> ((TriggerValidationException) ex).getField())
					.isEqualTo("tags"))
				.verify(TIMEOUT);
		}
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void addTagsBeyondTenInAllIsUnprocessable() {
		this.api.respond(422, "{\"error\":\"Runs can only have 10 tags, you're trying to set 11.\"}");
		StepVerifier.create(runs().addTags("run_1234", List.of("a")))
			.expectError(TriggerUnprocessableEntityException.class)
			.verify(TIMEOUT);
	}

	@Test
	void retrieveMetadataParsesTheStoredPacket() {
		this.api.respond(200, "{\"metadata\":\"{\\\"step\\\":3,\\\"list\\\":[\\\"b\\\"]}\","
				+ "\"metadataType\":\"application/json\"}");
		StepVerifier.create(runs().retrieveMetadata("run_1234"))
			.expectNext(Map.of("step", 3, "list", List.of("b")))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs/run_1234/metadata");
	}

	@Test
	void retrieveMetadataReadsSuperJsonObjectsAndNothing() {
		this.api.respond(200, "{\"metadata\":\"{\\\"json\\\":{\\\"a\\\":1},\\\"meta\\\":{}}\","
				+ "\"metadataType\":\"application/super+json\"}");
		this.api.respond(200, "{\"metadata\":{\"a\":2}}");
		this.api.respond(200, "{\"metadata\":null,\"metadataType\":\"application/json\"}");
		RunsClient runs = runs();
		StepVerifier.create(runs.retrieveMetadata("run_1")).expectNext(Map.of("a", 1)).expectComplete().verify(TIMEOUT);
		StepVerifier.create(runs.retrieveMetadata("run_2")).expectNext(Map.of("a", 2)).expectComplete().verify(TIMEOUT);
		StepVerifier.create(runs.retrieveMetadata("run_3")).expectNext(Map.of()).expectComplete().verify(TIMEOUT);
	}

	record Progress(int doneItems) {
	}

	@Test
	void updateMetadataWritesValuesWithTheApplicationsMapper() {
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey(), snakeCase,
				MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT)));
		this.api.respond(200, "{\"metadata\":{\"progress\":{\"done_items\":3}}}");
		StepVerifier.create(runs.updateMetadata("run_1234", MetadataUpdate.replace(Map.of("progress", new Progress(3)))))
			.expectNext(Map.of("progress", Map.of("done_items", 3)))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("PUT");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs/run_1234/metadata");
		assertBody(recorded, "{\"metadata\":{\"progress\":{\"done_items\":3}}}");
	}

	@Test
	void updateMetadataSendsOperationsInOrder() {
		this.api.respond(200, "{\"metadata\":{}}");
		MetadataUpdate update = MetadataUpdate
			.operations(MetadataOperation.set("status", "ok"), MetadataOperation.delete("old"),
					MetadataOperation.append("log", "line"), MetadataOperation.remove("log", "x"),
					MetadataOperation.increment("count", 2), MetadataOperation.update(Map.of("merged", true)))
			.withParentOperations(MetadataOperation.increment("children", 1))
			.withRootOperations(MetadataOperation.set("last", "run_1234"));
		StepVerifier.create(runs().updateMetadata("run_1234", update)).expectNext(Map.of()).expectComplete().verify(TIMEOUT);
		assertBody(this.api.takeRequest(), """
				{"operations":[
				{"type":"set","key":"status","value":"ok"},
				{"type":"delete","key":"old"},
				{"type":"append","key":"log","value":"line"},
				{"type":"remove","key":"log","value":"x"},
				{"type":"increment","key":"count","value":2.0},
				{"type":"update","value":{"merged":true}}],
				"parentOperations":[{"type":"increment","key":"children","value":1.0}],
				"rootOperations":[{"type":"set","key":"last","value":"run_1234"}]}""");
	}

	@Test
	void updateMetadataRefusesReservedKeysAndEmptyUpdates() {
		RunsClient runs = runs();
		List<MetadataUpdate> bad = List.of(MetadataUpdate.replace(Map.of("__proto__", 1)),
				MetadataUpdate.operations(MetadataOperation.set("constructor", 1)),
				MetadataUpdate.operations(MetadataOperation.update(Map.of("prototype", 1))),
				new MetadataUpdate(null, null, null, null));
		for (MetadataUpdate update : bad) {
			StepVerifier.create(runs.updateMetadata("run_1234", update))
				.expectError(TriggerValidationException.class)
				.verify(TIMEOUT);
		}
		StepVerifier.create(runs.updateMetadata("run_1234", null)).expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void eachNewCallIsRefusedWithOnlyAnAccessTokenBeforeTheWire() {
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));
		Map<TriggerEndpoint, Mono<?>> calls = Map.of(TriggerEndpoint.RUNS_RESCHEDULE, runs.reschedule("run_1", "1h"),
				TriggerEndpoint.RUNS_ADD_TAGS, runs.addTags("run_1", List.of("a")),
				TriggerEndpoint.RUNS_RETRIEVE_METADATA, runs.retrieveMetadata("run_1"),
				TriggerEndpoint.RUNS_UPDATE_METADATA,
				runs.updateMetadata("run_1", MetadataUpdate.replace(Map.of("a", 1)), RequestOptions.none()));
		calls.forEach((endpoint, call) -> StepVerifier.create(call)
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class)
				.extracting((ex) -> ((UnsupportedCredentialException) ex).getEndpoint())
				.isEqualTo(endpoint))
			.verify(TIMEOUT));
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void replayWithOptionsSendsTheBodyOfSdk483() {
		this.api.respond(200, "{\"id\":\"run_5678\"}");
		ReplayOptions options = ReplayOptions.builder()
			.payload(Map.of("at", Instant.parse("2030-01-01T00:00:00Z")))
			.metadata(Map.of("source", "replay"))
			.tags(List.of("replayed"))
			.queue("emails")
			.concurrencyKey("user-1")
			.machine(Machine.SMALL_2X)
			.version("20250301.1")
			.region("eu-central-1")
			.delay("10m")
			.ttl(Duration.ofMinutes(5))
			.idempotencyKey("replay-1")
			.idempotencyKeyTTL("1d")
			.maxAttempts(3)
			.maxDuration(Duration.ofMinutes(2))
			.priority(Duration.ofSeconds(30))
			.build();
		StepVerifier.create(runs().replay("run_1234", options)).expectNext("run_5678").expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getTarget()).isEqualTo("/api/v1/runs/run_1234/replay");
		assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertBody(recorded, """
				{"payload":"{\\"json\\":{\\"at\\":\\"2030-01-01T00:00:00.000Z\\"},\\"meta\\":{\\"values\\":{\\"at\\":[\\"Date\\"]}}}",
				"payloadType":"application/super+json","metadata":{"source":"replay"},"tags":["replayed"],
				"queue":"emails","concurrencyKey":"user-1","machine":"small-2x","version":"20250301.1",
				"region":"eu-central-1","delay":"10m","ttl":300,"idempotencyKey":"replay-1","idempotencyKeyTTL":"1d",
				"maxAttempts":3,"maxDuration":120,"priority":30}""");
	}

	@Test
	void replayWithoutOptionsSendsNoBody() {
		this.api.respond(200, "{\"id\":\"run_5678\"}");
		StepVerifier.create(runs().replay("run_1234", ReplayOptions.none()))
			.expectNext("run_5678")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getBodySize()).isZero();
	}

	@Test
	void replayOptionsAreValidatedBeforeTheWire() {
		RunsClient runs = runs();
		List<ReplayOptions> bad = List.of(ReplayOptions.builder().tags(Collections.nCopies(11, "t")).build(),
				ReplayOptions.builder().delay("soon").build(), ReplayOptions.builder().ttl("1 hour").build(),
				ReplayOptions.builder().idempotencyKey("k".repeat(2049)).build(),
				ReplayOptions.builder().idempotencyKeyTTL("1h30m").build(),
				ReplayOptions.builder().maxAttempts(0).build(),
				ReplayOptions.builder().maxDuration(Duration.ofSeconds(-1)).build());
		for (ReplayOptions options : bad) {
			StepVerifier.create(runs.replay("run_1234", options))
				.expectError(TriggerValidationException.class)
				.verify(TIMEOUT);
		}
		StepVerifier.create(runs.replay("run_1234", (ReplayOptions) null))
			.expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

}
