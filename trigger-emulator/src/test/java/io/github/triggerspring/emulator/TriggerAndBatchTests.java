package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Triggering, idempotency, two-phase batches and the journal.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerAndBatchTests extends EmulatorTestSupport {

	@Test
	void triggerCreatesRunWithFriendlyIdAndJwt() {
		Response response = post("/api/v1/tasks/send-email/trigger", DEV, "{\"payload\":{\"to\":\"a@b.c\"}}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("id").asString()).matches("run_[a-z0-9]{24}");
		assertThat(body.get("isCached").asBoolean()).isFalse();
		assertThat(response.header("x-trigger-jwt")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		JsonNode run = get("/api/v3/runs/" + body.get("id").asString(), DEV).json();
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.get("isSuccess").asBoolean()).isTrue();
		assertThat(run.get("taskIdentifier").asString()).isEqualTo("send-email");
		assertThat(run.get("payload").get("to").asString()).isEqualTo("a@b.c");
		assertThat(run.get("triggerFunction").asString()).isEqualTo("trigger");
		assertThat(run.get("attemptCount").asInt()).isEqualTo(1);
	}

	@Test
	void tokensAreIssuedAtTheEmulatorClock() {
		emulator.clock().setInstant(Instant.parse("2025-03-01T10:00:00.750Z"));
		Response triggered = post("/api/v1/tasks/a/trigger", DEV, "{\"payload\":1}");
		Response batch = post("/api/v3/batches", DEV, "{\"runCount\":1}");
		for (Response response : List.of(triggered, batch)) {
			JsonNode claims = Json.parse(Base64.getUrlDecoder()
				.decode(response.header("x-trigger-jwt").split("\\.")[1]));
			assertThat(claims.get("iat").asLong()).isEqualTo(1740823200L);
			assertThat(claims.get("exp").asLong()).isEqualTo(1740823200L + 3600);
		}
	}

	@Test
	void payloadTypesAreDecoded() {
		trigger("a", "{\"payload\":\"{\\\"json\\\":{\\\"x\\\":1}}\",\"options\":{\"payloadType\":\"application/super+json\"}}");
		trigger("b", "{\"payload\":\"hello\",\"options\":{\"payloadType\":\"text/plain\"}}");
		trigger("c", "{\"payload\":[1,2]}");
		List<RecordedTrigger> triggers = emulator.journal().triggers();
		assertThat(triggers).extracting(RecordedTrigger::taskId).containsExactly("a", "b", "c");
		assertThat(triggers.get(0).payload()).isEqualTo(Map.of("x", 1));
		assertThat(triggers.get(0).rawPayload()).isEqualTo("{\"json\":{\"x\":1}}");
		assertThat(triggers.get(0).payloadType()).isEqualTo("application/super+json");
		assertThat(triggers.get(1).payload()).isEqualTo("hello");
		assertThat(triggers.get(2).payload()).isEqualTo(List.of(1, 2));
		String runId = emulator.journal().requests(EmulatorEndpoint.TASK_TRIGGER).get(0).responseBody()
			.replaceAll(".*\"(run_[a-z0-9]+)\".*", "$1");
		assertThat(get("/api/v3/runs/" + runId, DEV).json().get("payload").get("x").asInt()).isEqualTo(1);
	}

	@Test
	void aPayloadUploadedToItsPresignedUrlIsResolvedWhenTheRunIsRecorded() {
		Response packet = put("/api/v2/packets/trigger%2Fbig%2F1-a%2Fpayload.json", DEV, null);
		assertThat(packet.status()).isEqualTo(200);
		String storagePath = packet.json().get("storagePath").asString();
		assertThat(storagePath).isEqualTo("packets/" + PROJECT + "/dev/trigger/big/1-a/payload.json");
		String presignedUrl = packet.json().get("presignedUrl").asString();
		assertThat(presignedUrl).startsWith(emulator.baseUrl() + "/packets/");
		Response upload = call("PUT", presignedUrl.substring(emulator.baseUrl().length()), null,
				"application/super+json", "{\"json\":{\"big\":true}}");
		assertThat(upload.status()).isEqualTo(200);
		assertThat(upload.body()).isEmpty();
		String runId = trigger("big", "{\"payload\":\"" + storagePath
				+ "\",\"options\":{\"payloadType\":\"application/store\",\"payloadSize\":20}}");
		JsonNode run = get("/api/v3/runs/" + runId, DEV).json();
		assertThat(run.get("payload").get("big").asBoolean()).isTrue();
		assertThat(emulator.journal().requests(EmulatorEndpoint.PACKETS_OBJECT_STORE)).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization")).isEmpty());
	}

	@Test
	void storedPayloadsAreCheckedAndUnknownPathsKeptAsTheServerKeepsThem() {
		assertThat(call("PUT", "/packets/unknown-token", null, "text/plain", "x").status()).isEqualTo(403);
		assertThat(post("/api/v1/tasks/a/trigger", DEV,
				"{\"payload\":\"\",\"options\":{\"payloadType\":\"application/store\"}}").status())
			.isEqualTo(400);
		String runId = trigger("a", "{\"payload\":\"packets/elsewhere\",\"options\":{\"payloadType\":\"application/store\"}}");
		assertThat(get("/api/v3/runs/" + runId, DEV).json().get("payload").asString()).isEqualTo("packets/elsewhere");
	}

	@Test
	void taskIdIsUrlDecoded() {
		trigger("folder%2Fmy%20task");
		assertThat(emulator.journal().triggers()).extracting(RecordedTrigger::taskId).containsExactly("folder/my task");
		assertThat(get("/api/v1/runs", DEV).json().get("data").get(0).get("taskIdentifier").asString())
			.isEqualTo("folder/my task");
	}

	@Test
	void idempotencyKeyDeduplicatesPerTaskAndEnvironment() {
		String body = "{\"payload\":1,\"options\":{\"idempotencyKey\":\"k1\",\"tags\":[\"t1\"]}}";
		Response first = post("/api/v1/tasks/a/trigger", DEV, body);
		Response second = post("/api/v1/tasks/a/trigger", DEV, body);
		assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(first.json().get("isCached").asBoolean()).isFalse();
		assertThat(second.json().get("isCached").asBoolean()).isTrue();
		Response otherTask = post("/api/v1/tasks/b/trigger", DEV, body);
		assertThat(otherTask.json().get("isCached").asBoolean()).isFalse();
		Response otherEnv = post("/api/v1/tasks/a/trigger", PROD, body);
		assertThat(otherEnv.json().get("isCached").asBoolean()).isFalse();
		assertThat(emulator.runCount()).isEqualTo(3);
		assertThat(emulator.journal().triggers().get(1).idempotencyKey()).isEqualTo("k1");
		assertThat(emulator.journal().triggers().get(1).tags()).containsExactly("t1");
	}

	@Test
	void idempotencyKeyExpiresWithTtlAndIsClearedByFailure() {
		emulator.clock().setInstant(Instant.parse("2025-03-01T10:00:00Z"));
		String body = "{\"payload\":1,\"options\":{\"idempotencyKey\":\"k\",\"idempotencyKeyTTL\":\"10s\"}}";
		String first = trigger("a", body);
		emulator.clock().advance(java.time.Duration.ofMillis(9_999));
		assertThat(trigger("a", body)).isEqualTo(first);
		emulator.clock().advance(java.time.Duration.ofMillis(1));
		assertThat(trigger("a", body)).isNotEqualTo(first);
		emulator.taskBehavior("f", TaskBehavior.fails("boom"));
		String failed = trigger("f", body);
		assertThat(trigger("f", body)).isNotEqualTo(failed);
	}

	@Test
	void resettingAnIdempotencyKeyMakesTheNextTriggerCreateANewRun() {
		String body = "{\"payload\":1,\"options\":{\"idempotencyKey\":\"k\"}}";
		String first = trigger("a", body);
		String otherTask = trigger("b", body);
		Response reset = post("/api/v1/idempotencyKeys/k/reset", DEV, "{\"taskIdentifier\":\"a\"}");
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.body()).isEqualTo("{\"id\":\"k\"}");
		assertThat(get("/api/v3/runs/" + first, DEV).json().has("idempotencyKey")).isFalse();
		String second = trigger("a", body);
		assertThat(second).isNotEqualTo(first);
		assertThat(trigger("a", body)).isEqualTo(second);
		assertThat(trigger("b", body)).isEqualTo(otherTask);
		assertThat(emulator.journal().requests(EmulatorEndpoint.IDEMPOTENCY_KEYS_RESET)).hasSize(1);
	}

	@Test
	void resettingAKeyThatNoRunOfTheTaskHoldsIs404() {
		trigger("a", "{\"payload\":1,\"options\":{\"idempotencyKey\":\"k\"}}");
		Response otherTask = post("/api/v1/idempotencyKeys/k/reset", DEV, "{\"taskIdentifier\":\"b\"}");
		assertThat(otherTask.status()).isEqualTo(404);
		assertThat(otherTask.error()).isEqualTo("No runs found with idempotency key: k and task: b");
		assertThat(post("/api/v1/idempotencyKeys/k/reset", PROD, "{\"taskIdentifier\":\"a\"}").status())
			.isEqualTo(404);
		assertThat(post("/api/v1/idempotencyKeys/k/reset", DEV, "{}").status()).isEqualTo(400);
	}

	@Test
	void idempotencyKeyHeaderWins() {
		String a = post("/api/v1/tasks/a/trigger", DEV, "{\"payload\":1,\"options\":{\"idempotencyKey\":\"x\"}}",
				"idempotency-key", "h").json().get("id").asString();
		String b = post("/api/v1/tasks/a/trigger", DEV, "{\"payload\":1}", "idempotency-key", "h").json()
			.get("id").asString();
		assertThat(b).isEqualTo(a);
	}

	@Test
	void tooManyTagsAndBadMachineAreRejected() {
		Response tags = post("/api/v1/tasks/a/trigger", DEV,
				"{\"payload\":1,\"options\":{\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}}");
		assertThat(tags.status()).isEqualTo(422);
		assertThat(tags.error()).isEqualTo("Runs can only have 10 tags, you're trying to set 11.");
		Response machine = post("/api/v1/tasks/a/trigger", DEV, "{\"payload\":1,\"options\":{\"machine\":\"huge\"}}");
		assertThat(machine.status()).isEqualTo(400);
		assertThat(emulator.runCount()).isZero();
	}

	@Test
	void registeredTasksRejectUnknownTaskIds() {
		emulator.registerTasks("known");
		assertThat(post("/api/v1/tasks/known/trigger", DEV, "{}").status()).isEqualTo(200);
		Response unknown = post("/api/v1/tasks/unknown/trigger", DEV, "{}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.error()).isEqualTo("Task not found");
	}

	@Test
	void triggerOptionsAreStoredOnTheRun() {
		String id = trigger("opts", "{\"payload\":1,\"options\":{\"queue\":{\"name\":\"q1\"},\"concurrencyKey\":7,"
				+ "\"metadata\":{\"m\":true},\"machine\":\"small-1x\",\"maxAttempts\":3,\"maxDuration\":60,"
				+ "\"priority\":10,\"region\":\"eu\",\"lockToVersion\":\"20250101.1\",\"ttl\":\"10m\"}}");
		JsonNode run = get("/api/v3/runs/" + id, DEV).json();
		assertThat(run.get("version").asString()).isEqualTo("20250101.1");
		assertThat(run.get("metadata").get("m").asBoolean()).isTrue();
		assertThat(run.get("ttl").asString()).isEqualTo("10m");
		assertThat(run.get("region").asString()).isEqualTo("eu");
		assertThat(get("/api/v1/runs?filter%5Bqueue%5D=q1&filter%5Bmachine%5D=small-1x", DEV).json().get("data"))
			.hasSize(1);
	}

	@Test
	void delayedRunIsDelayedUntilTheClockPassesTheDelay() {
		emulator.clock().setInstant(java.time.Instant.parse("2025-01-01T00:00:00Z"));
		String id = trigger("later", "{\"payload\":1,\"options\":{\"delay\":\"1h\"}}");
		JsonNode run = get("/api/v3/runs/" + id, DEV).json();
		assertThat(run.get("status").asString()).isEqualTo("DELAYED");
		assertThat(run.get("delayedUntil").asString()).isEqualTo("2025-01-01T01:00:00.000Z");
		emulator.clock().advance(java.time.Duration.ofHours(1));
		assertThat(emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.COMPLETED);
	}

	@Test
	void batchTwoPhaseWithIndexDeduplicationAndSealing() {
		Response created = post("/api/v3/batches", DEV, "{\"runCount\":3,\"taskIdentifiers\":[\"a\",\"b\"]}");
		assertThat(created.status()).isEqualTo(202);
		String batchId = created.json().get("id").asString();
		assertThat(batchId).matches("batch_[a-z0-9]{24}");
		assertThat(created.json().get("runCount").asInt()).isEqualTo(3);
		assertThat(created.json().get("isCached").asBoolean()).isFalse();
		assertThat(created.header("x-trigger-jwt")).isNotBlank();
		String items = "/api/v3/batches/" + batchId + "/items";
		Response first = call("POST", items, DEV, "application/x-ndjson",
				"{\"index\":0,\"task\":\"a\",\"payload\":{\"i\":0}}\n{\"index\":1,\"task\":\"b\",\"payload\":\"{\\\"json\\\":1}\",\"options\":{\"payloadType\":\"application/super+json\"}}\n");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("itemsAccepted").asInt()).isEqualTo(2);
		assertThat(first.json().get("itemsDeduplicated").asInt()).isZero();
		assertThat(first.json().get("sealed").asBoolean()).isFalse();
		assertThat(first.json().get("enqueuedCount").asInt()).isEqualTo(2);
		assertThat(first.json().get("expectedCount").asInt()).isEqualTo(3);
		Response second = call("POST", items, DEV, "application/ndjson",
				"{\"index\":0,\"task\":\"a\",\"payload\":{\"i\":0}}\n{\"index\":1,\"task\":\"b\"}\n{\"index\":2,\"task\":\"a\"}");
		assertThat(second.json().get("itemsAccepted").asInt()).isEqualTo(1);
		assertThat(second.json().get("itemsDeduplicated").asInt()).isEqualTo(2);
		assertThat(second.json().get("sealed").asBoolean()).isTrue();
		assertThat(emulator.runCount()).isEqualTo(3);
		JsonNode runs = get("/api/v1/runs?filter%5Bbatch%5D=" + batchId, DEV).json().get("data");
		assertThat(runs).hasSize(3);
		JsonNode run = get("/api/v3/runs/" + runs.get(0).get("id").asString(), DEV).json();
		assertThat(run.get("batchId").asString()).isEqualTo(batchId);
		assertThat(run.get("triggerFunction").asString()).isEqualTo("batchTrigger");
		JsonNode batch = get("/api/v2/batches/" + batchId, DEV).json();
		assertThat(batch.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(batch.get("runs")).hasSize(3);
		List<RecordedTrigger> triggers = emulator.journal().triggers();
		assertThat(triggers).hasSize(5);
		assertThat(triggers.get(1).payload()).isEqualTo(1);
		assertThat(triggers.get(1).batchId()).isEqualTo(batchId);
		assertThat(triggers.get(1).batchIndex()).isEqualTo(1);
	}

	@Test
	void batchValidation() {
		assertThat(post("/api/v3/batches", DEV, "{\"runCount\":0}").status()).isEqualTo(400);
		assertThat(post("/api/v3/batches", DEV, "{\"runCount\":1001}").status()).isEqualTo(400);
		assertThat(post("/api/v3/batches", DEV, "{\"runCount\":1000}").status()).isEqualTo(202);
		String batchId = post("/api/v3/batches", DEV, "{\"runCount\":1}").json().get("id").asString();
		String items = "/api/v3/batches/" + batchId + "/items";
		assertThat(call("POST", items, DEV, "application/json", "{\"index\":0,\"task\":\"a\"}").status())
			.isEqualTo(415);
		Response pastRunCount = call("POST", items, DEV, "application/x-ndjson", "{\"index\":1,\"task\":\"a\"}");
		assertThat(pastRunCount.status()).isEqualTo(422);
		assertThat(pastRunCount.error()).isEqualTo("Item index 1 exceeds batch runCount 1");
		Response malformed = call("POST", items, DEV, "application/x-ndjson", "{oops");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.error()).isEqualTo("Invalid JSON");
		Response unknown = call("POST", "/api/v3/batches/batch_nope/items", DEV, "application/x-ndjson",
				"{\"index\":0,\"task\":\"a\"}");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.error()).isEqualTo("Batch batch_nope not found");
		Response otherEnvironment = call("POST", items, PROD, "application/x-ndjson", "{\"index\":0,\"task\":\"a\"}");
		assertThat(otherEnvironment.status()).isEqualTo(422);
		assertThat(otherEnvironment.error()).isEqualTo("Batch " + batchId + " not found");
		assertThat(emulator.runCount()).isZero();
	}

	@Test
	void seededBatchIsRetrievedWithItsRunsInOrder() {
		String a = emulator.seedRun(RunSeed.of("a"));
		String b = emulator.seedRun(RunSeed.of("b"));
		String batchId = emulator.seedBatch(PROJECT, EmulatedEnvironment.DEV, null, a, b);
		JsonNode batch = get("/api/v2/batches/" + batchId, DEV).json();
		assertThat(batch.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(batch.get("runCount").asInt()).isEqualTo(2);
		assertThat(batch.get("runs").get(0).asString()).isEqualTo(a);
		assertThat(batch.get("runs").get(1).asString()).isEqualTo(b);
		assertThat(get("/api/v3/runs/" + a, DEV).json().get("batchId").asString()).isEqualTo(batchId);
		assertThat(get("/api/v2/batches/" + batchId, PROD).status()).isEqualTo(404);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> emulator.seedBatch(PROJECT, EmulatedEnvironment.PROD, null, a));
	}

	@Test
	void batchIdempotencyKeyReturnsCachedBatch() {
		Response first = post("/api/v3/batches", DEV, "{\"runCount\":2,\"idempotencyKey\":\"bk\"}");
		Response second = post("/api/v3/batches", DEV, "{\"runCount\":2,\"idempotencyKey\":\"bk\"}");
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(second.json().get("isCached").asBoolean()).isTrue();
		assertThat(second.json().get("idempotencyKey").asString()).isEqualTo("bk");
	}

	@Test
	void aCachedBatchTakesTheItemsItLacksAndASealedOneRefusesMoreWith422() {
		String created = post("/api/v3/batches", DEV, "{\"runCount\":2,\"idempotencyKey\":\"bk\"}").json()
			.get("id")
			.asString();
		Response cached = post("/api/v3/batches", DEV, "{\"runCount\":2,\"idempotencyKey\":\"bk\"}");
		assertThat(cached.json().get("isCached").asBoolean()).isTrue();
		String items = "/api/v3/batches/" + created + "/items";
		String lines = "{\"index\":0,\"task\":\"a\"}\n{\"index\":1,\"task\":\"a\"}\n";
		Response first = call("POST", items, DEV, "application/x-ndjson", lines);
		assertThat(first.json().get("itemsAccepted").asInt()).isEqualTo(2);
		assertThat(first.json().get("sealed").asBoolean()).isTrue();
		Response again = call("POST", items, DEV, "application/x-ndjson", lines);
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("error").asString())
			.isEqualTo("Batch " + created + " is already sealed and cannot accept more items");
		assertThat(emulator.runCount()).isEqualTo(2);
	}

	@Test
	void triggerWithMetadataOverTheLimitIsRefusedWith413AndCreatesNoRun() {
		String big = "{\"payload\":1,\"options\":{\"metadata\":{\"blob\":\"" + "x".repeat(RunsHandler.MAX_METADATA_BYTES)
				+ "\"}}}";
		Response response = post("/api/v1/tasks/a/trigger", DEV, big);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("error").asString())
			.isEqualTo("Metadata exceeds maximum size of 262144 bytes");
		assertThat(emulator.runCount()).isZero();
		String fits = "{\"payload\":1,\"options\":{\"metadata\":{\"blob\":\""
				+ "x".repeat(RunsHandler.MAX_METADATA_BYTES - 11) + "\"}}}";
		assertThat(post("/api/v1/tasks/a/trigger", DEV, fits).status()).isEqualTo(200);
	}

	@Test
	void batchItemIdempotencyKeysDeduplicateRuns() {
		String single = trigger("a", "{\"payload\":1,\"options\":{\"idempotencyKey\":\"item-key\"}}");
		String batchId = post("/api/v3/batches", DEV, "{\"runCount\":1}").json().get("id").asString();
		call("POST", "/api/v3/batches/" + batchId + "/items", DEV, "application/x-ndjson",
				"{\"index\":0,\"task\":\"a\",\"options\":{\"idempotencyKey\":\"item-key\"}}");
		assertThat(get("/api/v2/batches/" + batchId, DEV).json().get("runs").get(0).asString()).isEqualTo(single);
		assertThat(emulator.runCount()).isEqualTo(1);
	}

	@Test
	void journalRecordsEveryRequest() {
		post("/api/v1/tasks/a/trigger", DEV, "{\"payload\":1}", "X-Custom", "v");
		get("/api/v1/runs?filter%5Bstatus%5D=COMPLETED,FAILED&page%5Bsize%5D=5", DEV);
		get("/api/v1/unknown", null);
		Journal journal = emulator.journal();
		assertThat(journal.count()).isEqualTo(3);
		RecordedRequest trigger = journal.requests().get(0);
		assertThat(trigger.method()).isEqualTo("POST");
		assertThat(trigger.path()).isEqualTo("/api/v1/tasks/a/trigger");
		assertThat(trigger.header("x-custom")).contains("v");
		assertThat(trigger.header("AUTHORIZATION")).contains("Bearer tr_dev_…");
		assertThat(trigger.hasCredential(DEV)).isTrue();
		assertThat(trigger.bodyAsString()).isEqualTo("{\"payload\":1}");
		assertThat(trigger.bodyAsJson()).contains(Map.of("payload", 1));
		assertThat(trigger.responseStatus()).isEqualTo(200);
		assertThat(trigger.endpointId()).isEqualTo("task.trigger");
		RecordedRequest list = journal.requests(EmulatorEndpoint.RUNS_LIST).get(0);
		assertThat(list.queryParameter("filter[status]")).contains("COMPLETED,FAILED");
		assertThat(list.queryParameter("page[size]")).contains("5");
		assertThat(journal.requests("runs.list")).hasSize(1);
		assertThat(journal.last().endpointId()).isNull();
		assertThat(journal.last().responseStatus()).isEqualTo(404);
		journal.clear();
		assertThat(journal.count()).isZero();
	}

}
