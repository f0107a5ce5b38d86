package io.github.triggerspring.emulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waitpoint tokens: creation, idempotency, timeouts on the emulator clock, listing,
 * retrieval, completion and the callback URL (its size limits are in {@link BodyLimitTests}).
 *
 * @author trigger-spring-boot contributors
 */
class WaitpointsTests extends EmulatorTestSupport {

	private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

	private static final String TOKENS = "/api/v1/waitpoints/tokens";

	private static JsonNode create(String json) {
		Response response = post(TOKENS, DEV, json);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode retrieve(String id) {
		Response response = get(TOKENS + "/" + id, DEV);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String hmac(String key, String message) {
		return WaitpointsHandler.hmacHex(key, message);
	}

	private static String path(String url) {
		return URI.create(url).getRawPath();
	}

	@Test
	void createAnswersTheIdAndACallbackUrlSignedWithTheEnvironmentsKey() {
		emulator.clock().setInstant(T0);
		JsonNode created = create("{\"timeout\":\"1h\",\"tags\":[\"user:7\",\"order:42\"]}");
		String id = created.get("id").asString();
		assertThat(id).startsWith("waitpoint_");
		assertThat(created.get("isCached").asBoolean()).isFalse();
		assertThat(created.get("url").asString())
			.isEqualTo(emulator.baseUrl() + TOKENS + "/" + id + "/callback/" + hmac(DEV, id));
		JsonNode token = retrieve(id);
		assertThat(token.get("status").asString()).isEqualTo("WAITING");
		assertThat(token.get("tags").toString()).isEqualTo("[\"order:42\",\"user:7\"]");
		assertThat(token.get("timeoutAt").asString()).isEqualTo("2026-03-01T13:00:00.000Z");
		assertThat(token.get("createdAt").asString()).isEqualTo("2026-03-01T12:00:00.000Z");
		assertThat(token.get("outputIsError").asBoolean()).isFalse();
		assertThat(token.has("output")).isFalse();
		assertThat(emulator.journal().requests(EmulatorEndpoint.WAIT_CREATE_TOKEN)).hasSize(1);
	}

	@Test
	void aTimeoutStringIsReadAsTheServerReadsIt() {
		emulator.clock().setInstant(T0);
		assertThat(retrieve(create("{\"timeout\":\"2026-03-02T00:00:00Z\"}").get("id").asString()).get("timeoutAt")
			.asString()).isEqualTo("2026-03-02T00:00:00.000Z");
		assertThat(retrieve(create("{\"timeout\":\"2020-01-01T00:00:00Z\"}").get("id").asString()).has("timeoutAt"))
			.isFalse();
		assertThat(retrieve(create("{\"timeout\":\"soon\"}").get("id").asString()).has("timeoutAt")).isFalse();
		assertThat(retrieve(create("{}").get("id").asString()).has("timeoutAt")).isFalse();
		assertThat(retrieve(post(TOKENS, DEV, null).json().get("id").asString()).get("status").asString())
			.isEqualTo("WAITING");
	}

	@Test
	void anIdempotencyKeyReturnsTheSameTokenUntilItsTtlPasses() {
		emulator.clock().setInstant(T0);
		JsonNode first = create("{\"idempotencyKey\":\"approve-42\",\"idempotencyKeyTTL\":\"1h\"}");
		JsonNode again = create("{\"idempotencyKey\":\"approve-42\"}");
		assertThat(again.get("id")).isEqualTo(first.get("id"));
		assertThat(again.get("isCached").asBoolean()).isTrue();
		JsonNode token = retrieve(first.get("id").asString());
		assertThat(token.get("idempotencyKey").asString()).isEqualTo("approve-42");
		assertThat(token.get("idempotencyKeyExpiresAt").asString()).isEqualTo("2026-03-01T13:00:00.000Z");
		assertThat(post(TOKENS, STG, "{\"idempotencyKey\":\"approve-42\"}").json().get("isCached").asBoolean())
			.isFalse();
		emulator.clock().advance(Duration.ofHours(1));
		JsonNode later = create("{\"idempotencyKey\":\"approve-42\"}");
		assertThat(later.get("id")).isNotEqualTo(first.get("id"));
		assertThat(later.get("isCached").asBoolean()).isFalse();
	}

	@Test
	void theServersRulesOnTagsKeysAndBodySizeApply() {
		Response tooMany = post(TOKENS, DEV, "{\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}");
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.error()).isEqualTo("Waitpoints can only have 10 tags, you're trying to set 11.");
		assertThat(post(TOKENS, DEV, "{\"tags\":[\"" + "x".repeat(129) + "\"]}").status()).isEqualTo(400);
		assertThat(post(TOKENS, DEV, "{\"idempotencyKey\":\"" + "k".repeat(2049) + "\"}").status()).isEqualTo(400);
		assertThat(retrieve(create("{\"tags\":\"single\"}").get("id").asString()).get("tags").toString())
			.isEqualTo("[\"single\"]");
		Response tooLarge = post(TOKENS, DEV, "{\"idempotencyKey\":\"" + "k".repeat(10_300) + "\"}");
		assertThat(tooLarge.status()).isEqualTo(413);
	}

	@Test
	void aTokenTimesOutWhenTheEmulatorClockPassesItsTimeout() {
		emulator.clock().setInstant(T0);
		String id = create("{\"timeout\":\"30s\"}").get("id").asString();
		emulator.clock().advance(Duration.ofSeconds(29));
		assertThat(retrieve(id).get("status").asString()).isEqualTo("WAITING");
		assertThat(emulator.waitpointTokenStatus(id)).isEqualTo(EmulatedWaitpointStatus.WAITING);
		emulator.clock().advance(Duration.ofSeconds(1));
		JsonNode token = retrieve(id);
		assertThat(token.get("status").asString()).isEqualTo("TIMED_OUT");
		assertThat(token.get("completedAt").asString()).isEqualTo("2026-03-01T12:00:30.000Z");
		assertThat(token.get("outputType").asString()).isEqualTo("application/json");
		assertThat(token.get("outputIsError").asBoolean()).isTrue();
		assertThat(Json.parse(token.get("output").asString())).isEqualTo(Json.parse(
				"{\"code\":\"TRIGGER_WAITPOINT_TIMEOUT\",\"message\":\"Waitpoint timed out at 2026-03-01T12:00:30.000Z\"}"));
		assertThat(post(TOKENS + "/" + id + "/complete", DEV, "{\"data\":1}").body()).isEqualTo("{\"success\":true}");
		assertThat(retrieve(id).get("status").asString()).isEqualTo("TIMED_OUT");
		assertThat(emulator.waitpointTokenOutput(id)).isNull();
	}

	@Test
	void completeStoresTheDataAsTheServerDoesAndIsANoOpOnceCompleted() {
		emulator.clock().setInstant(T0);
		String id = create("{}").get("id").asString();
		emulator.clock().advance(Duration.ofMinutes(5));
		Response completed = post(TOKENS + "/" + id + "/complete", DEV, "{\"data\":{\"approved\":true}}");
		assertThat(completed.status()).isEqualTo(200);
		assertThat(completed.body()).isEqualTo("{\"success\":true}");
		JsonNode token = retrieve(id);
		assertThat(token.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(token.get("completedAt").asString()).isEqualTo("2026-03-01T12:05:00.000Z");
		assertThat(token.get("output").asString()).isEqualTo("{\"json\":{\"approved\":true}}");
		assertThat(token.get("outputType").asString()).isEqualTo("application/super+json");
		assertThat(post(TOKENS + "/" + id + "/complete", DEV, "{\"data\":{\"approved\":false}}").status()).isEqualTo(200);
		assertThat(emulator.waitpointTokenOutput(id)).isEqualTo(Map.of("approved", true));
		String text = create("{}").get("id").asString();
		post(TOKENS + "/" + text + "/complete", DEV, "{\"data\":\"yes\"}");
		assertThat(retrieve(text).get("outputType").asString()).isEqualTo("text/plain");
		assertThat(emulator.waitpointTokenOutput(text)).isEqualTo("yes");
		String empty = create("{}").get("id").asString();
		post(TOKENS + "/" + empty + "/complete", DEV, "{}");
		assertThat(retrieve(empty).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(retrieve(empty).has("output")).isFalse();
	}

	@Test
	void anUnknownTokenOrATokenOfAnotherEnvironmentIsNotFound() {
		String id = create("{}").get("id").asString();
		for (Response response : List.of(post(TOKENS + "/waitpoint_nope/complete", DEV, "{}"),
				post(TOKENS + "/" + id + "/complete", STG, "{}"), get(TOKENS + "/waitpoint_nope", DEV),
				get(TOKENS + "/" + id, PROD))) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.error()).isEqualTo("Waitpoint not found");
		}
	}

	@Test
	void largeDataIsKeptInObjectStorageAndDownloadedThroughAPresignedUrl() {
		String id = create("{}").get("id").asString();
		String big = "x".repeat(RunsHandler.OFFLOAD_THRESHOLD_BYTES);
		post(TOKENS + "/" + id + "/complete", DEV, "{\"data\":{\"big\":\"" + big + "\"}}");
		JsonNode token = retrieve(id);
		assertThat(token.get("outputType").asString()).isEqualTo("application/store");
		String filename = token.get("output").asString();
		assertThat(filename).isEqualTo(id + "-token.json");
		assertThat(get("/api/v1/packets/" + filename, STG).status()).isEqualTo(404);
		Response presigned = get("/api/v1/packets/" + filename, DEV);
		assertThat(presigned.status()).isEqualTo(200);
		Response download = get(path(presigned.json().get("presignedUrl").asString()), null);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).isEqualTo("application/super+json");
		assertThat(download.body()).isEqualTo("{\"json\":{\"big\":\"" + big + "\"}}");
		assertThat(emulator.waitpointTokenOutput(id)).isEqualTo(Map.of("big", big));
		assertThat(get("/packets/unknowntoken", null).status()).isEqualTo(404);
		assertThat(emulator.journal().requests(EmulatorEndpoint.PACKETS_RETRIEVE)).hasSize(2);
	}

	@Test
	void listFiltersByStatusKeyTagsAndCreationTimeNewestFirst() {
		emulator.clock().setInstant(T0);
		String old = create("{\"tags\":[\"a\"]}").get("id").asString();
		emulator.clock().advance(Duration.ofHours(2));
		String keyed = create("{\"idempotencyKey\":\"k1\",\"tags\":[\"b\"]}").get("id").asString();
		emulator.clock().advance(Duration.ofMinutes(1));
		String done = create("{\"tags\":[\"a\",\"c\"]}").get("id").asString();
		post(TOKENS + "/" + done + "/complete", DEV, "{\"data\":1}");
		String timedOut = create("{\"timeout\":\"1s\"}").get("id").asString();
		emulator.clock().advance(Duration.ofSeconds(1));
		post(TOKENS, STG, "{}");
		assertThat(ids(TOKENS)).containsExactly(timedOut, done, keyed, old);
		assertThat(ids(TOKENS + "?filter%5Bstatus%5D=WAITING")).containsExactly(keyed, old);
		assertThat(ids(TOKENS + "?filter%5Bstatus%5D=COMPLETED,TIMED_OUT")).containsExactly(timedOut, done);
		assertThat(ids(TOKENS + "?filter%5BidempotencyKey%5D=k1")).containsExactly(keyed);
		assertThat(ids(TOKENS + "?filter%5Btags%5D=a,b")).containsExactly(done, keyed, old);
		assertThat(ids(TOKENS + "?filter%5BcreatedAt%5D%5Bperiod%5D=1h")).containsExactly(timedOut, done, keyed);
		assertThat(ids(TOKENS + "?filter%5BcreatedAt%5D%5Bfrom%5D=" + T0.plusSeconds(3600).toEpochMilli()
				+ "&filter%5BcreatedAt%5D%5Bto%5D=2026-03-01T14:00:00.000Z")).containsExactly(keyed);
		Response invalid = get(TOKENS + "?filter%5Bstatus%5D=WAITING,DONE", DEV);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("details").get(0).get("message").asString())
			.isEqualTo("Invalid status values: DONE");
		assertThat(get(TOKENS + "?page%5Bsize%5D=101", DEV).status()).isEqualTo(400);
		assertThat(get(TOKENS, PAT).status()).isEqualTo(401);
	}

	@Test
	void listFilterEdgeCasesAreReadAsTheServerReadsThem() {
		emulator.clock().setInstant(T0);
		String tagged = create("{\"tags\":[\"a\"]}").get("id").asString();
		emulator.clock().advance(Duration.ofMinutes(1));
		String done = create("{}").get("id").asString();
		post(TOKENS + "/" + done + "/complete", DEV, "{\"data\":1}");
		for (String filter : List.of("status", "idempotencyKey", "tags", "createdAt%5D%5Bfrom",
				"createdAt%5D%5Bto", "createdAt%5D%5Bperiod")) {
			assertThat(ids(TOKENS + "?filter%5B" + filter + "%5D=")).as(filter).containsExactly(done, tagged);
		}
		assertThat(ids(TOKENS + "?filter%5Bstatus%5D=COMPLETED,WAITING,COMPLETED")).containsExactly(done, tagged);
		assertThat(ids(TOKENS + "?filter%5Btags%5D=a,")).containsExactly(tagged);
		assertThat(ids(TOKENS + "?filter%5Btags%5D=%20a")).isEmpty();
		assertThat(ids(TOKENS + "?filter%5BcreatedAt%5D%5Bfrom%5D=2026-03-01")).containsExactly(done, tagged);
		Response blank = get(TOKENS + "?filter%5Bstatus%5D=WAITING,", DEV);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("details").get(0).get("message").asString()).isEqualTo("Invalid status values: ");
		Response badDate = get(TOKENS + "?filter%5BcreatedAt%5D%5Bto%5D=tomorrow", DEV);
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.error()).isEqualTo("Query Error");
		assertThat(badDate.json().get("details").get(0).get("message").asString()).isEqualTo("Invalid date");
		assertThat(badDate.json().get("details").get(0).get("path").get(0).asString())
			.isEqualTo("filter[createdAt][to]");
	}

	@Test
	void listPagesFollowCursorsBothWays() {
		emulator.clock().setInstant(T0);
		String[] ids = new String[5];
		for (int i = 0; i < 5; i++) {
			ids[4 - i] = create("{}").get("id").asString();
			emulator.clock().advance(Duration.ofSeconds(1));
		}
		JsonNode first = get(TOKENS + "?page%5Bsize%5D=2", DEV).json();
		assertThat(first.get("pagination").get("next").asString()).isEqualTo(ids[1]);
		assertThat(first.get("pagination").has("previous")).isFalse();
		JsonNode second = get(TOKENS + "?page%5Bsize%5D=2&page%5Bafter%5D=" + ids[1], DEV).json();
		assertThat(second.get("data").findValuesAsString("id")).containsExactly(ids[2], ids[3]);
		assertThat(second.get("pagination").get("previous").asString()).isEqualTo(ids[2]);
		JsonNode last = get(TOKENS + "?page%5Bsize%5D=2&page%5Bafter%5D=" + ids[3], DEV).json();
		assertThat(last.get("data").findValuesAsString("id")).containsExactly(ids[4]);
		assertThat(last.get("pagination").has("next")).isFalse();
		JsonNode back = get(TOKENS + "?page%5Bsize%5D=2&page%5Bbefore%5D=" + ids[2], DEV).json();
		assertThat(back.get("data").findValuesAsString("id")).containsExactly(ids[0], ids[1]);
	}

	private static List<String> ids(String path) {
		Response response = get(path, DEV);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("data").findValuesAsString("id");
	}

	@Test
	void theCallbackUrlCompletesTheTokenWithTheRawBodyWithoutAnApiKey() {
		JsonNode created = create("{}");
		String id = created.get("id").asString();
		Response response = post(path(created.get("url").asString()), null, "{\"status\":\"approved\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"success\":true}");
		assertThat(emulator.waitpointTokenStatus(id)).isEqualTo(EmulatedWaitpointStatus.COMPLETED);
		assertThat(emulator.waitpointTokenOutput(id)).isEqualTo(Map.of("status", "approved"));
		assertThat(post(path(created.get("url").asString()), null, "{\"status\":\"rejected\"}").status())
			.isEqualTo(200);
		assertThat(emulator.waitpointTokenOutput(id)).isEqualTo(Map.of("status", "approved"));
		assertThat(emulator.journal().requests(EmulatorEndpoint.WAIT_TOKEN_CALLBACK)).hasSize(2);
	}

	@Test
	void theCallbackUrlChecksItsHashAndItsBody() {
		String id = create("{}").get("id").asString();
		String callback = TOKENS + "/" + id + "/callback/";
		Response wrongHash = post(callback + hmac(STG, id), null, "{}");
		assertThat(wrongHash.status()).isEqualTo(401);
		assertThat(wrongHash.error()).isEqualTo("Invalid URL, hash doesn't match");
		assertThat(post(callback + hmac(DEV, id).substring(1), null, "{}").status()).isEqualTo(401);
		assertThat(post(TOKENS + "/waitpoint_nope/callback/" + hmac(DEV, "waitpoint_nope"), null, "{}").status())
			.isEqualTo(404);
		assertThat(emulator.waitpointTokenStatus(id)).isEqualTo(EmulatedWaitpointStatus.WAITING);
		Response notJson = call("POST", callback + hmac(DEV, id), null, "text/plain", "approved!");
		assertThat(notJson.status()).isEqualTo(200);
		assertThat(emulator.waitpointTokenOutput(id)).isEqualTo(Map.of());
	}

	@Test
	void aPreviewBranchSignsItsCallbackUrlsWithThePreviewKey() {
		Response created = post(TOKENS, PREVIEW, "{}", "x-trigger-branch", EmulatorAccount.PREVIEW_BRANCH);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("url").asString()).endsWith("/callback/" + hmac(PREVIEW, id));
		assertThat(post(path(created.json().get("url").asString()), null, "[1]").status()).isEqualTo(200);
		assertThat(emulator.waitpointTokenOutput(id)).isEqualTo(List.of(1));
	}

	@Test
	void faultsApplyToTheWaitpointEndpointsAndTheirCredentialsAreEnforced() {
		emulator.faults().inject(EmulatorEndpoint.WAIT_CREATE_TOKEN, Fault.status(503).times(1));
		assertThat(post(TOKENS, DEV, "{}").status()).isEqualTo(503);
		assertThat(post(TOKENS, DEV, "{}").status()).isEqualTo(200);
		String id = create("{}").get("id").asString();
		emulator.faults().inject(EmulatorEndpoint.WAIT_TOKEN_CALLBACK, Fault.status(500).times(1));
		assertThat(post(TOKENS + "/" + id + "/callback/" + hmac(DEV, id), null, "{}").status()).isEqualTo(500);
		assertThat(post(TOKENS, PAT, "{}").status()).isEqualTo(401);
		assertThat(post(TOKENS + "/" + id + "/complete", null, "{}").status()).isEqualTo(401);
		assertThat(get(TOKENS + "/" + id, OAT).status()).isEqualTo(401);
	}

	@Test
	void testsCanCompleteAndTimeOutTokensThroughTheEmulator() {
		String approved = create("{}").get("id").asString();
		String expired = create("{}").get("id").asString();
		emulator.completeWaitpointToken(approved, Map.of("approvedBy", "ada")).timeOutWaitpointToken(expired);
		assertThat(retrieve(approved).get("output").asString()).isEqualTo("{\"json\":{\"approvedBy\":\"ada\"}}");
		assertThat(emulator.waitpointTokenStatus(expired)).isEqualTo(EmulatedWaitpointStatus.TIMED_OUT);
		assertThat(retrieve(expired).get("outputIsError").asBoolean()).isTrue();
		emulator.completeWaitpointToken(expired, "late");
		assertThat(emulator.waitpointTokenStatus(expired)).isEqualTo(EmulatedWaitpointStatus.TIMED_OUT);
		emulator.reset();
		assertThat(get(TOKENS + "/" + approved, DEV).status()).isEqualTo(404);
	}

}
