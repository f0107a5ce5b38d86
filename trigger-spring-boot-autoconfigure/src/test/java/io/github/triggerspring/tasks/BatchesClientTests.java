package io.github.triggerspring.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatchesClient}.
 *
 * @author trigger-spring-boot contributors
 */
class BatchesClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final TriggerRetryPolicy SEAL_RETRY = new TriggerRetryPolicy(2, Duration.ofMillis(10),
			Duration.ofMillis(20), 2, 0);

	private static final String CREATED = "{\"id\":\"batch_1\",\"runCount\":%d,\"isCached\":false}";

	private static final String SEALED = "{\"id\":\"batch_1\",\"itemsAccepted\":%d,\"itemsDeduplicated\":0,\"sealed\":true}";

	/** A batch as {@code GET /api/v2/batches/{batchId}} returns it, with a member this client does not model. */
	private static final String RETRIEVED = """
			{
			  "id": "batch_1",
			  "status": "PARTIAL_FAILED",
			  "idempotencyKey": "9f86d081884c7d65",
			  "createdAt": "2026-01-01T00:00:00.000Z",
			  "updatedAt": "2026-01-01T00:00:01.500Z",
			  "runCount": 3,
			  "runs": ["run_a", "run_b"],
			  "processing": {
			    "completedAt": "2026-01-01T00:00:01.500Z",
			    "errors": [{"index": 2, "taskIdentifier": "resize", "error": "Task not found", "errorCode": "TASK_NOT_FOUND"}]
			  },
			  "someFutureField": true
			}""";

	private final MockTriggerApi api = new MockTriggerApi();

	private final BatchesClient batch = new BatchesClient(this.api.http(MockTriggerApi.secretKey()), SEAL_RETRY);

	@AfterEach
	void close() {
		this.api.close();
	}

	@Test
	void triggerSendsEachItemToItsTaskAndListsTheDistinctTasksSorted() {
		this.api.respond(202, CREATED.formatted(3), "x-trigger-jwt: batch.jwt.token")
			.respond(200, SEALED.formatted(3));
		List<BatchTaskItem> items = List.of(BatchTaskItem.of("send-email", "a"),
				BatchTaskItem.of("resize/image", "b", TriggerOptions.builder().tags("vip").build()),
				BatchTaskItem.of("send-email", null));

		StepVerifier.create(this.batch.trigger(items, BatchOptions.builder().idempotencyKey("import-1").build()))
			.expectNext(new BatchResult("batch_1", 3, false, "batch.jwt.token"))
			.expectComplete()
			.verify(TIMEOUT);

		RecordedRequest create = this.api.takeRequest();
		assertThat(create.getRequestLine()).isEqualTo("POST /api/v3/batches HTTP/1.1");
		TasksClientTriggerTests.assertStandardHeaders(create, "application/json");
		WireAssertions.assertJson(create.getBody().utf8(), """
				{"runCount": 3, "taskIdentifiers": ["resize/image", "send-email"], "idempotencyKey": "%s",
				 "idempotencyKeyOptions": {"key": "import-1", "scope": "run"}}""".formatted(sha256("import-1")));
		RecordedRequest stream = this.api.takeRequest();
		assertThat(stream.getRequestLine()).isEqualTo("POST /api/v3/batches/batch_1/items HTTP/1.1");
		TasksClientTriggerTests.assertStandardHeaders(stream, "application/x-ndjson");
		String[] lines = stream.getBody().utf8().split("\n");
		assertThat(lines).hasSize(3);
		WireAssertions.assertJson(lines[0], """
				{"index": 0, "task": "send-email", "payload": "a", "options": {"payloadType": "text/plain",
				 "payloadSize": 1, "idempotencyKey": "%s"}}""".formatted(sha256("import-1-0")));
		WireAssertions.assertJson(lines[1], """
				{"index": 1, "task": "resize/image", "payload": "b", "options": {"payloadType": "text/plain",
				 "tags": ["vip"], "payloadSize": 1, "idempotencyKey": "%s"}}""".formatted(sha256("import-1-1")));
		WireAssertions.assertJson(lines[2], """
				{"index": 2, "task": "send-email", "options": {"payloadType": "application/json",
				 "idempotencyKey": "%s"}}""".formatted(sha256("import-1-2")));
	}

	@Test
	void triggerOfAFluxSpoolsTheItemsAndKeepsTheToken() {
		this.api.respond(202, CREATED.formatted(2), "x-trigger-jwt: flux.jwt.token")
			.respond(200, SEALED.formatted(2));

		StepVerifier.create(this.batch.trigger(Flux.just(BatchTaskItem.of("b-task", "x"), BatchTaskItem.of("a-task", "y"))))
			.expectNext(new BatchResult("batch_1", 2, false, "flux.jwt.token"))
			.expectComplete()
			.verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"runCount\": 2, \"taskIdentifiers\": [\"a-task\", \"b-task\"]}");
		String[] lines = this.api.takeRequest().getBody().utf8().split("\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).contains("\"task\":\"b-task\"");
		assertThat(lines[1]).contains("\"task\":\"a-task\"");
	}

	@Test
	void triggerOfACachedBatchSendsItsItemsAgainAndKeepsTheToken() {
		this.api.respond(202, "{\"id\":\"batch_old\",\"runCount\":1,\"isCached\":true}", "x-trigger-jwt: cached.jwt")
			.respond(422, "{\"error\":\"Batch batch_old is already sealed and cannot accept more items\"}");

		StepVerifier.create(this.batch.trigger(List.of(BatchTaskItem.of("t", "x")),
				BatchOptions.builder().idempotencyKey("k").build()))
			.expectNext(new BatchResult("batch_old", 1, true, "cached.jwt"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v3/batches");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v3/batches/batch_old/items");
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void triggerSignalsBatchNotSealedAfterTheResends() {
		String unsealed = "{\"id\":\"batch_1\",\"itemsAccepted\":0,\"itemsDeduplicated\":1,\"sealed\":false}";
		this.api.respond(202, CREATED.formatted(1)).respond(200, unsealed).respond(200, unsealed);

		StepVerifier.create(this.batch.trigger(List.of(BatchTaskItem.of("t", "x"))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BatchNotSealedException.class))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(3);
	}

	@Test
	void triggerRefusesAnItemWithABlankTaskBeforeAnyRequest() {
		assertRefused(this.batch.trigger(List.of(BatchTaskItem.of("t", "x"), BatchTaskItem.of(" ", "y"))),
				"items[1].taskId");
		assertRefused(this.batch.trigger(Flux.just(BatchTaskItem.of(null, "y"))), "items[0].taskId");
	}

	@Test
	void triggerRefusesAnEmptyBatchBeforeAnyRequest() {
		assertRefused(this.batch.trigger(List.of()), "items");
		assertRefused(this.batch.trigger(Flux.empty()), "items");
	}

	@Test
	void retrieveDecodesTheBatchIgnoringUnknownMembers() {
		this.api.respond(200, RETRIEVED);

		StepVerifier.create(this.batch.retrieve("batch_1")).assertNext((retrieved) -> {
			assertThat(retrieved.id()).isEqualTo("batch_1");
			assertThat(retrieved.status()).isEqualTo(BatchStatus.PARTIAL_FAILED);
			assertThat(retrieved.idempotencyKey()).isEqualTo("9f86d081884c7d65");
			assertThat(retrieved.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
			assertThat(retrieved.updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01.500Z"));
			assertThat(retrieved.runCount()).isEqualTo(3);
			assertThat(retrieved.runs()).containsExactly("run_a", "run_b");
			assertThat(retrieved.processing()).isNotNull();
			assertThat(retrieved.processing().completedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01.500Z"));
			assertThat(retrieved.processing().errors())
				.containsExactly(new Batch.ProcessingError(2, "resize", "Task not found", "TASK_NOT_FOUND"));
		}).expectComplete().verify(TIMEOUT);

		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("GET /api/v2/batches/batch_1 HTTP/1.1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(request.getBody()).isNull();
	}

	@Test
	void retrieveReadsAnUnknownStatusAndMissingListsLeniently() {
		this.api.respond(200, "{\"id\":\"batch_1\",\"status\":\"SOMETHING_NEW\",\"runCount\":0}");

		StepVerifier.create(this.batch.retrieve("batch_1")).assertNext((retrieved) -> {
			assertThat(retrieved.status()).isEqualTo(BatchStatus.UNKNOWN);
			assertThat(retrieved.runs()).isEmpty();
			assertThat(retrieved.processing()).isNull();
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void retrieveRefusesABlankIdBeforeAnyRequest() {
		assertRefused(this.batch.retrieve(" "), "batchId");
	}

	@Test
	void everyEndpointWithOnlyAnAccessTokenIsRefusedWithoutARequest() {
		BatchesClient patOnly = new BatchesClient(this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));

		assertUnsupported(patOnly.trigger(List.of(BatchTaskItem.of("t", "x"))), TriggerEndpoint.BATCH_TRIGGER);
		assertUnsupported(patOnly.trigger(Flux.just(BatchTaskItem.of("t", "x"))), TriggerEndpoint.BATCH_TRIGGER);
		assertUnsupported(patOnly.retrieve("batch_1"), TriggerEndpoint.BATCH_RETRIEVE);
		assertThat(this.api.requestCount()).isZero();
	}

	private void assertUnsupported(Mono<?> call, TriggerEndpoint endpoint) {
		StepVerifier.create(call).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(UnsupportedCredentialException.class);
			UnsupportedCredentialException refused = (UnsupportedCredentialException) ex;
			assertThat(refused.getEndpoint()).isEqualTo(endpoint);
			assertThat(refused.getConfigured()).containsExactly(CredentialKind.PERSONAL_ACCESS_TOKEN);
		}).verify(TIMEOUT);
	}

	private void assertRefused(Mono<?> call, String field) {
		StepVerifier.create(call).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(TriggerValidationException.class);
			assertThat(((TriggerValidationException) error).getField()).isEqualTo(field);
		}).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	private static String sha256(String material) {
		return IdempotencyKeys.sha256Hex(material);
	}

}
