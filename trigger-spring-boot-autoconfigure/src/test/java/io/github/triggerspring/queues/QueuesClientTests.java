package io.github.triggerspring.queues;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerEngineVersionException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.paging.OffsetPage;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static io.github.triggerspring.testing.MockTriggerApi.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueuesClient}.
 *
 * @author trigger-spring-boot contributors
 */
class QueuesClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String QUEUE_JSON = """
			{
			  "id": "queue_1234",
			  "name": "process-order",
			  "type": "task",
			  "running": 2,
			  "queued": 7,
			  "paused": false,
			  "concurrencyLimit": 5,
			  "concurrency": {
			    "current": 5,
			    "base": 10,
			    "override": 5,
			    "overriddenAt": "2025-07-17T06:00:00.000Z",
			    "overriddenBy": null
			  },
			  "releaseConcurrencyOnWaitpoint": true
			}""";

	private static final Queue QUEUE = new Queue("queue_1234", "process-order", QueueType.TASK, 2, 7, false, 5,
			new Queue.Concurrency(5, 10, 5, Instant.parse("2025-07-17T06:00:00Z"), null));

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private QueuesClient client() {
		return new QueuesClient(this.api.http(MockTriggerApi.secretKey()));
	}

	private static QueuesClient patOnlyClient(MockTriggerApi api) {
		return new QueuesClient(api.http(MockTriggerApi.pat(TriggerEnvironment.PROD)));
	}

	@Test
	void retrieveByIdSendsTypeIdAndMapsTheQueue() {
		this.api.respond(200, QUEUE_JSON);
		StepVerifier.create(client().retrieve(QueueRef.id("queue_1234")))
			.expectNext(QUEUE)
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "GET", "/api/v1/queues/queue_1234?type=id");
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void retrieveByTaskSendsTypeTask() {
		this.api.respond(200, QUEUE_JSON);
		StepVerifier.create(client().retrieve(QueueRef.task("process-order")))
			.expectNext(QUEUE)
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/queues/process-order?type=task");
	}

	@Test
	void customQueueNameWithASlashIsDoublyEncodedAsTheSdkDoes() {
		this.api.respond(200, QUEUE_JSON.replace("\"task\"", "\"custom\""));
		StepVerifier.create(client().retrieve(QueueRef.custom("shared/emails 1")))
			.assertNext((queue) -> assertThat(queue.type()).isEqualTo(QueueType.CUSTOM))
			.expectComplete()
			.verify(TIMEOUT);
		// encodeURIComponent("shared/emails 1".replace(/\//g, "%2F"))
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/queues/shared%252Femails%201?type=custom");
	}

	@Test
	void pausePostsTypeAndAction() {
		this.api.respond(200, QUEUE_JSON.replace("\"paused\": false", "\"paused\": true"));
		StepVerifier.create(client().pause(QueueRef.task("process-order")))
			.assertNext((queue) -> assertThat(queue.paused()).isTrue())
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/queues/process-order/pause");
		assertJsonBody(recorded, "{\"type\":\"task\",\"action\":\"pause\"}");
	}

	@Test
	void resumePostsToThePausePathWithActionResume() {
		this.api.respond(200, QUEUE_JSON);
		StepVerifier.create(client().resume(QueueRef.custom("a/b"))).expectNext(QUEUE).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/queues/a%252Fb/pause");
		assertJsonBody(recorded, "{\"type\":\"custom\",\"action\":\"resume\"}");
	}

	@Test
	void overrideConcurrencyLimitPostsTypeAndLimit() {
		this.api.respond(200, QUEUE_JSON);
		StepVerifier.create(client().overrideConcurrencyLimit(QueueRef.id("queue_1234"), 0))
			.expectNext(QUEUE)
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/queues/queue_1234/concurrency/override");
		assertJsonBody(recorded, "{\"type\":\"id\",\"concurrencyLimit\":0}");
	}

	@Test
	void resetConcurrencyLimitPostsOnlyTheType() {
		this.api.respond(200, QUEUE_JSON);
		StepVerifier.create(client().resetConcurrencyLimit(QueueRef.task("process-order")))
			.expectNext(QUEUE)
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "POST", "/api/v1/queues/process-order/concurrency/reset");
		assertJsonBody(recorded, "{\"type\":\"task\"}");
	}

	@Test
	void queueWithoutConcurrencyDetailsOrLimitIsRead() {
		this.api.respond(200, "{\"id\":\"queue_1\",\"name\":\"q\",\"type\":\"mystery\",\"running\":0,\"queued\":0,"
				+ "\"paused\":false,\"concurrencyLimit\":null}");
		StepVerifier.create(client().retrieve(QueueRef.id("queue_1")))
			.expectNext(new Queue("queue_1", "q", QueueType.UNKNOWN, 0, 0, false, null, null))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void engineVersionErrorIsSignalledAsATypedExceptionThatSaysWhatToDo() {
		this.api.respond(400, "{\"error\":\"engine-version\"}");
		StepVerifier.create(client().pause(QueueRef.task("process-order")))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(TriggerEngineVersionException.class)
					.isInstanceOf(TriggerBadRequestException.class)
					.hasMessageContaining("'queues.pause' works only in environments on Run Engine V2")
					.hasMessageContaining("Deploy the project's tasks with Trigger.dev v4");
				TriggerEngineVersionException engineVersion = (TriggerEngineVersionException) ex;
				assertThat(engineVersion.getStatus()).isEqualTo(400);
				assertThat(engineVersion.getError()).isEqualTo("engine-version");
				assertThat(engineVersion.getEndpoint()).isEqualTo("queues.pause");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isOne();
	}

	@Test
	void engineVersionErrorOfTheListIsTypedToo() {
		this.api.respond(400, "{\"error\":\"engine-version\"}");
		StepVerifier.create(client().list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TriggerEngineVersionException.class,
					(engineVersion) -> assertThat(engineVersion.getEndpoint()).isEqualTo("queues.list")))
			.verify(TIMEOUT);
	}

	@Test
	void otherBadRequestsStayPlainBadRequests() {
		this.api.respond(400, "{\"error\":\"Queue is not overridden\"}");
		StepVerifier.create(client().resetConcurrencyLimit(QueueRef.id("queue_1")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TriggerBadRequestException.class)
				.hasMessage("400 Queue is not overridden"))
			.verify(TIMEOUT);
	}

	@Test
	void listPageSendsPerPageAndPageAndMapsThePagination() {
		this.api.respond(200, page(2, 3, 25, "queue_a"));
		StepVerifier.create(client().listPage(2, 10))
			.assertNext((page) -> {
				assertThat(page.data()).extracting(Queue::id).containsExactly("queue_a");
				assertThat(page.pagination()).isEqualTo(new OffsetPage.Pagination(2, 3, 25));
				assertThat(page.hasNextPage()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.api.takeRequest();
		assertRequest(recorded, "GET", "/api/v1/queues?perPage=10&page=2");
		assertThat(recorded.getBodySize()).isZero();
	}

	@Test
	void listFollowsPageNumbersAsTheSdkDoes() {
		this.api.respond(200, page(1, 2, 3, "queue_1", "queue_2")).respond(200, page(2, 2, 3, "queue_3"));
		StepVerifier.create(client().list(2).map(Queue::id))
			.expectNext("queue_1", "queue_2", "queue_3")
			.expectComplete()
			.verify(TIMEOUT);
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/queues?perPage=2");
		assertRequest(this.api.takeRequest(), "GET", "/api/v1/queues?perPage=2&page=2");
	}

	@Test
	void listFetchesTheNextPageOnlyWhenDemandExceedsTheCurrentOne() {
		this.api.respond(200, page(1, 2, 3, "queue_1", "queue_2")).respond(200, page(2, 2, 3, "queue_3"));
		Flux<String> ids = client().list().map(Queue::id);
		StepVerifier.create(ids, 0)
			.expectSubscription()
			.then(() -> assertThat(this.api.requestCount()).isZero())
			.thenRequest(2)
			.expectNext("queue_1", "queue_2")
			.then(() -> assertThat(this.api.requestCount()).isOne())
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/queues");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void callWithOnlyAnAccessTokenIsRefusedWithoutARequest(String endpoint, Function<QueuesClient, Publisher<?>> call) {
		StepVerifier.create(call.apply(patOnlyClient(this.api)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedCredentialException.class)
				.hasMessageContaining("'" + endpoint + "'")
				.hasMessageContaining("secret key")
				.hasMessageNotContaining(MockTriggerApi.PAT))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	static Stream<Arguments> calls() {
		QueueRef queue = QueueRef.task("t");
		return Stream.of(Arguments.of("queues.list", (Function<QueuesClient, Publisher<?>>) QueuesClient::list),
				call("queues.list", (client) -> client.listPage(1, 10)),
				call("queues.retrieve", (client) -> client.retrieve(queue)),
				call("queues.pause", (client) -> client.pause(queue)),
				call("queues.resume", (client) -> client.resume(queue)),
				call("queues.overrideConcurrencyLimit", (client) -> client.overrideConcurrencyLimit(queue, 2)),
				call("queues.resetConcurrencyLimit", (client) -> client.resetConcurrencyLimit(queue)));
	}

	private static Arguments call(String endpoint, Function<QueuesClient, Publisher<?>> call) {
		return Arguments.of(endpoint, call);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCalls")
	void invalidCallIsRefusedNamingTheFieldWithoutARequest(String description,
			Function<QueuesClient, Publisher<?>> call, String field, String rule) {
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
				Arguments.of("retrieve a blank name", (Function<QueuesClient, Publisher<?>>) (client) -> client
					.retrieve(QueueRef.task(" ")), "queue.name", "must not be blank"),
				Arguments.of("pause without a queue",
						(Function<QueuesClient, Publisher<?>>) (client) -> client.pause(nullRef()), "queue",
						"QueueRef.id(...)"),
				Arguments.of("override below 0", (Function<QueuesClient, Publisher<?>>) (client) -> client
					.overrideConcurrencyLimit(QueueRef.id("queue_1"), -1), "concurrencyLimit",
						"must be between 0 and 100000, but was -1"),
				Arguments.of("override above the maximum", (Function<QueuesClient, Publisher<?>>) (client) -> client
					.overrideConcurrencyLimit(QueueRef.id("queue_1"), 100_001), "concurrencyLimit",
						"must be between 0 and 100000, but was 100001"),
				Arguments.of("listPage with perPage 101",
						(Function<QueuesClient, Publisher<?>>) (client) -> client.listPage(1, 101), "perPage",
						"must be between 1 and 100"),
				Arguments.of("listPage with page 0",
						(Function<QueuesClient, Publisher<?>>) (client) -> client.listPage(0, 10), "page",
						"must be 1 or more"));
	}

	@SuppressWarnings("NullAway")
	private static QueueRef nullRef() {
		return null;
	}

	private static String page(int currentPage, int totalPages, int count, String... ids) {
		StringBuilder data = new StringBuilder();
		for (String id : ids) {
			data.append((data.length() > 0) ? "," : "").append(QUEUE_JSON.replace("queue_1234", id));
		}
		return "{\"data\":[" + data + "],\"pagination\":{\"currentPage\":" + currentPage + ",\"totalPages\":"
				+ totalPages + ",\"count\":" + count + "}}";
	}

	private static void assertRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
		assertThat(request.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("x-trigger-request-idempotency-key")).isNotBlank();
		assertThat(request.getHeaders().get("x-trigger-branch")).isNull();
	}

	private static void assertJsonBody(RecordedRequest request, String expectedJson) {
		assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(JSON.readTree(expectedJson));
	}

}
