package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets the answer the API gives it, a 4xx or being ignored, never a 500 from
 * the emulator failing on it: numbers too large for a date or an index, and JSON
 * containers where a scalar is expected.
 *
 * @author trigger-spring-boot contributors
 */
class BadInputTests extends EmulatorTestSupport {

	private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

	private static final String TOO_LONG = "999999999999w";

	private static final String OVERFLOWING = "99999999999999999999d";

	@Test
	void durationsLongerThanADateCanHoldAreNotDurations() {
		assertThat(EmulatorState.naturalDuration("1w2d3h4m5s")).isEqualTo(Duration.parse("P9DT3H4M5S"));
		assertThat(EmulatorState.naturalDuration("14285714w")).isEqualTo(Duration.ofDays(99_999_998));
		assertThat(EmulatorState.naturalDuration(TOO_LONG)).isNull();
		assertThat(EmulatorState.naturalDuration(OVERFLOWING)).isNull();
		assertThat(EmulatorState.idempotencyTtl("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(EmulatorState.idempotencyTtl(OVERFLOWING)).isEqualTo(EmulatorState.MAX_DURATION);
		assertThat(EmulatorState.seconds(JsonNodeFactory.instance.numberNode(60))).isEqualTo(Duration.ofMinutes(1));
		assertThat(EmulatorState.seconds(JsonNodeFactory.instance.numberNode(1e300))).isNull();
	}

	@Test
	void triggerIgnoresADelayOrTtlTooLongAndKeepsAnIdempotencyKeyAsLongAsItCan() {
		emulator.clock().setInstant(T0);
		for (String options : new String[] { "{\"delay\":\"" + TOO_LONG + "\"}", "{\"ttl\":\"" + OVERFLOWING + "\"}",
				"{\"ttl\":1e300}", "{\"idempotencyKey\":\"k\",\"idempotencyKeyTTL\":\"" + OVERFLOWING + "\"}" }) {
			Response response = post("/api/v1/tasks/t/trigger", DEV, "{\"payload\":1,\"options\":" + options + "}");
			assertThat(response.status()).as(options).isEqualTo(200);
		}
		Response header = post("/api/v1/tasks/t/trigger", DEV, "{\"payload\":1}", "idempotency-key", "h",
				"idempotency-key-ttl", OVERFLOWING);
		assertThat(header.status()).isEqualTo(200);
		assertThat(get("/api/v1/runs", DEV).status()).isEqualTo(200);
	}

	@Test
	void aMachineThatIsNotAStringIsAnInvalidPreset() {
		Response response = post("/api/v1/tasks/t/trigger", DEV, "{\"payload\":1,\"options\":{\"machine\":{}}}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error()).startsWith("Invalid machine preset '{}'");
	}

	@Test
	void replayAndRescheduleRefuseADelayThatIsNotOne() {
		String run = trigger("t");
		emulator.taskBehavior("slow", TaskBehavior.staysQueued());
		String delayed = trigger("slow", "{\"payload\":1,\"options\":{\"delay\":\"1h\"}}");
		for (String delay : new String[] { "{}", "[1]", "\"" + TOO_LONG + "\"", "\"" + OVERFLOWING + "\"" }) {
			Response replay = post("/api/v1/runs/" + run + "/replay", DEV, "{\"delay\":" + delay + "}");
			assertThat(replay.status()).as(delay).isEqualTo(400);
			assertThat(replay.error()).startsWith("Invalid delay: ");
			Response reschedule = post("/api/v1/runs/" + delayed + "/reschedule", DEV, "{\"delay\":" + delay + "}");
			assertThat(reschedule.status()).as(delay).isEqualTo(400);
			assertThat(reschedule.error()).startsWith("Invalid delay: ");
		}
		assertThat(post("/api/v1/runs/" + run + "/replay", DEV, "{\"ttl\":1e300}").status()).isEqualTo(200);
	}

	@Test
	void aWaitpointTimeoutTooLongIsNoTimeout() {
		Response response = post("/api/v1/waitpoints/tokens", DEV, "{\"timeout\":\"" + TOO_LONG + "\"}");
		assertThat(response.status()).isEqualTo(200);
		String id = response.json().get("id").asString();
		assertThat(get("/api/v1/waitpoints/tokens/" + id, DEV).json().has("timeoutAt")).isFalse();
	}

	@Test
	void aPeriodTooLongIsRefusedOrIgnoredAsForAnyBadPeriod() {
		String period = "filter%5BcreatedAt%5D%5Bperiod%5D=" + TOO_LONG;
		assertThat(get("/api/v1/runs?" + period, DEV).status()).isEqualTo(400);
		assertThat(get("/api/v1/waitpoints/tokens?" + period, DEV).status()).isEqualTo(200);
		assertThat(get("/api/v1/deployments?period=" + OVERFLOWING, DEV).status()).isEqualTo(400);
		assertThat(get("/realtime/v1/runs?createdAt=" + OVERFLOWING, DEV).status()).isEqualTo(200);
	}

	@Test
	void aPageFarBeyondTheLastIsEmpty() {
		for (String path : new String[] { "/api/v1/queues?perPage=100&page=99999999",
				"/api/v1/schedules?perPage=100&page=99999999" }) {
			Response response = get(path, DEV);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.json().get("data")).isEmpty();
		}
	}

	@Test
	void aBatchItemIndexBeyondAnIntIsBeyondTheBatch() {
		String batch = post("/api/v3/batches", DEV, "{\"runCount\":1}").json().get("id").asString();
		String items = "/api/v3/batches/" + batch + "/items";
		Response large = call("POST", items, DEV, "application/x-ndjson", "{\"index\":99999999999,\"task\":\"t\"}");
		assertThat(large.status()).isEqualTo(422);
		assertThat(large.error()).isEqualTo("Item index 99999999999 exceeds batch runCount 1");
		Response negative = call("POST", items, DEV, "application/x-ndjson", "{\"index\":-99999999999,\"task\":\"t\"}");
		assertThat(negative.status()).isEqualTo(400);
	}

}
