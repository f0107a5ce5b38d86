package io.github.triggerspring.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Fault injection.
 *
 * @author trigger-spring-boot contributors
 */
class FaultsTests extends EmulatorTestSupport {

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
	void rateLimitedWithMillisecondReset() {
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.rateLimited(Duration.ofSeconds(2)));
		long before = System.currentTimeMillis();
		Response response = get("/api/v1/runs", DEV);
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.header("x-ratelimit-remaining")).isEqualTo("0");
		long reset = Long.parseLong(response.header("x-ratelimit-reset"));
		assertThat(reset).isBetween(before + 1_900, System.currentTimeMillis() + 2_100);
		assertThat(response.header("content-type")).isEqualTo("application/problem+json");
		assertThat(response.json().get("title").asString()).isEqualTo("Rate Limit Exceeded");
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	@Test
	void batchCreateRateLimitUsesSecondsAndRetryAfter() {
		emulator.faults().inject(EmulatorEndpoint.TASK_BATCH_TRIGGER, Fault.rateLimited(Duration.ofSeconds(3)));
		Response response = post("/api/v3/batches", DEV, "{\"runCount\":1}");
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.header("Retry-After")).isEqualTo("3");
		long reset = Long.parseLong(response.header("x-ratelimit-reset"));
		assertThat(reset).isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 5);
		assertThat(response.error()).contains("rate limit");
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
	void latencyDelaysTheResponse() {
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.latency(Duration.ofMillis(300)));
		long start = System.nanoTime();
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
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
		assertThat(emulator.runCount()).isZero();
		assertThat(post("/api/v1/tasks/a/trigger", DEV, "{}").status()).isEqualTo(200);
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

}
