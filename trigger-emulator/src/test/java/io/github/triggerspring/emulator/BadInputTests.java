package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad input is refused with a 4xx or read as well as it can be, never answered with a
 * 500 from the emulator failing on it: numbers too large for a date, an int or a long,
 * and JSON containers where a scalar is expected.
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
	void containersWhereAScalarIsExpectedAreReadAsTheirJson() {
		assertThat(post("/api/v1/tasks/t/trigger", DEV, "{\"payload\":1,\"options\":{\"concurrencyKey\":{}}}").status())
			.isEqualTo(200);
		assertThat(post("/api/v3/batches", DEV, "{\"runCount\":1,\"taskIdentifiers\":[{}]}").status()).isEqualTo(202);
		String run = trigger("t");
		Response replay = post("/api/v1/runs/" + run + "/replay", DEV, "{\"tags\":[{\"a\":1}]}");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(get("/api/v3/runs/" + replay.json().get("id").asString(), DEV).json().get("tags").get(0).asString())
			.isEqualTo("{\"a\":1}");
		assertThat(post("/api/v1/auth/public-tokens", DEV, "{\"scopes\":[{}]}").status()).isEqualTo(200);
		Response expiration = post("/api/v1/auth/public-tokens", DEV,
				"{\"scopes\":[\"read:runs\"],\"expirationTime\":{}}");
		assertThat(expiration.status()).isEqualTo(400);
		assertThat(expiration.error()).isEqualTo("Invalid expirationTime: {}");
	}

	@Test
	void aSignedPublicAccessTokenWithOddClaimsVerifiesOrHasExpired() throws Exception {
		EmulatorState state = new EmulatorState();
		EnvRecord dev = state.env(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, null);
		String claims = "\"sub\":\"" + dev.id + "\",\"pub\":true,\"scopes\":[{\"a\":1}],"
				+ "\"realtime\":{\"skipColumns\":[[]]}";
		PublicJwt forever = PublicJwts.verify(state, sign(state, dev, "{" + claims + ",\"exp\":1e300}"), T0);
		assertThat(forever.scopes()).containsExactly("{\"a\":1}");
		assertThat(forever.skipColumns()).containsExactly("[]");
		assertThatExceptionOfType(ApiError.class)
			.isThrownBy(() -> PublicJwts.verify(state, sign(state, dev, "{" + claims + ",\"exp\":-1e300}"), T0))
			.satisfies((error) -> assertThat(error.reply.status).isEqualTo(401));
	}

	private static String sign(EmulatorState state, EnvRecord env, String payload) throws Exception {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String input = base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(state.signingKey(env).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
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
	void numbersBeyondWhatTheEmulatorKeepsAreRefused() {
		String run = trigger("t");
		for (String number : new String[] { "99999999999", "-99999999999", "1e300", "123456789012345678901234567890" }) {
			for (String option : new String[] { "maxAttempts", "maxDuration" }) {
				String json = "{\"" + option + "\":" + number + "}";
				Response trigger = post("/api/v1/tasks/t/trigger", DEV, "{\"payload\":1,\"options\":" + json + "}");
				assertThat(trigger.status()).as(json).isEqualTo(400);
				assertThat(trigger.error()).isEqualTo("Invalid request body: " + option + " is out of range");
				if (!number.equals("1e300") || option.equals("maxDuration")) {
					assertThat(post("/api/v1/runs/" + run + "/replay", DEV, json).status()).as(json).isEqualTo(400);
				}
			}
			Response token = post("/api/v1/auth/public-tokens", DEV,
					"{\"scopes\":[\"read:runs\"],\"expirationTime\":" + number + "}");
			assertThat(token.status()).as(number).isEqualTo(400);
			assertThat(token.error()).startsWith("expirationTime must be ");
		}
		emulator.registerTasks("t");
		Response limit = post("/api/v1/queues/task%2Ft/concurrency/override", DEV,
				"{\"concurrencyLimit\":123456789012345678901234567890}");
		assertThat(limit.status()).isEqualTo(400);
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
