package io.github.triggerspring.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TasksClient#batchTrigger(String, List, BatchOptions)} and
 * {@link TasksClient#batchTrigger(String, Flux, BatchOptions)}.
 *
 * @author trigger-spring-boot contributors
 */
class TasksClientBatchTriggerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Three sends in all, 10 ms apart. */
	private static final TriggerRetryPolicy SEAL_RETRY = new TriggerRetryPolicy(3, Duration.ofMillis(10),
			Duration.ofMillis(20), 2, 0);

	private static final String CREATED = "{\"id\":\"batch_1\",\"runCount\":%d,\"isCached\":false}";

	private static final String SEALED = "{\"id\":\"batch_1\",\"itemsAccepted\":%d,\"itemsDeduplicated\":0,\"sealed\":true}";

	private static final String UNSEALED = "{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":1,"
			+ "\"sealed\":false,\"enqueuedCount\":2,\"expectedCount\":3}";

	private final MockTriggerApi api = new MockTriggerApi();

	private final TasksClient tasks = new TasksClient(
			this.api.http(MockTriggerApi.secretKey()), SEAL_RETRY);

	@AfterEach
	void close() {
		this.api.close();
	}

	@Test
	void batchTriggerCreatesTheBatchThenStreamsItsItemsAsNdjson() {
		this.api.respond(202, CREATED.formatted(3), "x-trigger-jwt: batch.jwt.token")
			.respond(200, SEALED.formatted(3));
		List<BatchItem> items = List.of(BatchItem.of(new Order("o-1", 1)),
				BatchItem.of("plain", TriggerOptions.builder().idempotencyKey("own-key").tags("vip").build()),
				BatchItem.of(null, TriggerOptions.builder().idempotencyKeyTTL("2h").build()));
		BatchOptions options = BatchOptions.builder().idempotencyKey("batch-1").idempotencyKeyTTL("1d").build();

		StepVerifier.create(this.tasks.batchTrigger("my/task", items, options))
			.expectNext(new BatchResult("batch_1", 3, false, "batch.jwt.token"))
			.expectComplete()
			.verify(TIMEOUT);

		RecordedRequest create = this.api.takeRequest();
		assertThat(create.getRequestLine()).isEqualTo("POST /api/v3/batches HTTP/1.1");
		TasksClientTriggerTests.assertStandardHeaders(create, "application/json");
		WireAssertions.assertJson(create.getBody().utf8(), """
				{"runCount": 3, "taskIdentifiers": ["my/task"], "idempotencyKey": "%s",
				 "idempotencyKeyOptions": {"key": "batch-1", "scope": "run"}}""".formatted(sha256("batch-1")));
		RecordedRequest stream = this.api.takeRequest();
		assertThat(stream.getRequestLine()).isEqualTo("POST /api/v3/batches/batch_1/items HTTP/1.1");
		TasksClientTriggerTests.assertStandardHeaders(stream, "application/x-ndjson");
		String payload = "{\"json\":{\"orderId\":\"o-1\",\"lineCount\":1}}";
		assertNdjson(stream.getBody().utf8(), """
				{"index": 0, "task": "my/task", "payload": %s, "options": {
				  "payloadType": "application/super+json", "payloadSize": %d,
				  "idempotencyKey": "%s", "idempotencyKeyTTL": "1d"}}""".formatted(WireAssertions.quote(payload),
				payload.length(), sha256("batch-1-0")), """
				{"index": 1, "task": "my/task", "payload": "plain", "options": {
				  "payloadType": "text/plain", "payloadSize": 5, "tags": ["vip"],
				  "idempotencyKey": "%s", "idempotencyKeyOptions": {"key": "own-key", "scope": "run"},
				  "idempotencyKeyTTL": "1d"}}""".formatted(sha256("own-key")), """
				{"index": 2, "task": "my/task", "options": {
				  "payloadType": "application/json", "idempotencyKey": "%s", "idempotencyKeyTTL": "2h"}}"""
			.formatted(sha256("batch-1-2")));
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void batchTriggerSendsTheScopesOfTheBatchKeyAndOfItemKeys() {
		this.api.respond(202, CREATED.formatted(2)).respond(200, SEALED.formatted(2));
		List<BatchItem> items = List.of(BatchItem.of("a"), BatchItem.of("b",
				TriggerOptions.builder().idempotencyKey(List.of("own", "key"), IdempotencyKeyScope.ATTEMPT).build()));
		BatchOptions options = BatchOptions.builder().idempotencyKey("batch-1", IdempotencyKeyScope.GLOBAL).build();

		StepVerifier.create(this.tasks.batchTrigger("t", items, options))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(options.idempotencyKeyScope()).isEqualTo(IdempotencyKeyScope.GLOBAL);
		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"runCount": 2, "taskIdentifiers": ["t"], "idempotencyKey": "%s",
				 "idempotencyKeyOptions": {"key": "batch-1", "scope": "global"}}""".formatted(sha256("batch-1")));
		// the SDK's batch receives the created key, its hash, and derives item keys from it
		assertNdjson(this.api.takeRequest().getBody().utf8(), """
				{"index": 0, "task": "t", "payload": "a", "options": {"payloadType": "text/plain",
				  "payloadSize": 1, "idempotencyKey": "%s"}}""".formatted(sha256(sha256("batch-1") + "-0")), """
				{"index": 1, "task": "t", "payload": "b", "options": {"payloadType": "text/plain",
				  "payloadSize": 1, "idempotencyKey": "%s",
				  "idempotencyKeyOptions": {"key": "own-key", "scope": "attempt"}}}""".formatted(sha256("own-key")));
	}

	@Test
	void batchTriggerWithoutKeysSendsNoKeys() {
		this.api.respond(202, CREATED.formatted(1)).respond(200, SEALED.formatted(1));

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of("x"))))
			.expectNext(new BatchResult("batch_1", 1, false, null))
			.expectComplete()
			.verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"runCount\":1,\"taskIdentifiers\":[\"t\"]}");
		assertNdjson(this.api.takeRequest().getBody().utf8(),
				"{\"index\":0,\"task\":\"t\",\"payload\":\"x\",\"options\":{\"payloadType\":\"text/plain\",\"payloadSize\":1}}");
	}

	@Test
	void batchTriggerWithAPreHashedKeySendsItUnchangedAndDerivesItemKeysFromIt() {
		String hash = sha256("order-1234");
		this.api.respond(202, CREATED.formatted(1)).respond(200, SEALED.formatted(1));

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of("x")),
				BatchOptions.builder().idempotencyKey(hash).build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(),
				"{\"runCount\":1,\"taskIdentifiers\":[\"t\"],\"idempotencyKey\":\"" + hash + "\"}");
		assertNdjson(this.api.takeRequest().getBody().utf8(),
				"{\"index\":0,\"task\":\"t\",\"payload\":\"x\",\"options\":{\"payloadType\":\"text/plain\","
						+ "\"payloadSize\":1,\"idempotencyKey\":\"" + sha256(hash + "-0") + "\"}}");
	}

	@Test
	void batchTriggerWithAListKeyJoinsItsPartsForTheBatchAndItsItems() {
		this.api.respond(202, CREATED.formatted(1)).respond(200, SEALED.formatted(1));

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of("x")),
				BatchOptions.builder().idempotencyKey(List.of("order", "1234")).build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"runCount": 1, "taskIdentifiers": ["t"], "idempotencyKey": "%s",
				 "idempotencyKeyOptions": {"key": "order-1234", "scope": "run"}}""".formatted(sha256("order-1234")));
		assertNdjson(this.api.takeRequest().getBody().utf8(),
				"{\"index\":0,\"task\":\"t\",\"payload\":\"x\",\"options\":{\"payloadType\":\"text/plain\","
						+ "\"payloadSize\":1,\"idempotencyKey\":\"" + sha256("order-1234-0") + "\"}}");
	}

	@Test
	void batchTriggerSendsTheItemsOfACachedBatchWithTheirIndexesAndKeepsItsToken() {
		this.api.respond(202, "{\"id\":\"batch_old\",\"runCount\":2,\"isCached\":true,\"idempotencyKey\":\"k\"}",
				"x-trigger-jwt: cached.jwt.token")
			.respond(200, "{\"id\":\"batch_old\",\"itemsAccepted\":1,\"itemsDeduplicated\":1,\"sealed\":true}");

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of("a"), BatchItem.of("b")),
				BatchOptions.builder().idempotencyKey("batch-1").build()))
			.expectNext(new BatchResult("batch_old", 2, true, "cached.jwt.token"))
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v3/batches");
		RecordedRequest stream = this.api.takeRequest();
		assertThat(stream.getRequestLine()).isEqualTo("POST /api/v3/batches/batch_old/items HTTP/1.1");
		assertNdjson(stream.getBody().utf8(), """
				{"index": 0, "task": "t", "payload": "a", "options": {"payloadType": "text/plain",
				 "payloadSize": 1, "idempotencyKey": "%s"}}""".formatted(sha256("batch-1-0")), """
				{"index": 1, "task": "t", "payload": "b", "options": {"payloadType": "text/plain",
				 "payloadSize": 1, "idempotencyKey": "%s"}}""".formatted(sha256("batch-1-1")));
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void batchTriggerOfACachedBatchThatIsSealedAlreadySucceedsOnTheServers422() {
		this.api.respond(202, "{\"id\":\"batch_old\",\"runCount\":1,\"isCached\":true}")
			.respond(422, "{\"error\":\"Batch batch_old is already sealed and cannot accept more items\"}");

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of("a")),
				BatchOptions.builder().idempotencyKey("batch-1").build()))
			.assertNext((result) -> {
				assertThat(result.batchId()).isEqualTo("batch_old");
				assertThat(result.isCached()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void batchTriggerSignalsAnyOther422OfTheItems() {
		this.api.respond(202, "{\"id\":\"batch_old\",\"runCount\":1,\"isCached\":true}")
			.respond(422, "{\"error\":\"Item index 1 exceeds batch runCount 1\"}");

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of("a"), BatchItem.of("b")),
				BatchOptions.builder().idempotencyKey("batch-1").build()))
			.expectErrorSatisfies((error) -> assertThat(error)
				.isInstanceOfSatisfying(TriggerUnprocessableEntityException.class, (refused) -> assertThat(
						refused.getError()).isEqualTo("Item index 1 exceeds batch runCount 1")))
			.verify(TIMEOUT);
	}

	@Test
	void batchTriggerResendsTheWholeStreamUntilTheBatchIsSealed() {
		this.api.respond(202, CREATED.formatted(3))
			.respond(200, UNSEALED)
			.respond(200, UNSEALED)
			.respond(200, SEALED.formatted(1));
		List<BatchItem> items = List.of(BatchItem.of("a"), BatchItem.of("b"), BatchItem.of("c"));

		StepVerifier.create(this.tasks.batchTrigger("t", items))
			.expectNext(new BatchResult("batch_1", 3, false, null))
			.expectComplete()
			.verify(TIMEOUT);

		this.api.takeRequest();
		List<String> bodies = new ArrayList<>();
		for (int send = 0; send < 3; send++) {
			RecordedRequest stream = this.api.takeRequest();
			assertThat(stream.getTarget()).isEqualTo("/api/v3/batches/batch_1/items");
			bodies.add(stream.getBody().utf8());
		}
		assertThat(bodies).containsOnly(bodies.get(0));
		assertThat(bodies.get(0).split("\n")).hasSize(3);
		assertThat(this.api.requestCount()).isEqualTo(4);
	}

	@Test
	void batchResendWaitsOnTheClientsSchedulerWithTheSdksJitteredBackoff() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TasksClient client = new TasksClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT), Clock.systemUTC(), time,
				FixedRandom.HIGHEST));
		this.api.respond(202, CREATED.formatted(1)).respond(200, UNSEALED).respond(200, SEALED.formatted(1));
		StepVerifier.withVirtualTime(() -> client.batchTrigger("t", List.of(BatchItem.of("a"))), () -> time,
				Long.MAX_VALUE)
			.expectSubscription()
			// task 1 is the check of both calls' response timeouts (the second call's deadline
			// is later, so it schedules no task), task 2 the wait before the resend
			.then(() -> await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() == 2))
			// SDK_SEAL_RETRY: 1000 ms plus a jitter below 100 %, here its highest value, 999 ms
			.expectNoEvent(Duration.ofMillis(1998))
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(2))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(new BatchResult("batch_1", 1, false, null))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(3);
	}

	@Test
	void batchTriggerSignalsBatchNotSealedWhenTheBatchNeverSeals() {
		this.api.respond(202, CREATED.formatted(3))
			.respond(200, UNSEALED)
			.respond(200, UNSEALED)
			.respond(200, UNSEALED);

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of("a"), BatchItem.of("b"), BatchItem.of("c"))))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(BatchNotSealedException.class)
					.hasMessage("Batch batch_1 was not sealed after sending its items 3 time(s): last attempt "
							+ "accepted 1 and deduplicated 1 item(s), 2 of 3 enqueued. Send the batch again with "
							+ "the same idempotency key to complete it.");
				BatchNotSealedException notSealed = (BatchNotSealedException) error;
				assertThat(notSealed.getBatchId()).isEqualTo("batch_1");
				assertThat(notSealed.getAttempts()).isEqualTo(3);
				assertThat(notSealed.getExpectedCount()).isEqualTo(3);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(4);
	}

	@Test
	void batchTriggerStreamsAFluxOfItemsThroughATemporaryFileThatIsDeletedAfterwards() throws IOException {
		Set<Path> before = spoolFiles();
		AtomicInteger spooledWhileStreaming = new AtomicInteger(-1);
		this.api.respond(202, CREATED.formatted(3), "x-trigger-jwt: flux.jwt.token").respond(200, SEALED.formatted(3));
		Flux<BatchItem> items = Flux.range(0, 3)
			.map((n) -> BatchItem.of(Map.of("n", n)))
			.doOnComplete(() -> spooledWhileStreaming.set(newSpoolFiles(before).size()));

		StepVerifier.create(this.tasks.batchTrigger("t", items, BatchOptions.builder().idempotencyKey("k").build()))
			.expectNext(new BatchResult("batch_1", 3, false, "flux.jwt.token"))
			.expectComplete()
			.verify(TIMEOUT);

		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"runCount": 3, "taskIdentifiers": ["t"], "idempotencyKey": "%s",
				 "idempotencyKeyOptions": {"key": "k", "scope": "run"}}""".formatted(sha256("k")));
		String[] expected = IntStream.range(0, 3)
			.mapToObj((n) -> "{\"index\":%d,\"task\":\"t\",\"payload\":%s,\"options\":{\"payloadType\":"
					.formatted(n, WireAssertions.quote("{\"json\":{\"n\":" + n + "}}"))
					+ "\"application/super+json\",\"payloadSize\":16,\"idempotencyKey\":\"" + sha256("k-" + n) + "\"}}")
			.toArray(String[]::new);
		assertNdjson(this.api.takeRequest().getBody().utf8(), expected);
		assertThat(spooledWhileStreaming).hasValue(1);
		assertThat(newSpoolFiles(before)).isEmpty();
	}

	@Test
	void batchTriggerOfAFluxStopsAtItem1001BeforeAnyRequest() {
		AtomicInteger emitted = new AtomicInteger();
		Flux<BatchItem> items = Flux.range(0, 5000).doOnNext((n) -> emitted.incrementAndGet()).map(BatchItem::of);

		assertRefused(this.tasks.batchTrigger("t", items), "items", "has more than 1000 items");
		assertThat(emitted).hasValue(1001);
	}

	@Test
	void batchTriggerOfAFluxRefusesAnEmptyFlux() {
		assertRefused(this.tasks.batchTrigger("t", Flux.empty()), "items", "must not be empty");
	}

	@Test
	void batchTriggerOfAFluxRefusesAnInvalidItemAndDeletesTheTemporaryFile() throws IOException {
		Set<Path> before = spoolFiles();
		Flux<BatchItem> items = Flux.just(BatchItem.of("ok"),
				BatchItem.of("bad", TriggerOptions.builder().idempotencyKeyTTL("forever").build()));

		assertRefused(this.tasks.batchTrigger("t", items), "items[1].options.idempotencyKeyTTL",
				"must be a number followed by s, m, h or d", "silently ignored", "30 days");
		assertThat(newSpoolFiles(before)).isEmpty();
	}

	@Test
	void batchTriggerRefusesAnEmptyList() {
		assertRefused(this.tasks.batchTrigger("t", List.of()), "items", "must not be empty");
	}

	@Test
	void batchTriggerRefusesMoreThan1000Items() {
		List<BatchItem> items = Stream.generate(() -> BatchItem.of("x")).limit(1001).toList();

		assertRefused(this.tasks.batchTrigger("t", items), "items", "has 1001 items, but a batch may have at most 1000");
	}

	@Test
	void batchTriggerAccepts1000Items() {
		this.api.respond(202, CREATED.formatted(1000)).respond(200, SEALED.formatted(1000));
		List<BatchItem> items = Stream.generate(() -> BatchItem.of("x")).limit(1000).toList();

		StepVerifier.create(this.tasks.batchTrigger("t", items))
			.expectNext(new BatchResult("batch_1", 1000, false, null))
			.expectComplete()
			.verify(TIMEOUT);
		this.api.takeRequest();
		assertThat(this.api.takeRequest().getBody().utf8().split("\n")).hasSize(1000);
	}

	@Test
	void batchTriggerRefusesABlankTaskId() {
		assertRefused(this.tasks.batchTrigger("", List.of(BatchItem.of("x"))), "taskId", "must not be blank");
	}

	@Test
	void batchTriggerRefusesAnItemOver3Mebibytes() {
		// a large payload is offloaded, so only large options can make the line too large
		List<BatchItem> items = List.of(BatchItem.of("x"),
				BatchItem.of("p", TriggerOptions.builder().metadata(Map.of("m", "x".repeat(3_145_728))).build()));

		assertRefused(this.tasks.batchTrigger("t", items), "items[1]",
				"over the per-item limit of 3145728 bytes (3 MiB)");
	}

	@Test
	void batchTriggerRefusesTooManyTagsOnAnItem() {
		List<BatchItem> items = List.of(BatchItem.of("x", TriggerOptions.builder()
			.tags(IntStream.range(0, 11).mapToObj(Integer::toString).toList())
			.build()));

		assertRefused(this.tasks.batchTrigger("t", items), "items[0].options.tags", "a run may have at most 10");
	}

	@Test
	void batchTriggerRefusesABadBatchKeyTtl() {
		BatchOptions options = BatchOptions.builder().idempotencyKeyTTL("1w").build();

		assertRefused(this.tasks.batchTrigger("t", List.of(BatchItem.of("x")), options),
				"batchOptions.idempotencyKeyTTL", "but was '1w'", "silently ignored", "30 days");
	}

	@Test
	void batchTriggerRefusesABatchKeyOver2048Characters() {
		BatchOptions options = BatchOptions.builder().idempotencyKey("k".repeat(2049)).build();

		assertRefused(this.tasks.batchTrigger("t", Flux.just(BatchItem.of("x")), options),
				"batchOptions.idempotencyKey", "must be at most 2048 characters");
	}

	@Test
	void batchTriggerWithOnlyAPersonalAccessTokenIsRefusedWithoutRequest() {
		TasksClient patOnly = new TasksClient(
				this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));

		StepVerifier.create(patOnly.batchTrigger("t", List.of(BatchItem.of("x"))))
			.expectError(UnsupportedCredentialException.class)
			.verify(TIMEOUT);
		StepVerifier.create(patOnly.batchTrigger("t", Flux.just(BatchItem.of("x"))))
			.expectError(UnsupportedCredentialException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void batchTriggerWritesPayloadsWithTheApplicationsJsonMapperOnOneLineEach() {
		this.api.respond(202, CREATED.formatted(2)).respond(200, SEALED.formatted(2));
		JsonMapper mapper = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build();
		TasksClient client = new TasksClient(this.api.http(MockTriggerApi.secretKey(), mapper,
				MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT)), SEAL_RETRY);
		List<BatchItem> items = List.of(BatchItem.of(new Order("o-1", 1)),
				BatchItem.of(null, TriggerOptions.builder().metadata(Map.of("customerId", "c-1")).build()));

		StepVerifier.create(client.batchTrigger("t", items)).expectNextCount(1).expectComplete().verify(TIMEOUT);

		this.api.takeRequest();
		String payload = "{\"json\":{\"order_id\":\"o-1\",\"line_count\":1}}";
		assertNdjson(this.api.takeRequest().getBody().utf8(),
				"{\"index\":0,\"task\":\"t\",\"payload\":" + WireAssertions.quote(payload)
						+ ",\"options\":{\"payloadType\":\"application/super+json\",\"payloadSize\":" + payload.length()
						+ "}}",
				"{\"index\":1,\"task\":\"t\",\"options\":{\"payloadType\":\"application/json\","
						+ "\"metadata\":{\"customerId\":\"c-1\"}}}");
	}

	@Test
	void batchTriggerWritesSuperjsonAnnotationsAndTheirBytesInEachItem() {
		this.api.respond(202, CREATED.formatted(1)).respond(200, SEALED.formatted(1));
		JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		TasksClient client = new TasksClient(this.api.http(MockTriggerApi.secretKey(), mapper,
				MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT)), SEAL_RETRY);
		Shipment shipment = new Shipment("Zürich", Instant.parse("2030-01-01T12:00:00.123456Z"), Set.of("fragile"));

		StepVerifier.create(client.batchTrigger("t", Flux.just(BatchItem.of(shipment))))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		this.api.takeRequest();
		String payload = "{\"json\":{\"city\":\"Zürich\",\"ships_at\":\"2030-01-01T12:00:00.123Z\","
				+ "\"labels\":[\"fragile\"]},\"meta\":{\"values\":{\"ships_at\":[\"Date\"],\"labels\":[\"set\"]}}}";
		assertNdjson(this.api.takeRequest().getBody().utf8(),
				"{\"index\":0,\"task\":\"t\",\"payload\":" + WireAssertions.quote(payload)
						+ ",\"options\":{\"payloadType\":\"application/super+json\",\"payloadSize\":"
						+ payload.getBytes(StandardCharsets.UTF_8).length + "}}");
	}

	@Test
	void batchResultToStringHidesTheToken() {
		assertThat(new BatchResult("batch_1", 2, false, "secret.jwt.value"))
			.hasToString("BatchResult[batchId=batch_1, runCount=2, isCached=false, publicAccessToken=<redacted>]");
	}

	private void assertRefused(Mono<?> call, String field, String... messageParts) {
		StepVerifier.create(call).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(TriggerValidationException.class);
			assertThat(((TriggerValidationException) error).getField()).isEqualTo(field);
			assertThat(error.getMessage()).startsWith("Invalid '" + field + "': ").contains(messageParts);
		}).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	private static void assertNdjson(String body, String... expectedLines) {
		assertThat(body).endsWith("\n");
		String[] lines = body.split("\n");
		assertThat(lines).hasSameSizeAs(expectedLines);
		for (int index = 0; index < lines.length; index++) {
			WireAssertions.assertJson(lines[index], expectedLines[index]);
		}
	}

	private static String sha256(String material) {
		return IdempotencyKeys.sha256Hex(material);
	}

	private static Set<Path> spoolFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((file) -> file.getFileName().toString().startsWith("trigger-batch-"))
				.collect(Collectors.toSet());
		}
	}

	private static List<Path> newSpoolFiles(Set<Path> before) {
		try {
			return spoolFiles().stream().filter((file) -> !before.contains(file)).toList();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	record Order(String orderId, int lineCount) {
	}

	record Shipment(String city, Instant shipsAt, Set<String> labels) {
	}

}
