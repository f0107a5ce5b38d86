package io.github.triggerspring.internal.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerAuthenticationException;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.realtime.SubscribeOptions;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wire-level tests of the realtime subscriptions against a recording server: the exact
 * requests of the initial sync, of live polls, of a reconnect and of a refetch, and how
 * the answers become run states.
 *
 * @author trigger-spring-boot contributors
 */
class RealtimeSubscriptionsWireTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String SCHEMA = "{\"id\":{\"type\":\"text\",\"pk_index\":0},\"status\":{\"type\":\"TaskRunStatus\"}}";

	private final MockTriggerApi api = new MockTriggerApi();

	private final RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey()));

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	/** A change message with an Electric-style row (every value a Postgres text string). */
	private static String insert(String internalId, String runId, String status, String extra) {
		return "{\"key\":\"\\\"public\\\".\\\"TaskRun\\\"/\\\"" + internalId + "\\\"\",\"value\":{\"id\":\""
				+ internalId + "\",\"friendlyId\":\"" + runId + "\",\"taskIdentifier\":\"my-task\",\"status\":\"" + status
				+ "\",\"createdAt\":\"2026-01-01 10:00:00.12\",\"updatedAt\":\"2026-01-01 10:00:01\"" + extra
				+ "},\"headers\":{\"operation\":\"insert\",\"relation\":[\"public\",\"TaskRun\"]}}";
	}

	private static String update(String internalId, String values) {
		return "{\"key\":\"\\\"public\\\".\\\"TaskRun\\\"/\\\"" + internalId + "\\\"\",\"value\":{\"id\":\"" + internalId
				+ "\"," + values + "},\"headers\":{\"operation\":\"update\"}}";
	}

	private static final String UP_TO_DATE = "{\"headers\":{\"control\":\"up-to-date\",\"global_last_seen_lsn\":\"7\"}}";

	private void sync(String handle, String offset, String... messages) {
		this.api.respond(200, "[" + String.join(",", messages) + "]", "electric-handle: " + handle,
				"electric-offset: " + offset, "electric-schema: " + SCHEMA);
	}

	private void live(String handle, String offset, String cursor, String... messages) {
		this.api.respond(200, "[" + String.join(",", messages) + "]", "electric-handle: " + handle,
				"electric-offset: " + offset, "electric-cursor: " + cursor, "electric-up-to-date: ");
	}

	@Test
	void firstSyncAndLivePollsSendTheProtocolParametersAndOnlyTheRealtimeHeaders() {
		sync("h1", "1_0", insert("cm1", "run_1", "EXECUTING",
				",\"runTags\":\"{a,\\\"b c\\\"}\",\"isTest\":\"f\",\"number\":\"3\",\"payloadType\":\"application/json\",\"payload\":\"{\\\"orderId\\\":7}\""),
				UP_TO_DATE);
		live("h1", "2_0", "102", update("cm1",
				"\"status\":\"COMPLETED_SUCCESSFULLY\",\"completedAt\":\"2026-01-01 10:00:05.5\",\"outputType\":\"application/super+json\",\"output\":\"{\\\"json\\\":{\\\"ok\\\":true}}\""),
				UP_TO_DATE);
		StepVerifier.create(this.runs.subscribe("run_1", SubscribeOptions.defaults().skipColumns("metadata", "error")))
			.assertNext((run) -> {
				assertThat(run.id()).isEqualTo("run_1");
				assertThat(run.status()).isEqualTo(RunStatus.EXECUTING);
				assertThat(run.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.120Z"));
				assertThat(run.tags()).containsExactly("a", "b c");
				assertThat(run.number()).isEqualTo(3);
				assertThat(run.isTest()).isFalse();
				assertThat(run.payload().get("orderId").intValue()).isEqualTo(7);
				assertThat(run.isFinished()).isFalse();
			})
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
				assertThat(run.finishedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:05.500Z"));
				assertThat(run.output().get("ok").booleanValue()).isTrue();
				assertThat(run.payload().get("orderId").intValue()).isEqualTo(7);
			})
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest first = this.api.takeRequest();
		assertThat(first.getMethod()).isEqualTo("GET");
		assertThat(first.getTarget())
			.isEqualTo("/realtime/v1/runs/run_1?log=full&offset=-1&skipColumns=metadata%2Cerror");
		assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(first.getHeaders().get("x-trigger-electric-version")).isEqualTo("1.0.0-beta.1");
		assertThat(first.getHeaders().get("x-trigger-api-version")).isEqualTo("2025-07-16");
		assertThat(first.getHeaders().names()).doesNotContain("content-type", "x-trigger-request-idempotency-key",
				"x-trigger-realtime-streams-version", "x-trigger-source", "x-trigger-branch");
		RecordedRequest live = this.api.takeRequest();
		assertThat(live.getTarget()).isEqualTo(
				"/realtime/v1/runs/run_1?cursor=&handle=h1&live=true&log=full&offset=1_0&skipColumns=metadata%2Cerror");
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void aDroppedConnectionIsRetriedOnTheSameUrlSoTheSubscriptionResumesFromTheLastOffset() {
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey()));
		sync("h1", "1_0", insert("cm1", "run_1", "EXECUTING", ""), UP_TO_DATE);
		live("h1", "2_0", "102", UP_TO_DATE);
		this.api.respond(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
		live("h1", "3_0", "103", update("cm1", "\"status\":\"CANCELED\",\"completedAt\":\"2026-01-01 10:00:09\""),
				UP_TO_DATE);
		StepVerifier
			.create(runs.subscribe("run_1", SubscribeOptions.defaults(),
					RequestOptions.none().withRetry(MockTriggerApi.FAST_RETRY)))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.EXECUTING))
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
				assertThat(run.isFinished()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		this.api.takeRequest();
		this.api.takeRequest();
		RecordedRequest dropped = this.api.takeRequest();
		RecordedRequest resumed = this.api.takeRequest();
		assertThat(dropped.getTarget())
			.isEqualTo("/realtime/v1/runs/run_1?cursor=102&handle=h1&live=true&log=full&offset=2_0");
		assertThat(resumed.getTarget()).isEqualTo(dropped.getTarget());
	}

	@Test
	void theDefaultReconnectionPolicyIsTheElectricClientsRetryingForever() {
		assertThat(RealtimeSubscriptions.RECONNECT.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
		assertThat(RealtimeSubscriptions.RECONNECT.backoff(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(RealtimeSubscriptions.RECONNECT.backoff(2)).isEqualTo(Duration.ofMillis(130));
		assertThat(RealtimeSubscriptions.RECONNECT.backoff(30)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void mustRefetchRestartsFromScratchWithoutDeliveringDuplicates() {
		sync("h1", "1_0", insert("cm1", "run_1", "EXECUTING", ""), UP_TO_DATE);
		this.api.respond(409, "[{\"headers\":{\"control\":\"must-refetch\"}}]", "electric-handle: h2");
		sync("h2", "5_0", insert("cm1", "run_1", "EXECUTING", ""), UP_TO_DATE);
		live("h2", "6_0", "200",
				update("cm1", "\"status\":\"COMPLETED_WITH_ERRORS\",\"completedAt\":\"2026-01-01 10:00:09\","
						+ "\"error\":{\"type\":\"BUILT_IN_ERROR\",\"name\":\"Error\",\"message\":\"boom\"}"),
				UP_TO_DATE);
		StepVerifier.create(this.runs.subscribe("run_1"))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.EXECUTING))
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.FAILED);
				assertThat(run.error().get("message").stringValue()).isEqualTo("boom");
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/realtime/v1/runs/run_1?log=full&offset=-1");
		assertThat(this.api.takeRequest().getTarget())
			.isEqualTo("/realtime/v1/runs/run_1?cursor=&handle=h1&live=true&log=full&offset=1_0");
		assertThat(this.api.takeRequest().getTarget())
			.isEqualTo("/realtime/v1/runs/run_1?expired_handle=h1&handle=h2&log=full&offset=-1");
		assertThat(this.api.takeRequest().getTarget())
			.isEqualTo("/realtime/v1/runs/run_1?cursor=&expired_handle=h1&handle=h2&live=true&log=full&offset=5_0");
	}

	@Test
	void unauthorizedEndsTheSubscriptionWithATypedErrorAtOnce() {
		this.api.respond(401, "{\"error\":\"Invalid or Missing API key\"}");
		StepVerifier.create(this.runs.subscribe("run_1"))
			.expectError(TriggerAuthenticationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void unknownBatchIsATypedError() {
		BatchesClient batches = new BatchesClient(this.api.http(MockTriggerApi.secretKey()));
		this.api.respond(404, "{\"error\":\"Batch not found\"}");
		StepVerifier.create(batches.subscribe("batch_1")).expectError(TriggerNotFoundException.class).verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/realtime/v1/batches/batch_1?log=full&offset=-1");
	}

	@Test
	void personalAccessTokenIsRefusedBeforeTheWire() {
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));
		BatchesClient batches = new BatchesClient(this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));
		StepVerifier.create(runs.subscribe("run_1")).expectError(UnsupportedCredentialException.class).verify(TIMEOUT);
		StepVerifier.create(runs.subscribeToTag("user_1", Duration.ofHours(2)))
			.expectError(UnsupportedCredentialException.class)
			.verify(TIMEOUT);
		StepVerifier.create(batches.subscribe("batch_1"))
			.expectError(UnsupportedCredentialException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void badInputIsSignalledBeforeAnythingIsSent() {
		StepVerifier.create(this.runs.subscribeToTag("a,b", Duration.ofHours(1)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerValidationException.class)
				.hasMessageContaining("tag"))
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.subscribeToTag("a", Duration.ofMillis(1500)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerValidationException.class)
				.hasMessageContaining("createdAfter"))
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.subscribe("run_1", SubscribeOptions.defaults().skipColumns(" ")))
			.expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.subscribe(" ")).expectError(TriggerValidationException.class).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void aSlowSubscriberReceivesTheLatestStatePerRunAndNothingIsBufferedBeyondIt() {
		sync("t1", "1_0", insert("cm1", "run_1", "PENDING", ",\"runTags\":\"{user_1}\""),
				insert("cm2", "run_2", "PENDING", ",\"runTags\":\"{user_1}\""), UP_TO_DATE);
		live("t1", "2_0", "1", update("cm1", "\"status\":\"EXECUTING\""), UP_TO_DATE);
		live("t1", "3_0", "2", update("cm1", "\"status\":\"EXECUTING\",\"metadata\":\"{}\""), UP_TO_DATE);
		live("t1", "4_0", "3", update("cm2", "\"status\":\"EXECUTING\""),
				update("cm1", "\"status\":\"COMPLETED_SUCCESSFULLY\",\"completedAt\":\"2026-01-01 10:00:09\""),
				UP_TO_DATE);
		StepVerifier.create(this.runs.subscribeToTag("user_1", Duration.ofHours(2)), 0)
			.expectSubscription()
			.then(() -> await().atMost(TIMEOUT).until(() -> this.api.requestCount() == 5))
			.thenRequest(10)
			.assertNext((run) -> {
				assertThat(run.id()).isEqualTo("run_1");
				assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			})
			.assertNext((run) -> {
				assertThat(run.id()).isEqualTo("run_2");
				assertThat(run.status()).isEqualTo(RunStatus.EXECUTING);
				assertThat(run.tags()).containsExactly("user_1");
			})
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget())
			.isEqualTo("/realtime/v1/runs?createdAt=7200s&log=full&offset=-1&tags=user_1");
	}

	@Test
	void cancellingTheSubscriptionClosesTheLongPollsConnectionAtOnce() throws InterruptedException {
		CountDownLatch livePollArrived = new CountDownLatch(1);
		CountDownLatch connectionClosed = new CountDownLatch(1);
		String snapshot = "[" + insert("cm1", "run_1", "EXECUTING", "") + "," + UP_TO_DATE + "]";
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			if (!request.uri().contains("live=true")) {
				return response.header("electric-handle", "h1")
					.header("electric-offset", "1_0")
					.sendString(Mono.just(snapshot));
			}
			request.withConnection((connection) -> connection.onDispose(connectionClosed::countDown));
			livePollArrived.countDown();
			return Mono.never();
		}).bindNow();
		try {
			RunsClient runs = new RunsClient(httpAt(server));
			Disposable subscription = runs.subscribe("run_1").subscribe();
			assertThat(livePollArrived.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(connectionClosed.getCount()).isOne();
			subscription.dispose();
			assertThat(connectionClosed.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			server.disposeNow();
		}
	}

	@Test
	void aSubscriberThatCancelsOnTheFirstStateSendsNoLivePollEvenWhenTheAnswerArrivesDuringSubscribe() {
		// the connector answers the snapshot on the subscribing thread, before the poll
		// loop's subscribe returns: the subscriber's cancel must still stop the loop
		List<String> targets = new CopyOnWriteArrayList<>();
		String snapshot = "[" + insert("cm1", "run_1", "EXECUTING", "") + "," + UP_TO_DATE + "]";
		ExchangeFunction synchronous = (request) -> {
			targets.add(request.url().getRawQuery());
			if (request.url().getRawQuery().contains("live=true")) {
				return Mono.never();
			}
			return Mono.just(ClientResponse.create(HttpStatus.OK)
				.header("electric-handle", "h1")
				.header("electric-offset", "1_0")
				.body(snapshot)
				.build());
		};
		RunsClient runs = new RunsClient(TriggerHttpClient
			.builder(WebClient.builder().baseUrl("http://127.0.0.1:1").exchangeFunction(synchronous).build(),
					new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey()), JsonMapper.builder().build())
			.settings(MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, Duration.ofSeconds(10)))
			.build());

		StepVerifier.create(runs.subscribe("run_1").next())
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.EXECUTING))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(targets).containsExactly("log=full&offset=-1");
	}

	/** The HTTP layer against another server, with the mock API's credentials and settings. */
	private static TriggerHttpClient httpAt(DisposableServer server) {
		return TriggerHttpClient
			.builder(WebClient.builder().baseUrl("http://127.0.0.1:" + server.port()).build(),
					new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey()), JsonMapper.builder().build())
			.settings(MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, Duration.ofSeconds(10)))
			.build();
	}

}
