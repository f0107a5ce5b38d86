package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run listing, paging, filters, retrieval, cancel, replay and clock-driven statuses.
 *
 * @author trigger-spring-boot contributors
 */
class RunsTests extends EmulatorTestSupport {

	private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("data").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	@Test
	void cursorPagingAcrossThreePagesNewestFirst() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add(emulator.seedRun(RunSeed.of("t").createdAt(T0.plusSeconds(i))));
		}
		List<String> newestFirst = new ArrayList<>(created);
		java.util.Collections.reverse(newestFirst);
		JsonNode page1 = get("/api/v1/runs?page%5Bsize%5D=3", DEV).json();
		assertThat(ids(page1)).isEqualTo(newestFirst.subList(0, 3));
		assertThat(page1.get("pagination").has("previous")).isFalse();
		String next1 = page1.get("pagination").get("next").asString();
		JsonNode page2 = get("/api/v1/runs?page%5Bsize%5D=3&page%5Bafter%5D=" + next1, DEV).json();
		assertThat(ids(page2)).isEqualTo(newestFirst.subList(3, 6));
		JsonNode page3 = get("/api/v1/runs?page%5Bsize%5D=3&page%5Bafter%5D="
				+ page2.get("pagination").get("next").asString(), DEV).json();
		assertThat(ids(page3)).isEqualTo(newestFirst.subList(6, 7));
		assertThat(page3.get("pagination").has("next")).isFalse();
		String previous = page3.get("pagination").get("previous").asString();
		JsonNode back = get("/api/v1/runs?page%5Bsize%5D=3&page%5Bbefore%5D=" + previous, DEV).json();
		assertThat(ids(back)).isEqualTo(newestFirst.subList(3, 6));
		assertThat(back.get("pagination").get("next").asString()).isEqualTo(newestFirst.get(5));
		assertThat(back.get("pagination").get("previous").asString()).isEqualTo(newestFirst.get(3));
	}

	@Test
	void pageSizeDefaultsTo25AndIsValidated() {
		for (int i = 0; i < 30; i++) {
			emulator.seedRun(RunSeed.of("t"));
		}
		assertThat(get("/api/v1/runs", DEV).json().get("data")).hasSize(25);
		assertThat(get("/api/v1/runs?page%5Bsize%5D=100", DEV).json().get("data")).hasSize(30);
		for (String size : List.of("0", "101", "abc")) {
			Response response = get("/api/v1/runs?page%5Bsize%5D=" + size, DEV);
			assertThat(response.status()).as(size).isEqualTo(400);
			assertThat(response.error()).isEqualTo("Query Error");
		}
	}

	@Test
	void filters() {
		emulator.seedRun(RunSeed.of("a").status(EmulatedRunStatus.COMPLETED).tags("x").version("v1").createdAt(T0));
		emulator.seedRun(RunSeed.of("b").status(EmulatedRunStatus.FAILED).tags("y").test(true).createdAt(T0.plusSeconds(60)));
		emulator.seedRun(RunSeed.of("c").status(EmulatedRunStatus.QUEUED).region("eu").createdAt(T0.plusSeconds(120)));
		String scheduleId = emulator.seedSchedule(ScheduleSeed.of("d", "0 * * * *", "d"));
		emulator.seedRun(RunSeed.of("d").schedule(scheduleId).createdAt(T0.plusSeconds(180)));
		assertThat(taskIds("filter%5Bstatus%5D=COMPLETED,FAILED")).containsExactly("d", "b", "a");
		assertThat(taskIds("filter%5BtaskIdentifier%5D=a,c")).containsExactly("c", "a");
		assertThat(taskIds("filter%5Btag%5D=y")).containsExactly("b");
		assertThat(taskIds("filter%5Bversion%5D=v1")).containsExactly("a");
		assertThat(taskIds("filter%5BisTest%5D=true")).containsExactly("b");
		assertThat(taskIds("filter%5Bregion%5D=eu")).containsExactly("c");
		assertThat(taskIds("filter%5Bschedule%5D=" + scheduleId)).containsExactly("d");
		assertThat(taskIds("filter%5Bqueue%5D=task/c")).containsExactly("c");
		assertThat(taskIds("filter%5BcreatedAt%5D%5Bfrom%5D=" + T0.plusSeconds(60).toEpochMilli()
				+ "&filter%5BcreatedAt%5D%5Bto%5D=2025-03-01T12:02:00Z")).containsExactly("c", "b");
		emulator.clock().setInstant(T0.plusSeconds(200));
		assertThat(taskIds("filter%5BcreatedAt%5D%5Bperiod%5D=2m")).containsExactly("d", "c");
		assertThat(get("/api/v1/runs?filter%5Bstatus%5D=NOPE", DEV).status()).isEqualTo(400);
	}

	@Test
	void filterEdgeCasesAreReadAsTheServerReadsThem() {
		emulator.seedRun(RunSeed.of("a").status(EmulatedRunStatus.COMPLETED).createdAt(T0));
		emulator.seedRun(RunSeed.of("b").status(EmulatedRunStatus.FAILED).test(true).createdAt(T0.plusSeconds(60)));
		for (String filter : List.of("status", "taskIdentifier", "tag", "isTest", "schedule", "batch", "bulkAction",
				"createdAt%5D%5Bfrom", "createdAt%5D%5Bto", "createdAt%5D%5Bperiod")) {
			assertThat(taskIds("filter%5B" + filter + "%5D=")).as(filter).containsExactly("b", "a");
		}
		assertThat(taskIds("page%5Bafter%5D=&page%5Bbefore%5D=")).containsExactly("b", "a");
		assertThat(taskIds("filter%5BtaskIdentifier%5D=a,b,a")).containsExactly("b", "a");
		assertThat(taskIds("filter%5BtaskIdentifier%5D=a,")).containsExactly("a");
		assertThat(taskIds("filter%5BtaskIdentifier%5D=%20a")).isEmpty();
		assertThat(taskIds("filter%5BcreatedAt%5D%5Bfrom%5D=2025-03-01T12:01:00%2B00:00")).containsExactly("b");
		assertQueryError("filter%5Bstatus%5D=COMPLETED,NOPE,,queued", "filter[status]",
				"Invalid status values: NOPE, , queued");
		assertQueryError("filter%5BcreatedAt%5D%5Bfrom%5D=yesterday", "filter[createdAt][from]", "Invalid date");
		assertQueryError("filter%5BcreatedAt%5D%5Bto%5D=2025-03-01T12:00:00", "filter[createdAt][to]", "Invalid date");
		assertQueryError("filter%5BisTest%5D=yes", "filter[isTest]", "Invalid value for isTest: yes");
		assertQueryError("filter%5Bmachine%5D=small-1x,huge,tiny", "filter[machine]", "Invalid machine values: huge, tiny");
	}

	private static void assertQueryError(String query, String parameter, String message) {
		Response response = get("/api/v1/runs?" + query, DEV);
		assertThat(response.status()).as(query).isEqualTo(400);
		assertThat(response.error()).isEqualTo("Query Error");
		JsonNode detail = response.json().get("details").get(0);
		assertThat(detail.get("message").asString()).isEqualTo(message);
		assertThat(detail.get("path").get(0).asString()).isEqualTo(parameter);
	}

	private static List<String> taskIds(String query) {
		List<String> result = new ArrayList<>();
		Response response = get("/api/v1/runs?" + query, DEV);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		response.json().get("data").forEach((item) -> result.add(item.get("taskIdentifier").asString()));
		return result;
	}

	@Test
	void listItemShape() {
		emulator.clock().setInstant(T0);
		trigger("shape", "{\"payload\":1,\"options\":{\"tags\":\"solo\",\"idempotencyKey\":\"ik\"}}");
		JsonNode item = get("/api/v1/runs", DEV).json().get("data").get(0);
		assertThat(item.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(item.get("idempotencyKey").asString()).isEqualTo("ik");
		assertThat(item.get("isQueued").asBoolean()).isFalse();
		assertThat(item.get("isExecuting").asBoolean()).isFalse();
		assertThat(item.get("isWaiting").asBoolean()).isFalse();
		assertThat(item.get("isCompleted").asBoolean()).isTrue();
		assertThat(item.get("isSuccess").asBoolean()).isTrue();
		assertThat(item.get("isFailed").asBoolean()).isFalse();
		assertThat(item.get("isCancelled").asBoolean()).isFalse();
		assertThat(item.get("isTest").asBoolean()).isFalse();
		assertThat(item.get("createdAt").asString()).isEqualTo("2025-03-01T12:00:00.000Z");
		assertThat(item.get("finishedAt").asString()).isEqualTo("2025-03-01T12:00:00.000Z");
		assertThat(item.get("tags").get(0).asString()).isEqualTo("solo");
		assertThat(item.get("costInCents").asInt()).isZero();
		assertThat(item.get("baseCostInCents").asInt()).isZero();
		assertThat(item.get("durationMs").asInt()).isZero();
		assertThat(item.get("env").get("name").asString()).isEqualTo("dev");
		assertThat(item.get("env").get("id").asString()).startsWith("env_");
	}

	@Test
	void projectRunsPathWithAccessToken() {
		trigger("dev-task");
		post("/api/v1/tasks/stg-task/trigger", STG, "{\"payload\":1}");
		String base = "/api/v1/projects/" + PROJECT + "/runs?filter%5Benv%5D=";
		assertThat(get(base + "dev", PAT).json().get("data").get(0).get("taskIdentifier").asString())
			.isEqualTo("dev-task");
		assertThat(get(base + "stg", OAT).json().get("data").get(0).get("taskIdentifier").asString())
			.isEqualTo("stg-task");
		assertThat(get(base + "nope,stg", PAT).json().get("data")).hasSize(1);
		assertThat(get(base + "stg,dev", PAT).json().get("data").get(0).get("taskIdentifier").asString())
			.isEqualTo("stg-task");
		// no environment found: the server's bare 500 (notes 1.4), also without filter[env]
		for (String query : List.of(base + "staging", base, base + "%20dev", "/api/v1/projects/" + PROJECT + "/runs")) {
			Response noEnvironment = get(query, PAT);
			assertThat(noEnvironment.status()).as(query).isEqualTo(500);
			assertThat(noEnvironment.body()).isEqualTo("{\"error\":\"Internal Server Error\"}");
		}
		Response unknownProject = get("/api/v1/projects/proj_nope/runs?filter%5Benv%5D=dev", PAT);
		assertThat(unknownProject.status()).isEqualTo(404);
		assertThat(unknownProject.error()).isEqualTo("Project not found");
	}

	@Test
	void retrieveUnknownRunIs404WithShouldRetry() {
		Response response = get("/api/v3/runs/run_doesnotexist", DEV);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"error\":\"Run not found\"}");
		assertThat(response.header("x-should-retry")).isEqualTo("true");
	}

	@Test
	void cancelQueuedRunButNotAFinishedOne() {
		emulator.taskBehavior("slow", TaskBehavior.staysQueued());
		String queued = trigger("slow");
		assertThat(emulator.runStatus(queued)).isEqualTo(EmulatedRunStatus.QUEUED);
		Response cancel = post("/api/v2/runs/" + queued + "/cancel", DEV, null);
		assertThat(cancel.status()).isEqualTo(200);
		assertThat(cancel.body()).isEqualTo("{\"id\":\"" + queued + "\"}");
		JsonNode run = get("/api/v3/runs/" + queued, DEV).json();
		assertThat(run.get("status").asString()).isEqualTo("CANCELED");
		assertThat(run.get("isCancelled").asBoolean()).isTrue();
		assertThat(run.get("isCompleted").asBoolean()).isTrue();
		String done = trigger("fast");
		assertThat(post("/api/v2/runs/" + done + "/cancel", DEV, null).body()).isEqualTo("{\"id\":\"" + done + "\"}");
		assertThat(emulator.runStatus(done)).isEqualTo(EmulatedRunStatus.COMPLETED);
		assertThat(post("/api/v2/runs/run_nope/cancel", DEV, null).status()).isEqualTo(404);
	}

	@Test
	void replayCreatesANewRunWithTheSamePayload() {
		String original = trigger("replayed", "{\"payload\":{\"k\":\"v\"},\"options\":{\"tags\":[\"t\"]}}");
		Response replay = post("/api/v1/runs/" + original + "/replay", DEV, null);
		assertThat(replay.status()).isEqualTo(200);
		String copy = replay.json().get("id").asString();
		assertThat(copy).isNotEqualTo(original).startsWith("run_");
		JsonNode run = get("/api/v3/runs/" + copy, DEV).json();
		assertThat(run.get("taskIdentifier").asString()).isEqualTo("replayed");
		assertThat(run.get("payload").get("k").asString()).isEqualTo("v");
		assertThat(emulator.runCount()).isEqualTo(2);
		assertThat(post("/api/v1/runs/run_nope/replay", DEV, null).status()).isEqualTo(404);
	}

	@Test
	void clockDrivenStatuses() {
		emulator.clock().setInstant(T0);
		emulator.taskBehavior("long", TaskBehavior.completesAfter(Duration.ofMinutes(5)).withOutput("done"));
		emulator.taskBehavior("broken", TaskBehavior.fails("kaput").after(Duration.ofMinutes(1)));
		String longRun = trigger("long");
		String broken = trigger("broken");
		JsonNode executing = get("/api/v3/runs/" + longRun, DEV).json();
		assertThat(executing.get("status").asString()).isEqualTo("EXECUTING");
		assertThat(executing.get("isExecuting").asBoolean()).isTrue();
		assertThat(executing.has("output")).isFalse();
		emulator.clock().advance(Duration.ofMinutes(2));
		JsonNode failed = get("/api/v3/runs/" + broken, DEV).json();
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("isFailed").asBoolean()).isTrue();
		assertThat(failed.get("error").get("message").asString()).isEqualTo("kaput");
		assertThat(emulator.runStatus(longRun)).isEqualTo(EmulatedRunStatus.EXECUTING);
		emulator.clock().advance(Duration.ofMinutes(3));
		JsonNode completed = get("/api/v3/runs/" + longRun, DEV).json();
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("output").asString()).isEqualTo("done");
		assertThat(completed.get("durationMs").asLong()).isEqualTo(300_000);
		assertThat(completed.get("finishedAt").asString()).isEqualTo("2025-03-01T12:05:00.000Z");
	}

	@Test
	void queuedRunExpiresAfterItsTtl() {
		emulator.clock().setInstant(T0);
		emulator.taskBehavior("q", TaskBehavior.staysQueued());
		String id = trigger("q", "{\"payload\":1,\"options\":{\"ttl\":\"10m\"}}");
		assertThat(emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.QUEUED);
		emulator.clock().advance(Duration.ofMinutes(10));
		JsonNode run = get("/api/v3/runs/" + id, DEV).json();
		assertThat(run.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(run.get("expiredAt").asString()).isEqualTo("2025-03-01T12:10:00.000Z");
	}

	@Test
	void defaultBehaviorApplies() {
		emulator.defaultTaskBehavior(TaskBehavior.fails("all broken"));
		assertThat(emulator.runStatus(trigger("any"))).isEqualTo(EmulatedRunStatus.FAILED);
	}

}
