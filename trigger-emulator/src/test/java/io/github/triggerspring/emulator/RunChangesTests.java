package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rescheduling runs and changing their tags and metadata.
 *
 * @author trigger-spring-boot contributors
 */
class RunChangesTests extends EmulatorTestSupport {

	private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

	@Test
	void rescheduleMovesTheStartOfADelayedRunAndAnswersTheRun() {
		emulator.clock().setInstant(T0);
		String id = trigger("later", "{\"payload\":1,\"options\":{\"delay\":\"1h\"}}");
		Response response = post("/api/v1/runs/" + id + "/reschedule", DEV, "{\"delay\":\"2h30m\"}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode run = response.json();
		assertThat(run.get("id").asString()).isEqualTo(id);
		assertThat(run.get("status").asString()).isEqualTo("DELAYED");
		assertThat(run.get("delayedUntil").asString()).isEqualTo("2025-03-01T14:30:00.000Z");
		Response toDate = post("/api/v1/runs/" + id + "/reschedule", DEV, "{\"delay\":\"2025-03-02T00:00:00.000Z\"}");
		assertThat(toDate.json().get("delayedUntil").asString()).isEqualTo("2025-03-02T00:00:00.000Z");
		emulator.clock().advance(Duration.ofHours(11));
		assertThat(emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.DELAYED);
		emulator.clock().advance(Duration.ofHours(1));
		assertThat(emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.COMPLETED);
	}

	@Test
	void rescheduleRefusesARunThatIsNotDelayedAndABadDelay() {
		emulator.clock().setInstant(T0);
		String done = trigger("now");
		Response notDelayed = post("/api/v1/runs/" + done + "/reschedule", DEV, "{\"delay\":\"1h\"}");
		assertThat(notDelayed.status()).isEqualTo(400);
		assertThat(notDelayed.error()).isEqualTo("Cannot reschedule a run that is not delayed");
		String delayed = trigger("later", "{\"payload\":1,\"options\":{\"delay\":\"1h\"}}");
		Response bad = post("/api/v1/runs/" + delayed + "/reschedule", DEV, "{\"delay\":\"soon\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.error()).isEqualTo("Invalid delay: soon");
		Response past = post("/api/v1/runs/" + delayed + "/reschedule", DEV, "{\"delay\":\"2020-01-01T00:00:00Z\"}");
		assertThat(past.status()).isEqualTo(400);
		assertThat(post("/api/v1/runs/run_nope/reschedule", DEV, "{\"delay\":\"1h\"}").status()).isEqualTo(404);
	}

	@Test
	void addTagsIgnoresExistingAndBlankTagsAndCapsTheTotalAtTen() {
		String id = emulator.seedRun(RunSeed.of("t").tags("a"));
		Response added = post("/api/v1/runs/" + id + "/tags", DEV, "{\"tags\":[\"a\",\"b\",\" \",\"c\"]}");
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.body()).isEqualTo("{\"message\":\"Successfully set 2 new tags.\"}");
		assertThat(post("/api/v1/runs/" + id + "/tags", DEV, "{\"tags\":\"b\"}").body())
			.isEqualTo("{\"message\":\"No new tags to add\"}");
		assertThat(get("/api/v3/runs/" + id, DEV).json().get("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
		Response tooMany = post("/api/v1/runs/" + id + "/tags", DEV,
				"{\"tags\":[\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}");
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.error()).isEqualTo("Runs can only have 10 tags, you're trying to set 11. "
				+ "These tags have not been set: 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'.");
		Response tooLong = post("/api/v1/runs/" + id + "/tags", DEV, "{\"tags\":[\"" + "x".repeat(129) + "\"]}");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.error()).isEqualTo("Invalid request body");
	}

	@Test
	void metadataIsReadAsTheStoredPacketAndReplacedOrChangedByOperations() {
		String id = emulator.seedRun(RunSeed.of("t"));
		assertThat(get("/api/v1/runs/" + id + "/metadata", DEV).body())
			.isEqualTo("{\"metadata\":null,\"metadataType\":\"application/json\"}");
		Response replaced = put("/api/v1/runs/" + id + "/metadata", DEV, "{\"metadata\":{\"step\":1,\"list\":[\"a\"]}}");
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.body()).isEqualTo("{\"metadata\":{\"step\":1,\"list\":[\"a\"]}}");
		Response changed = put("/api/v1/runs/" + id + "/metadata", DEV, """
				{"metadata":{"ignored":true},"operations":[
				{"type":"increment","key":"step","value":2},
				{"type":"append","key":"list","value":"b"},
				{"type":"remove","key":"list","value":"a"},
				{"type":"set","key":"status","value":{"ok":true}},
				{"type":"update","value":{"extra":"x"}},
				{"type":"delete","key":"extra"}]}""");
		assertThat(changed.body()).isEqualTo("{\"metadata\":{\"step\":3,\"list\":[\"b\"],\"status\":{\"ok\":true}}}");
		assertThat(get("/api/v1/runs/" + id + "/metadata", DEV).body()).isEqualTo(
				"{\"metadata\":\"{\\\"step\\\":3,\\\"list\\\":[\\\"b\\\"],\\\"status\\\":{\\\"ok\\\":true}}\","
						+ "\"metadataType\":\"application/json\"}");
		assertThat(get("/api/v3/runs/" + id, DEV).json().get("metadata").get("step").asInt()).isEqualTo(3);
	}

	@Test
	void metadataRefusesReservedKeysOversizedValuesAndRunsCompletedLongAgo() {
		emulator.clock().setInstant(T0);
		String id = trigger("fast");
		assertThat(put("/api/v1/runs/" + id + "/metadata", DEV, "{\"metadata\":{\"__proto__\":1}}").status())
			.isEqualTo(400);
		String big = "x".repeat(RunsHandler.MAX_METADATA_BYTES);
		assertThat(put("/api/v1/runs/" + id + "/metadata", DEV, "{\"metadata\":{\"big\":\"" + big + "\"}}").status())
			.isEqualTo(413);
		emulator.clock().advance(Duration.ofHours(2));
		Response late = put("/api/v1/runs/" + id + "/metadata", DEV, "{\"metadata\":{\"a\":1}}");
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.error()).isEqualTo("Cannot update metadata for a completed run");
	}

	@Test
	void newRoutesNeedASecretKeyAndTakeFaults() {
		String id = emulator.seedRun(RunSeed.of("t"));
		assertThat(get("/api/v1/runs/" + id + "/metadata", PAT).status()).isEqualTo(401);
		assertThat(post("/api/v1/runs/" + id + "/tags", PAT, "{\"tags\":\"a\"}").status()).isEqualTo(401);
		emulator.faults().inject(EmulatorEndpoint.RUNS_ADD_TAGS, Fault.status(503).times(1));
		assertThat(post("/api/v1/runs/" + id + "/tags", DEV, "{\"tags\":\"a\"}").status()).isEqualTo(503);
		assertThat(post("/api/v1/runs/" + id + "/tags", DEV, "{\"tags\":\"a\"}").status()).isEqualTo(200);
		assertThat(emulator.journal().requests(EmulatorEndpoint.RUNS_ADD_TAGS)).hasSize(3);
	}

	@Test
	void replayWithABodyChangesWhatItNamesAndCopiesTheRest() {
		emulator.clock().setInstant(T0);
		String original = trigger("replayed", "{\"payload\":{\"k\":\"v\"},\"options\":{\"tags\":[\"t\"],"
				+ "\"metadata\":{\"m\":1},\"machine\":\"small-2x\"}}");
		Response replay = post("/api/v1/runs/" + original + "/replay", DEV, """
				{"payload":"{\\"json\\":{\\"k\\":\\"new\\"}}","payloadType":"application/super+json",
				"tags":["u"],"delay":"1h","idempotencyKey":"again","maxAttempts":2}""");
		assertThat(replay.status()).isEqualTo(200);
		String copy = replay.json().get("id").asString();
		JsonNode run = get("/api/v3/runs/" + copy, DEV).json();
		assertThat(run.get("payload").toString()).isEqualTo("{\"k\":\"new\"}");
		assertThat(run.get("tags").toString()).isEqualTo("[\"u\"]");
		assertThat(run.get("metadata").toString()).isEqualTo("{\"m\":1}");
		assertThat(run.get("status").asString()).isEqualTo("DELAYED");
		assertThat(run.get("delayedUntil").asString()).isEqualTo("2025-03-01T13:00:00.000Z");
		Response again = post("/api/v1/runs/" + original + "/replay", DEV, "{\"idempotencyKey\":\"again\"}");
		assertThat(again.json().get("id").asString()).isEqualTo(copy);
		assertThat(post("/api/v1/runs/" + original + "/replay", DEV, "{\"maxAttempts\":0}").status()).isEqualTo(400);
	}

	@Test
	void listsFilterOnTheBulkActionAndAProjectListReadsTheFirstEnvironmentFound() {
		String inBulk = emulator.seedRun(RunSeed.of("t").bulkAction("bulk_1"));
		emulator.seedRun(RunSeed.of("t"));
		String prod = emulator.seedRun(RunSeed.of("t").in(EmulatedEnvironment.PROD));
		JsonNode bulk = get("/api/v1/runs?filter%5BbulkAction%5D=bulk_1", DEV).json();
		assertThat(bulk.get("data")).singleElement().satisfies((run) -> assertThat(run.get("id").asString()).isEqualTo(inBulk));
		JsonNode prodFirst = get("/api/v1/projects/" + PROJECT + "/runs?filter%5Benv%5D=prod%2Cdev", PAT).json();
		assertThat(prodFirst.get("data")).singleElement().satisfies((run) -> assertThat(run.get("id").asString()).isEqualTo(prod));
	}

	@Test
	void payloadsAndOutputsOf512KibOrMoreAreServedFromPresignedUrls() {
		String big = "x".repeat(RunsHandler.OFFLOAD_THRESHOLD_BYTES);
		String id = emulator.seedRun(RunSeed.of("large").behavior(TaskBehavior.completes()
			.withOutput(java.util.Map.of("report", big))).payload(java.util.Map.of("blob", big)));
		JsonNode run = get("/api/v3/runs/" + id, DEV).json();
		assertThat(run.has("payload")).isFalse();
		assertThat(run.has("output")).isFalse();
		String payloadUrl = run.get("payloadPresignedUrl").asString();
		String outputUrl = run.get("outputPresignedUrl").asString();
		assertThat(payloadUrl).isEqualTo(emulator.baseUrl() + "/packets/" + id + "/payload.json");
		assertThat(outputUrl).isEqualTo(emulator.baseUrl() + "/packets/" + id + "/output.json");
		Response payload = get(payloadUrl.substring(emulator.baseUrl().length()), null);
		assertThat(payload.status()).isEqualTo(200);
		assertThat(payload.header("Content-Type")).isEqualTo("application/json");
		assertThat(payload.json().get("blob").asString()).hasSize(big.length());
		assertThat(get(outputUrl.substring(emulator.baseUrl().length()), null).json().get("report").asString())
			.hasSize(big.length());
		assertThat(get("/packets/run_nope/payload.json", null).status()).isEqualTo(404);
		String small = emulator.seedRun(RunSeed.of("small").payload(java.util.Map.of("n", 1)));
		assertThat(get("/api/v3/runs/" + small, DEV).json().get("payload").get("n").asInt()).isEqualTo(1);
	}

}
