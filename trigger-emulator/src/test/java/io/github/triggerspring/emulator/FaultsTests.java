package io.github.triggerspring.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Fault injection.
 *
 * @author trigger-spring-boot contributors
 */
class FaultsTests extends EmulatorTestSupport {

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.250Z");

	@Test
	void failNextCallsWithStatusBodyAndHeaders() {
		emulator.faults()
			.inject(EmulatorEndpoint.TASK_TRIGGER,
					Fault.status(503).header("x-should-retry", "false").body("{\"error\":\"down\"}").times(2));
		Response first = post("/api/v1/tasks/a/trigger", DEV, "{}");
		assertThat(first.status()).isEqualTo(503);
		assertThat(first.body()).isEqualTo("{\"error\":\"down\"}");
		assertThat(first.header("x-should-retry")).isEqualTo("false");
		assertThat(first.header("x-ratelimit-limit")).isNotNull();
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(503);
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(200);
		assertThat(emulator.runCount()).isEqualTo(1);
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	@Test
	void defaultFaultBodyAndAlways() {
		emulator.faults().inject("runs.list", Fault.status(500).always());
		for (int i = 0; i < 3; i++) {
			Response response = get("/api/v1/runs", DEV);
			assertThat(response.status()).isEqualTo(500);
			assertThat(response.body()).isEqualTo("{\"error\":\"Internal Server Error\"}");
		}
		emulator.faults().clear();
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	@Test
	void rateLimitedWithMillisecondResetOnTheEmulatorClock() {
		emulator.clock().setInstant(NOW);
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.rateLimited(Duration.ofSeconds(2)));
		Response response = get("/api/v1/runs", DEV);
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.header("x-ratelimit-limit")).isEqualTo("1500");
		assertThat(response.header("x-ratelimit-remaining")).isEqualTo("0");
		assertThat(response.header("x-ratelimit-reset")).isEqualTo("1740823202250");
		assertThat(response.header("content-type")).isEqualTo("application/problem+json");
		assertThat(response.body()).isEqualTo("{\"title\":\"Rate Limit Exceeded\",\"status\":429,"
				+ "\"type\":\"https://trigger.dev/docs/limits#rate-limits\","
				+ "\"detail\":\"Rate limit exceeded 0/1500 requests remaining. Retry in 2 seconds.\","
				+ "\"reset\":1740823202250,\"limit\":1500,\"remaining\":0,\"secondsUntilReset\":2,"
				+ "\"error\":\"Rate limit exceeded 0/1500 requests remaining. Retry in 2 seconds.\"}");
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	@Test
	void rateLimitResetFollowsTheEmulatorClockAndTheFaultWearsOffByCount() {
		emulator.clock().setInstant(NOW);
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.rateLimited(Duration.ofMillis(500)).times(2));
		assertThat(get("/api/v1/runs", DEV).header("x-ratelimit-reset"))
			.isEqualTo(String.valueOf(NOW.plusMillis(500).toEpochMilli()));
		emulator.clock().advance(Duration.ofHours(1));
		Response second = get("/api/v1/runs", DEV);
		assertThat(second.status()).isEqualTo(429);
		assertThat(second.header("x-ratelimit-reset"))
			.isEqualTo(String.valueOf(NOW.plus(Duration.ofHours(1)).plusMillis(500).toEpochMilli()));
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	@Test
	void batchCreateRateLimitUsesSecondsAndRetryAfter() {
		emulator.clock().setInstant(NOW);
		emulator.faults().inject(EmulatorEndpoint.TASK_BATCH_TRIGGER, Fault.rateLimited(Duration.ofSeconds(3)));
		Response response = post("/api/v3/batches", DEV, "{\"runCount\":1}");
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.header("Retry-After")).isEqualTo("3");
		// 10:00:03.250 rounded up to whole seconds
		assertThat(response.header("x-ratelimit-reset"))
			.isEqualTo(String.valueOf(Instant.parse("2025-03-01T10:00:04Z").getEpochSecond()));
		assertThat(response.body())
			.isEqualTo("{\"error\":\"Batch rate limit exceeded. Please try again in 3 seconds.\"}");
	}

	@Test
	void batchItemsOnlyFault() {
		emulator.faults().inject(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS, Fault.status(500));
		String batchId = post("/api/v3/batches", DEV, "{\"runCount\":1}").json().get("id").asString();
		String items = "/api/v3/batches/" + batchId + "/items";
		assertThat(call("POST", items, DEV, "application/x-ndjson", "{\"index\":0,\"task\":\"a\"}").status())
			.isEqualTo(500);
		assertThat(call("POST", items, DEV, "application/x-ndjson", "{\"index\":0,\"task\":\"a\"}").status())
			.isEqualTo(200);
	}

	@Test
	void latencyWaitsBeforeTheCallIsHandled() {
		List<String> waits = new CopyOnWriteArrayList<>();
		AtomicReference<TriggerEmulator> slow = new AtomicReference<>();
		try (TriggerEmulator started = TriggerEmulator.builder()
			.sleeper((duration) -> waits.add(duration + " with " + slow.get().runCount() + " runs"))
			.build()
			.start()) {
			slow.set(started);
			started.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.latency(Duration.ofMillis(300)));
			HttpRequest request = HttpRequest.newBuilder(URI.create(started.baseUrl() + "/api/v1/tasks/a/trigger"))
				.timeout(TIMEOUT)
				.header("Authorization", "Bearer " + DEV)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build();
			assertThat(send(request).statusCode()).isEqualTo(200);
			assertThat(send(request).statusCode()).isEqualTo(200);
			assertThat(waits).containsExactly("PT0.3S with 0 runs");
			assertThat(started.runCount()).isEqualTo(2);
		}
	}

	@Test
	void dropConnectionClosesTheSocketWithoutResponse() {
		emulator.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.dropConnection());
		HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/v1/tasks/a/trigger"))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + DEV)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(emulator.journal().last().responseStatus()).isZero();
		assertThat(emulator.journal().last().clientClosed()).isFalse();
		assertThat(emulator.journal().last().handlingTime()).as("no handler ran").isZero();
		assertThat(emulator.runCount()).isZero();
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(200);
		assertThat(emulator.journal().last().handlingTime()).isPositive();
	}

	@Test
	void dropConnectionAfterHandlingCreatesTheRunThenClosesTheSocket() {
		emulator.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.dropConnectionAfterHandling());
		String body = "{\"payload\":1,\"options\":{\"idempotencyKey\":\"k\"}}";
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> http.send(triggerRequest(body), HttpResponse.BodyHandlers.ofString()));
		assertThat(emulator.journal().last().responseStatus()).isZero();
		assertThat(emulator.runCount()).isOne();
		Response retry = post("/api/v1/tasks/a/trigger", DEV, body);
		assertThat(retry.json().get("isCached").asBoolean()).isTrue();
		assertThat(emulator.runCount()).isOne();
	}

	@Test
	void truncatedBodySendsTheHeadersAndHalfTheBodyAfterHandling() {
		emulator.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.truncatedBody());
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> http.send(triggerRequest("{}"), HttpResponse.BodyHandlers.ofString()));
		assertThat(emulator.journal().last().responseStatus()).isEqualTo(200);
		assertThat(emulator.runCount()).isOne();
		assertThat(emulator.faults().injected()).containsExactly(entry(Fault.Kind.TRUNCATED_BODY, 1));
	}

	@Test
	void randomFaultsDependOnTheSeedAndTheCallNotOnTheOrderOfCalls() {
		RandomFaults random = RandomFaults.seeded(7).probability(0.5);
		List<Integer> first = statuses(random, List.of("a", "b", "c", "d", "e", "f", "g", "h"));
		List<Integer> again = statuses(random, List.of("a", "b", "c", "d", "e", "f", "g", "h"));
		List<Integer> reversed = statuses(random, List.of("h", "g", "f", "e", "d", "c", "b", "a"));
		assertThat(again).isEqualTo(first);
		java.util.Collections.reverse(reversed);
		assertThat(reversed).isEqualTo(first);
		assertThat(first).contains(200).anyMatch((status) -> status != 200);
		assertThat(statuses(RandomFaults.seeded(8).probability(0.5), List.of("a", "b", "c", "d", "e", "f", "g", "h")))
			.isNotEqualTo(first);
	}

	@Test
	void randomFaultsDrawAgainForEachRepeatOfACallAndOnlyOnTheirEndpoints() {
		emulator.faults()
			.injectRandom(RandomFaults.seeded(1)
				.probability(1)
				.faults(Fault.status(503))
				.endpoints(EmulatorEndpoint.TASK_TRIGGER));
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(503);
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(503);
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
		emulator.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.status(409));
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(409);
		assertThat(emulator.faults().injected()).containsOnly(entry(Fault.Kind.STATUS, 3));
		emulator.faults().clear();
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(200);
		assertThat(emulator.faults().injected()).isEmpty();
		assertThat(RandomFaults.seeded(42)).hasToString("RandomFaults[seed=42, probability=0.2, faults=[Fault[STATUS 500, "
				+ "times=1], Fault[STATUS 502, times=1], Fault[STATUS 503, times=1], Fault[RATE_LIMITED 429, times=1], "
				+ "Fault[DROP_CONNECTION, times=1], Fault[DROP_CONNECTION_AFTER_HANDLING, times=1], "
				+ "Fault[TRUNCATED_BODY, times=1]]]");
		assertThatIllegalArgumentException().isThrownBy(() -> RandomFaults.seeded(1).probability(1.5));
	}

	/** Status of a trigger of each task, with the random faults armed afresh. */
	private static List<Integer> statuses(RandomFaults random, List<String> tasks) {
		emulator.faults().clear();
		emulator.faults().injectRandom(random.faults(Fault.status(500), Fault.status(503), Fault.status(429)));
		List<Integer> statuses = new java.util.ArrayList<>();
		for (String task : tasks) {
			statuses.add(post("/api/v1/tasks/" + task + "/trigger", DEV, "{\"payload\":\"" + task + "\"}").status());
		}
		return statuses;
	}

	private static HttpRequest triggerRequest(String body) {
		return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/v1/tasks/a/trigger"))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + DEV)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	@Test
	void idempotencyKeyResetFaultIsInjectedBeforeTheKeyIsReset() {
		String runId = trigger("a", "{\"payload\":1,\"options\":{\"idempotencyKey\":\"k\"}}");
		emulator.faults().inject("idempotencyKeys.reset", Fault.status(500));
		assertThat(post("/api/v1/idempotencyKeys/k/reset", DEV, "{\"taskIdentifier\":\"a\"}").status())
			.isEqualTo(500);
		assertThat(trigger("a", "{\"payload\":1,\"options\":{\"idempotencyKey\":\"k\"}}")).isEqualTo(runId);
		assertThat(post("/api/v1/idempotencyKeys/k/reset", DEV, "{\"taskIdentifier\":\"a\"}").status())
			.isEqualTo(200);
	}

	@Test
	void objectStoreFaultFailsTheUploadAndLeavesThePacketEmpty() {
		Response packet = put("/api/v2/packets/p.txt", DEV, null);
		String path = packet.json().get("presignedUrl").asString().substring(emulator.baseUrl().length());
		emulator.faults().inject(EmulatorEndpoint.PACKETS_OBJECT_STORE, Fault.status(503));
		assertThat(call("PUT", path, null, "text/plain", "hello").status()).isEqualTo(503);
		assertThat(call("PUT", path, null, "text/plain", "hello").status()).isEqualTo(200);
		String storagePath = packet.json().get("storagePath").asString();
		String runId = trigger("a", "{\"payload\":\"" + storagePath
				+ "\",\"options\":{\"payloadType\":\"application/store\"}}");
		assertThat(get("/api/v3/runs/" + runId, DEV).json().get("payload").asString()).isEqualTo("hello");
	}

	@Test
	void wildcardAndUnknownEndpointIds() {
		emulator.faults().inject(Faults.ALL_ENDPOINTS, Fault.status(502));
		assertThat(get("/api/v1/timezones", null).status()).isEqualTo(502);
		assertThatIllegalArgumentException().isThrownBy(() -> emulator.faults().inject("nope", Fault.status(500)));
	}

	@Test
	void resetClearsFaults() {
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(500).always());
		emulator.reset();
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
