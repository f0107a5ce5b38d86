package io.github.triggerspring.emulator;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Environment variables (including preview branches) and schedules.
 *
 * @author trigger-spring-boot contributors
 */
class EnvVarsAndSchedulesTests extends EmulatorTestSupport {

	private static final String BASE = "/api/v1/projects/" + PROJECT + "/envvars/";

	@Test
	void envVarCrudWithSecretKey() {
		assertThat(post(BASE + "dev", DEV, "{\"name\":\"A\",\"value\":\"1\"}").body()).isEqualTo("{\"success\":true}");
		post(BASE + "dev", DEV, "{\"name\":\"S\",\"value\":\"hidden\",\"isSecret\":true}");
		assertThat(get(BASE + "dev", DEV).body()).isEqualTo(
				"[{\"name\":\"A\",\"value\":\"1\",\"isSecret\":false},{\"name\":\"S\",\"value\":\"<redacted>\",\"isSecret\":true}]");
		assertThat(get(BASE + "dev/A", DEV).body()).isEqualTo("{\"name\":\"A\",\"value\":\"1\",\"isSecret\":false}");
		put(BASE + "dev/A", DEV, "{\"value\":\"2\"}");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.DEV, null, "A")).isEqualTo("2");
		post(BASE + "dev", DEV, "{\"name\":\"A\",\"value\":\"3\"}");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.DEV, null, "A")).isEqualTo("3");
		assertThat(delete(BASE + "dev/A", DEV).status()).isEqualTo(200);
		Response missing = get(BASE + "dev/A", DEV);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).isEqualTo("{\"error\":\"Environment variable not found\"}");
		assertThat(put(BASE + "dev/A", DEV, "{\"value\":\"x\"}").status()).isEqualTo(404);
		assertThat(delete(BASE + "dev/A", DEV).status()).isEqualTo(404);
	}

	@Test
	void secretKeyMustMatchEnvironmentAndStagingIsAnAlias() {
		Response wrongEnv = get(BASE + "prod", DEV);
		assertThat(wrongEnv.status()).isEqualTo(400);
		assertThat(wrongEnv.error()).isEqualTo("Invalid environment slug for this API key");
		assertThat(get(BASE + "staging", STG).status()).isEqualTo(200);
		assertThat(get(BASE + "stg", STG).status()).isEqualTo(200);
		post(BASE + "staging", PAT, "{\"name\":\"X\",\"value\":\"1\"}");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.STAGING, null, "X")).isEqualTo("1");
		Response unknown = get(BASE + "qa", PAT);
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void uploadKeepsExistingWithoutOverride() {
		emulator.seedEnvVar(PROJECT, EmulatedEnvironment.PROD, null, "KEEP", "old");
		post(BASE + "prod/import", PROD, "{\"variables\":{\"KEEP\":\"new\",\"ADD\":\"a\"}}");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.PROD, null, "KEEP")).isEqualTo("old");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.PROD, null, "ADD")).isEqualTo("a");
		post(BASE + "prod/import", PROD, "{\"variables\":{\"KEEP\":\"new\"},\"override\":true}");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.PROD, null, "KEEP")).isEqualTo("new");
		assertThat(post(BASE + "prod/import", PROD, "{\"override\":true}").status()).isEqualTo(400);
	}

	@Test
	void previewBranchesWithAccessTokenAndSecretKey() {
		String branch = EmulatorAccount.PREVIEW_BRANCH;
		emulator.seedEnvVar(PROJECT, EmulatedEnvironment.PREVIEW, null, "PARENT", "p");
		post(BASE + "preview", PAT, "{\"name\":\"ON_BRANCH\",\"value\":\"b\"}", "x-trigger-branch", branch);
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.PREVIEW, branch, "ON_BRANCH")).isEqualTo("b");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.PREVIEW, null, "ON_BRANCH")).isNull();
		JsonNode branchList = get(BASE + "preview", PREVIEW, "x-trigger-branch", branch).json();
		assertThat(branchList).hasSize(2);
		JsonNode parentList = get(BASE + "preview", PAT).json();
		assertThat(parentList).hasSize(1);
		assertThat(parentList.get(0).get("name").asString()).isEqualTo("PARENT");
		Response unknownBranch = get(BASE + "preview", PAT, "x-trigger-branch", "nope");
		assertThat(unknownBranch.status()).isEqualTo(404);
		assertThat(unknownBranch.body()).isEqualTo("{\"error\":\"Branch not found\"}");
		Response noBranchKey = get(BASE + "preview", PREVIEW);
		assertThat(noBranchKey.status()).isEqualTo(401);
		post(BASE + "preview/import", PAT, "{\"variables\":{\"V\":\"1\"},\"parentVariables\":{\"PV\":\"2\"}}",
				"x-trigger-branch", branch);
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.PREVIEW, branch, "V")).isEqualTo("1");
		assertThat(emulator.envVar(PROJECT, EmulatedEnvironment.PREVIEW, null, "PV")).isEqualTo("2");
	}

	@Test
	void scheduleUpsertByDeduplicationKey() {
		emulator.clock().setInstant(Instant.parse("2025-01-01T10:30:00Z"));
		Response created = post("/api/v1/schedules", DEV,
				"{\"task\":\"daily\",\"cron\":\"0 12 * * *\",\"deduplicationKey\":\"d1\",\"externalId\":\"u1\",\"timezone\":\"Europe/Paris\"}");
		assertThat(created.status()).isEqualTo(200);
		JsonNode schedule = created.json();
		String id = schedule.get("id").asString();
		assertThat(id).matches("sched_[a-z0-9]{24}");
		assertThat(schedule.get("type").asString()).isEqualTo("IMPERATIVE");
		assertThat(schedule.get("active").asBoolean()).isTrue();
		assertThat(schedule.get("generator").get("type").asString()).isEqualTo("CRON");
		assertThat(schedule.get("generator").get("expression").asString()).isEqualTo("0 12 * * *");
		assertThat(schedule.get("generator").get("description").asString()).isEqualTo("At 12:00");
		assertThat(schedule.get("timezone").asString()).isEqualTo("Europe/Paris");
		assertThat(schedule.get("nextRun").asString()).isEqualTo("2025-01-01T11:00:00.000Z");
		assertThat(schedule.get("environments").get(0).get("type").asString()).isEqualTo("DEVELOPMENT");
		Response upsert = post("/api/v1/schedules", DEV,
				"{\"task\":\"daily\",\"cron\":\"*/5 * * * *\",\"deduplicationKey\":\"d1\"}");
		assertThat(upsert.json().get("id").asString()).isEqualTo(id);
		assertThat(upsert.json().get("generator").get("expression").asString()).isEqualTo("*/5 * * * *");
		assertThat(post("/api/v1/schedules/" + id + "/deactivate", DEV, null).json().get("active").asBoolean())
			.isFalse();
		assertThat(post("/api/v1/schedules/" + id + "/activate", DEV, null).json().get("active").asBoolean())
			.isTrue();
		JsonNode updated = put("/api/v1/schedules/" + id, DEV, "{\"task\":\"other\",\"cron\":\"0 0 * * MON\"}")
			.json();
		assertThat(updated.get("task").asString()).isEqualTo("other");
		assertThat(delete("/api/v1/schedules/" + id, DEV).body()).isEqualTo("{\"id\":\"" + id + "\"}");
		Response gone = get("/api/v1/schedules/" + id, DEV);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.error()).isEqualTo("Schedule not found");
	}

	@Test
	void invalidCronIs422AndMissingFieldsAre400() {
		Response badCron = post("/api/v1/schedules", DEV,
				"{\"task\":\"t\",\"cron\":\"61 * * * *\",\"deduplicationKey\":\"k\"}");
		assertThat(badCron.status()).isEqualTo(422);
		assertThat(badCron.error()).startsWith("Invalid cron expression");
		Response badZone = post("/api/v1/schedules", DEV,
				"{\"task\":\"t\",\"cron\":\"* * * * *\",\"deduplicationKey\":\"k\",\"timezone\":\"Mars/Base\"}");
		assertThat(badZone.status()).isEqualTo(422);
		assertThat(post("/api/v1/schedules", DEV, "{\"task\":\"t\",\"cron\":\"* * * * *\"}").status())
			.isEqualTo(400);
	}

	@Test
	void scheduleOffsetPaging() {
		for (int i = 0; i < 45; i++) {
			emulator.seedSchedule(ScheduleSeed.of("t", "0 * * * *", "k" + i));
		}
		JsonNode first = get("/api/v1/schedules", DEV).json();
		assertThat(first.get("data")).hasSize(20);
		assertThat(first.get("pagination").toString()).isEqualTo("{\"currentPage\":1,\"totalPages\":3,\"count\":45}");
		JsonNode third = get("/api/v1/schedules?page=3", DEV).json();
		assertThat(third.get("data")).hasSize(5);
		assertThat(third.get("data").get(4).get("deduplicationKey").asString()).isEqualTo("k44");
		JsonNode clamped = get("/api/v1/schedules?perPage=500", DEV).json();
		assertThat(clamped.get("data")).hasSize(45);
		assertThat(clamped.get("pagination").get("totalPages").asInt()).isEqualTo(1);
		assertThat(get("/api/v1/schedules?page=2&perPage=10", DEV).json().get("data").get(0).get("deduplicationKey")
			.asString()).isEqualTo("k10");
		assertThat(get("/api/v1/schedules", PROD).json().get("data")).isEmpty();
	}

}
