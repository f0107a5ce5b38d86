package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues and deployments.
 *
 * @author trigger-spring-boot contributors
 */
class QueuesAndDeploymentsTests extends EmulatorTestSupport {

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.250Z");

	@Test
	void listsTheQueuesOfRegisteredTasksAndOfRunsInTheEnvironment() {
		emulator.registerTasks("send-email");
		emulator.seedRun(RunSeed.of("process-order").queue("shared/orders"));
		emulator.seedRun(RunSeed.of("other-env-task").in(EmulatedEnvironment.PROD));
		Response response = get("/api/v1/queues", DEV);
		assertThat(response.status()).isEqualTo(200);
		JsonNode data = response.json().get("data");
		assertThat(data).hasSize(3);
		assertThat(data.get(0).get("name").asString()).isEqualTo("process-order");
		assertThat(data.get(0).get("type").asString()).isEqualTo("task");
		assertThat(data.get(1).get("name").asString()).isEqualTo("send-email");
		assertThat(data.get(2).get("name").asString()).isEqualTo("shared/orders");
		assertThat(data.get(2).get("type").asString()).isEqualTo("custom");
		assertThat(data.get(2).get("queued").asInt() + data.get(2).get("running").asInt()).isZero();
		assertThat(data.get(0).get("id").asString()).startsWith("queue_");
		assertThat(data.get(0).get("paused").asBoolean()).isFalse();
		assertThat(data.get(0).get("concurrencyLimit").isNull()).isTrue();
		assertThat(response.json().get("pagination").toString())
			.isEqualTo("{\"currentPage\":1,\"totalPages\":1,\"count\":3}");
	}

	@Test
	void listPagesByPageAndPerPage() {
		emulator.registerTasks("a", "b", "c");
		JsonNode page = get("/api/v1/queues?perPage=2&page=2", DEV).json();
		assertThat(page.get("data")).hasSize(1);
		assertThat(page.get("data").get(0).get("name").asString()).isEqualTo("c");
		assertThat(page.get("pagination").toString()).isEqualTo("{\"currentPage\":2,\"totalPages\":2,\"count\":3}");
	}

	@Test
	void countsQueuedRunsOfATaskQueue() {
		emulator.taskBehavior("slow", TaskBehavior.staysQueued());
		trigger("slow");
		JsonNode queue = get("/api/v1/queues/slow?type=task", DEV).json();
		assertThat(queue.get("queued").asInt()).isEqualTo(1);
		assertThat(queue.get("running").asInt()).isZero();
	}

	@Test
	void pauseAndResumeKeepTheFlagAndAreJournaledAsTwoEndpoints() {
		emulator.registerTasks("process-order");
		Response paused = post("/api/v1/queues/process-order/pause", DEV, "{\"type\":\"task\",\"action\":\"pause\"}");
		assertThat(paused.status()).isEqualTo(200);
		assertThat(paused.json().get("paused").asBoolean()).isTrue();
		String id = paused.json().get("id").asString();
		assertThat(get("/api/v1/queues/" + id, DEV).json().get("paused").asBoolean()).isTrue();
		Response resumed = post("/api/v1/queues/" + id + "/pause", DEV, "{\"type\":\"id\",\"action\":\"resume\"}");
		assertThat(resumed.json().get("paused").asBoolean()).isFalse();
		assertThat(emulator.journal().count(EmulatorEndpoint.QUEUES_PAUSE)).isOne();
		assertThat(emulator.journal().count(EmulatorEndpoint.QUEUES_RESUME)).isOne();
	}

	@Test
	void aPausedQueueHoldsItsRunsInQueuedUntilResumedWhileExecutingRunsGoOn() {
		emulator.clock().setInstant(NOW);
		emulator.taskBehavior("process-order", TaskBehavior.completesAfter(Duration.ofHours(1)));
		String executing = trigger("process-order");
		emulator.taskBehavior("process-order", TaskBehavior.completesAfter(Duration.ofHours(1))
			.queuedFor(Duration.ofMinutes(1)));
		String waiting = trigger("process-order");
		Response paused = post("/api/v1/queues/process-order/pause", DEV, "{\"type\":\"task\",\"action\":\"pause\"}");
		assertThat(paused.json().get("paused").asBoolean()).isTrue();
		assertThat(paused.json().get("queued").asInt()).isEqualTo(1);
		assertThat(paused.json().get("running").asInt()).isEqualTo(1);
		String triggeredWhilePaused = trigger("process-order");
		emulator.clock().advance(Duration.ofHours(2));
		assertThat(emulator.runStatus(executing)).isEqualTo(EmulatedRunStatus.COMPLETED);
		assertThat(emulator.runStatus(waiting)).isEqualTo(EmulatedRunStatus.QUEUED);
		assertThat(emulator.runStatus(triggeredWhilePaused)).isEqualTo(EmulatedRunStatus.QUEUED);
		JsonNode queue = get("/api/v1/queues/process-order?type=task", DEV).json();
		assertThat(queue.get("queued").asInt()).isEqualTo(2);
		assertThat(queue.get("running").asInt()).isZero();
		assertThat(get("/api/v3/runs/" + waiting, DEV).json().get("startedAt")).isNull();
		post("/api/v1/queues/process-order/pause", DEV, "{\"type\":\"task\",\"action\":\"resume\"}");
		assertThat(emulator.runStatus(waiting)).isEqualTo(EmulatedRunStatus.EXECUTING);
		assertThat(emulator.runStatus(triggeredWhilePaused)).isEqualTo(EmulatedRunStatus.EXECUTING);
		assertThat(get("/api/v3/runs/" + waiting, DEV).json().get("startedAt").asString())
			.isEqualTo("2025-03-01T12:00:00.250Z");
		emulator.clock().advance(Duration.ofHours(1));
		assertThat(emulator.runStatus(waiting)).isEqualTo(EmulatedRunStatus.COMPLETED);
		assertThat(emulator.runStatus(triggeredWhilePaused)).isEqualTo(EmulatedRunStatus.COMPLETED);
	}

	@Test
	void pausingOneQueueHoldsNoRunOfAnother() {
		emulator.registerTasks("process-order", "send-email");
		post("/api/v1/queues/process-order/pause", DEV, "{\"type\":\"task\",\"action\":\"pause\"}");
		String other = trigger("send-email");
		String custom = trigger("process-order", "{\"payload\":1,\"options\":{\"queue\":{\"name\":\"orders\"}}}");
		assertThat(emulator.runStatus(other)).isEqualTo(EmulatedRunStatus.COMPLETED);
		assertThat(emulator.runStatus(custom)).isEqualTo(EmulatedRunStatus.COMPLETED);
	}

	@Test
	void customQueueNameWithASlashIsFoundWhenDoublyEncoded() {
		emulator.seedRun(RunSeed.of("t").queue("shared/orders"));
		Response response = get("/api/v1/queues/shared%252Forders?type=custom", DEV);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("shared/orders");
	}

	@Test
	void overrideAndResetTheConcurrencyLimit() {
		emulator.clock().setInstant(NOW);
		emulator.registerTasks("process-order");
		Response overridden = post("/api/v1/queues/process-order/concurrency/override", DEV,
				"{\"type\":\"task\",\"concurrencyLimit\":3}");
		assertThat(overridden.status()).isEqualTo(200);
		assertThat(overridden.json().get("concurrencyLimit").asInt()).isEqualTo(3);
		assertThat(overridden.json().get("concurrency").toString()).isEqualTo("{\"current\":3,\"base\":null,"
				+ "\"override\":3,\"overriddenAt\":\"2025-03-01T10:00:00.250Z\",\"overriddenBy\":null}");
		Response reset = post("/api/v1/queues/process-order/concurrency/reset", DEV, "{\"type\":\"task\"}");
		assertThat(reset.json().get("concurrencyLimit").isNull()).isTrue();
		Response again = post("/api/v1/queues/process-order/concurrency/reset", DEV, "{\"type\":\"task\"}");
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.error()).isEqualTo("Queue is not overridden");
	}

	@Test
	void refusesAnInvalidLimitAndAnUnknownQueue() {
		emulator.registerTasks("t");
		assertThat(post("/api/v1/queues/t/concurrency/override", DEV, "{\"type\":\"task\",\"concurrencyLimit\":-1}")
			.status()).isEqualTo(400);
		Response missing = get("/api/v1/queues/nope?type=task", DEV);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.error()).isEqualTo("Queue not found");
		assertThat(get("/api/v1/queues/t?type=bogus", DEV).status()).isEqualTo(400);
	}

	@Test
	void queuesAndDeploymentsNeedASecretKey() {
		assertThat(get("/api/v1/queues", PAT).status()).isEqualTo(401);
		assertThat(get("/api/v1/deployments", PAT).status()).isEqualTo(401);
		assertThat(get("/api/v1/deployments/current", null).status()).isEqualTo(401);
	}

	@Test
	void engineVersionErrorCanBeInjected() {
		emulator.faults()
			.inject(EmulatorEndpoint.QUEUES_LIST, Fault.status(400).body("{\"error\":\"engine-version\"}"));
		Response response = get("/api/v1/queues", DEV);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.error()).isEqualTo("engine-version");
	}

	@Test
	void listsSeededDeploymentsMostRecentFirstWithCursorPaging() {
		for (int i = 1; i <= 6; i++) {
			emulator.seedDeployment(DeploymentSeed.of("20250301." + i).createdAt(NOW.plusSeconds(i)));
		}
		emulator.seedDeployment(DeploymentSeed.of("20250301.9").in(EmulatedEnvironment.PROD));
		JsonNode first = get("/api/v1/deployments?page%5Bsize%5D=5", DEV).json();
		assertThat(first.get("data")).hasSize(5);
		assertThat(first.get("data").get(0).get("version").asString()).isEqualTo("20250301.6");
		String next = first.get("pagination").get("next").asString();
		assertThat(next).isEqualTo(first.get("data").get(4).get("id").asString());
		JsonNode second = get("/api/v1/deployments?page%5Bsize%5D=5&page%5Bafter%5D=" + next, DEV).json();
		assertThat(second.get("data")).hasSize(1);
		assertThat(second.get("data").get(0).get("version").asString()).isEqualTo("20250301.1");
		assertThat(second.get("pagination").has("next")).isFalse();
	}

	@Test
	void filtersDeploymentsByStatusAndCreationTime() {
		emulator.clock().setInstant(NOW);
		emulator.seedDeployment(DeploymentSeed.of("1").createdAt(NOW.minus(Duration.ofDays(10))));
		emulator.seedDeployment(DeploymentSeed.of("2").status(EmulatedDeploymentStatus.FAILED).createdAt(NOW));
		assertThat(get("/api/v1/deployments?status=FAILED", DEV).json().get("data").get(0).get("version").asString())
			.isEqualTo("2");
		assertThat(get("/api/v1/deployments?status=FAILED,FAILED,DEPLOYED", DEV).json().get("data")).hasSize(2);
		assertThat(get("/api/v1/deployments?status=&period=", DEV).json().get("data")).hasSize(2);
		assertThat(get("/api/v1/deployments?period=7d", DEV).json().get("data")).hasSize(1);
		assertThat(get("/api/v1/deployments?from=2025-02-01T00%3A00%3A00.000Z&to=2025-02-25T00%3A00%3A00.000Z", DEV)
			.json()
			.get("data")).hasSize(1);
	}

	@Test
	void currentLatestRetrieveAndPromote() {
		String first = emulator.seedDeployment(DeploymentSeed.of("20250301.1").createdAt(NOW).tasks("process-order"));
		emulator.seedDeployment(DeploymentSeed.of("20250301.2").createdAt(NOW.plusSeconds(60)));
		emulator.seedDeployment(DeploymentSeed.of("20250301.3")
			.status(EmulatedDeploymentStatus.FAILED)
			.createdAt(NOW.plusSeconds(120)));
		assertThat(get("/api/v1/deployments/current", DEV).json().get("version").asString()).isEqualTo("20250301.2");
		assertThat(get("/api/v1/deployments/latest", DEV).json().get("version").asString()).isEqualTo("20250301.3");
		JsonNode details = get("/api/v1/deployments/" + first, DEV).json();
		assertThat(details.get("worker").get("tasks").get(0).get("slug").asString()).isEqualTo("process-order");
		Response promoted = post("/api/v1/deployments/20250301.1/promote", DEV, null);
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.json().get("id").asString()).isEqualTo(first);
		assertThat(get("/api/v1/deployments/current", DEV).json().get("id").asString()).isEqualTo(first);
		assertThat(post("/api/v1/deployments/20250301.3/promote", DEV, null).status()).isEqualTo(400);
		assertThat(post("/api/v1/deployments/nope/promote", DEV, null).status()).isEqualTo(404);
		assertThat(get("/api/v1/deployments/" + first, PROD).status()).isEqualTo(404);
		assertThat(get("/api/v1/queues/process-order?type=task", DEV).status()).isEqualTo(200);
	}

	@Test
	void environmentWithoutDeploymentsAnswers404() {
		assertThat(get("/api/v1/deployments/current", DEV).error()).isEqualTo("No current deployment found");
		assertThat(get("/api/v1/deployments/latest", DEV).status()).isEqualTo(404);
	}

	@Test
	void deploymentRoutesCountAgainstTheirOwnRateLimitWindow() {
		emulator.clock().setInstant(NOW);
		get("/api/v1/runs", DEV);
		Response general = get("/api/v1/runs", DEV);
		Response deployments = get("/api/v1/deployments", DEV);
		Response current = get("/api/v1/deployments/current", DEV);
		assertThat(general.header("x-ratelimit-remaining")).isEqualTo(String.valueOf(ApiRouter.RATE_LIMIT - 2));
		assertThat(deployments.header("x-ratelimit-remaining")).isEqualTo(String.valueOf(ApiRouter.RATE_LIMIT - 1));
		assertThat(current.header("x-ratelimit-remaining")).isEqualTo(String.valueOf(ApiRouter.RATE_LIMIT - 3));
	}

	@Test
	void rateLimitFaultOnADeploymentRouteAnswersLikeTheApiLimiter() {
		emulator.clock().setInstant(NOW);
		emulator.faults().inject(EmulatorEndpoint.DEPLOYMENTS_PROMOTE, Fault.rateLimited(Duration.ofSeconds(2)));
		emulator.seedDeployment(DeploymentSeed.of("1"));
		Response limited = post("/api/v1/deployments/1/promote", DEV, null);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(limited.header("x-ratelimit-reset")).isEqualTo(String.valueOf(NOW.plusSeconds(2).toEpochMilli()));
		assertThat(limited.json().get("secondsUntilReset").asInt()).isEqualTo(2);
		assertThat(post("/api/v1/deployments/1/promote", DEV, null).status()).isEqualTo(200);
	}

}
