package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Authentication of every endpoint of the seed table with every kind of credential.
 *
 * @author trigger-spring-boot contributors
 */
class AuthTests extends EmulatorTestSupport {

	private static final String ENVVARS = "/api/v1/projects/" + PROJECT + "/envvars/dev";

	/**
	 * One endpoint of the authentication table.
	 * @param id endpoint id
	 * @param method HTTP method
	 * @param secretPath path used with a secret key, given the fixture
	 * @param patPath path used with an access token, or {@code null} if not allowed
	 * @param body JSON body or {@code null}
	 * @param okStatus status of a successful call
	 * @param notFound error of a resource of another project, or {@code null}
	 */
	record Row(String id, String method, Function<Fixture, String> secretPath, Function<Fixture, String> patPath,
			String body, int okStatus, String notFound) {

		@Override
		public String toString() {
			return this.id;
		}

	}

	record Fixture(String runId, String scheduleId) {
	}

	static List<Row> rows() {
		Function<Fixture, String> envvars = (f) -> ENVVARS;
		Function<Fixture, String> envvar = (f) -> ENVVARS + "/EXISTING";
		return List.of(
				new Row("task.trigger", "POST", (f) -> "/api/v1/tasks/my-task/trigger", null, "{\"payload\":{}}", 200,
						null),
				new Row("task.batchTrigger", "POST", (f) -> "/api/v3/batches", null, "{\"runCount\":1}", 202, null),
				new Row("runs.list", "GET", (f) -> "/api/v1/runs",
						(f) -> "/api/v1/projects/" + PROJECT + "/runs?filter%5Benv%5D=dev", null, 200, null),
				new Row("runs.retrieve", "GET", (f) -> "/api/v3/runs/" + f.runId(), null, null, 200, "Run not found"),
				new Row("runs.cancel", "POST", (f) -> "/api/v2/runs/" + f.runId() + "/cancel", null, null, 200,
						"Run not found"),
				new Row("runs.replay", "POST", (f) -> "/api/v1/runs/" + f.runId() + "/replay", null, null, 200,
						"Run not found"),
				new Row("envvars.list", "GET", envvars, envvars, null, 200, null),
				new Row("envvars.retrieve", "GET", envvar, envvar, null, 200, null),
				new Row("envvars.upload", "POST", (f) -> ENVVARS + "/import", (f) -> ENVVARS + "/import",
						"{\"variables\":{\"A\":\"1\"}}", 200, null),
				new Row("envvars.create", "POST", envvars, envvars, "{\"name\":\"B\",\"value\":\"2\"}", 200, null),
				new Row("envvars.update", "PUT", envvar, envvar, "{\"value\":\"3\"}", 200, null),
				new Row("envvars.del", "DELETE", envvar, envvar, null, 200, null),
				new Row("schedules.list", "GET", (f) -> "/api/v1/schedules", null, null, 200, null),
				new Row("schedules.create", "POST", (f) -> "/api/v1/schedules", null,
						"{\"task\":\"t\",\"cron\":\"0 * * * *\",\"deduplicationKey\":\"k\"}", 200, null),
				new Row("schedules.retrieve", "GET", (f) -> "/api/v1/schedules/" + f.scheduleId(), null, null, 200,
						"Schedule not found"),
				new Row("schedules.update", "PUT", (f) -> "/api/v1/schedules/" + f.scheduleId(), null,
						"{\"task\":\"t\",\"cron\":\"5 * * * *\"}", 200, "Schedule not found"),
				new Row("schedules.activate", "POST", (f) -> "/api/v1/schedules/" + f.scheduleId() + "/activate", null,
						null, 200, "Schedule not found"),
				new Row("schedules.deactivate", "POST", (f) -> "/api/v1/schedules/" + f.scheduleId() + "/deactivate",
						null, null, 200, "Schedule not found"),
				new Row("schedules.del", "DELETE", (f) -> "/api/v1/schedules/" + f.scheduleId(), null, null, 200,
						"Schedule not found"),
				new Row("packets.upload", "PUT", (f) -> "/api/v2/packets/trigger%2Ft%2F1-a%2Fpayload.json", null, null,
						200, null),
				new Row("idempotencyKeys.reset", "POST", (f) -> "/api/v1/idempotencyKeys/seeded-key/reset", null,
						"{\"taskIdentifier\":\"seeded-task\"}", 200,
						"No runs found with idempotency key: seeded-key and task: seeded-task"));
	}

	static Stream<Arguments> table() {
		return rows().stream().map(Arguments::of);
	}

	private static Fixture fixture() {
		String runId = emulator
			.seedRun(RunSeed.of("seeded-task").behavior(TaskBehavior.staysQueued()).idempotencyKey("seeded-key"));
		String scheduleId = emulator.seedSchedule(ScheduleSeed.of("seeded-task", "0 0 * * *", "seeded"));
		emulator.seedEnvVar(PROJECT, EmulatedEnvironment.DEV, null, "EXISTING", "value");
		return new Fixture(runId, scheduleId);
	}

	private static Response send(Row row, String path, String token) {
		String contentType = (row.body() != null) ? "application/json" : null;
		return call(row.method(), path, token, contentType, row.body());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void withoutAuthorizationHeaderIs401(Row row) {
		Fixture fixture = fixture();
		Response response = send(row, row.secretPath().apply(fixture), null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"No authorization header provided\"}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void withUnknownTokenIs401(Row row) {
		Fixture fixture = fixture();
		for (String token : List.of("tr_dev_unknownKey000000000000000", "tr_pat_" + "a".repeat(40), "garbage")) {
			Response response = send(row, row.secretPath().apply(fixture), token);
			assertThat(response.status()).as(token).isEqualTo(401);
			assertThat(response.error()).isEqualTo("Invalid API Key");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void withSecretKeySucceeds(Row row) {
		emulator.clock().setInstant(Instant.parse("2025-03-01T10:00:00Z"));
		Fixture fixture = fixture();
		Response response = send(row, row.secretPath().apply(fixture), DEV);
		assertThat(response.status()).as(response.body()).isEqualTo(row.okStatus());
		assertThat(response.header("x-ratelimit-limit")).isEqualTo("1500");
		assertThat(response.header("x-ratelimit-remaining")).isEqualTo("1499");
		assertThat(response.header("x-ratelimit-reset"))
			.isEqualTo(String.valueOf(Instant.parse("2025-03-01T10:01:00Z").toEpochMilli()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void withAccessTokens(Row row) {
		Fixture fixture = fixture();
		for (String token : List.of(PAT, OAT)) {
			if (row.patPath() == null) {
				Response response = send(row, row.secretPath().apply(fixture), token);
				assertThat(response.status()).as(token).isEqualTo(401);
				assertThat(response.body()).isEqualTo("{\"error\":\"Invalid API Key\"}");
			}
			else {
				fixture = fixture();
				Response response = send(row, row.patPath().apply(fixture), token);
				assertThat(response.status()).as(token + " " + response.body()).isEqualTo(row.okStatus());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void withCredentialsOfAnotherProject(Row row) {
		EmulatorProject other = emulator.addProject("proj_other");
		String otherPat = emulator.addPersonalAccessToken("proj_other");
		String otherOat = emulator.addOrganizationAccessToken("proj_other");
		Fixture fixture = fixture();
		String otherKey = other.secretKey(EmulatedEnvironment.DEV);
		if (row.patPath() != null) {
			for (String token : List.of(otherPat, otherOat)) {
				Response response = send(row, row.patPath().apply(fixture), token);
				assertThat(response.status()).isEqualTo(404);
				assertThat(response.body()).isEqualTo("{\"error\":\"Project not found\"}");
			}
		}
		Response response = send(row, row.secretPath().apply(fixture), otherKey);
		if (row.id().startsWith("envvars.")) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.error()).isEqualTo("Invalid project ref for this API key");
		}
		else if (row.notFound() != null) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.error()).isEqualTo(row.notFound());
		}
		else {
			assertThat(response.status()).isEqualTo(row.okStatus());
		}
	}

	@Test
	void secretKeyOnProjectRunsPathIs401() {
		Response response = get("/api/v1/projects/" + PROJECT + "/runs?filter%5Benv%5D=dev", DEV);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.error()).isEqualTo("Invalid or Missing API key");
	}

	@Test
	void timezonesNeedNoAuthentication() {
		Response response = get("/api/v1/timezones", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("timezones").get(0).asString()).isEqualTo("UTC");
		Response excluded = get("/api/v1/timezones?excludeUtc=true", null);
		assertThat(excluded.json().get("timezones").get(0).asString()).isNotEqualTo("UTC");
		assertThat(excluded.body()).contains("\"Europe/Paris\"").doesNotContain("\"UTC\"");
	}

	@Test
	void everyEnvironmentKeyIsRecognised() {
		for (String key : List.of(DEV, STG, PROD)) {
			assertThat(get("/api/v1/runs", key).status()).as(key).isEqualTo(200);
		}
		assertThat(get("/api/v1/runs", PREVIEW, "x-trigger-branch", EmulatorAccount.PREVIEW_BRANCH).status())
			.isEqualTo(200);
	}

	@Test
	void previewKeyRequiresBranchHeader() {
		Response missing = get("/api/v1/runs", PREVIEW);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body()).isEqualTo("{\"error\":\"x-trigger-branch header required for preview env\"}");
		Response unknown = get("/api/v1/runs", PREVIEW, "x-trigger-branch", "nope");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.body()).isEqualTo("{\"error\":\"No matching branch env\"}");
		Response refs = get("/api/v1/runs", PREVIEW, "x-trigger-branch", "refs/heads/" + EmulatorAccount.PREVIEW_BRANCH);
		assertThat(refs.status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { DEV, STG, PROD })
	void branchHeaderHasNoEffectWithDevStagingAndProdKeys(String key) {
		emulator.clock().setInstant(Instant.parse("2025-03-01T10:00:00Z"));
		String slug = EmulatedEnvironment.fromSecretKey(key).orElseThrow().slug();
		emulator.seedEnvVar(PROJECT, EmulatedEnvironment.fromSecretKey(key).orElseThrow(), null, "REGION", "eu");
		List<String> branches = List.of("alice", "default", "refs/heads/feature-x", "refs/other/x",
				EmulatorAccount.PREVIEW_BRANCH);
		for (String branch : branches) {
			Response triggered = post("/api/v1/tasks/t/trigger", key, "{\"payload\":1}", "x-trigger-branch", branch);
			assertThat(triggered.status()).as(branch).isEqualTo(200);
		}
		Response runs = get("/api/v1/runs", key);
		assertThat(runs.json().get("data")).hasSize(branches.size());
		Response envVars = get("/api/v1/projects/" + PROJECT + "/envvars/" + slug, key);
		assertThat(envVars.body()).isEqualTo("[{\"name\":\"REGION\",\"value\":\"eu\",\"isSecret\":false}]");
		for (String branch : branches) {
			assertThat(get("/api/v1/runs", key, "x-trigger-branch", branch).body()).as(branch).isEqualTo(runs.body());
			assertThat(get("/api/v1/projects/" + PROJECT + "/envvars/" + slug, key, "x-trigger-branch", branch)
				.body()).as(branch).isEqualTo(envVars.body());
		}
	}

	@Test
	void seedingABranchOutsideThePreviewEnvironmentFails() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> emulator.seedRun(RunSeed.of("t").in(EmulatedEnvironment.DEV).branch("alice")))
			.withMessage("Only the preview environment has branches");
	}

	@Test
	void previewBranchesIsolateRuns() {
		emulator.addPreviewBranch(PROJECT, "feature-x");
		post("/api/v1/tasks/t/trigger", PREVIEW, "{\"payload\":1}", "x-trigger-branch", "feature-x");
		assertThat(get("/api/v1/runs", PREVIEW, "x-trigger-branch", "feature-x").json().get("data")).hasSize(1);
		assertThat(get("/api/v1/runs", PREVIEW, "x-trigger-branch", EmulatorAccount.PREVIEW_BRANCH).json()
			.get("data")).isEmpty();
	}

	@Test
	void unknownRouteIs404AndWrongMethodIs405() {
		Response unknown = get("/api/v1/nope", DEV);
		assertThat(unknown.status()).isEqualTo(404);
		Response wrongMethod = delete("/api/v1/runs", DEV);
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.body()).isEqualTo("{\"error\":\"Method not allowed\"}");
		assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
	}

	@Test
	void jsonBodiesRequireJsonContentTypeAndValidJson() {
		Response wrongType = call("POST", "/api/v1/tasks/t/trigger", DEV, "text/plain", "{}");
		assertThat(wrongType.status()).isEqualTo(415);
		Response malformed = post("/api/v1/tasks/t/trigger", DEV, "{nope");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).isEqualTo("{\"error\":\"Invalid JSON\"}");
		Response charset = call("POST", "/api/v1/tasks/t/trigger", DEV, "application/json; charset=utf-8", "{}");
		assertThat(charset.status()).isEqualTo(200);
	}

}
