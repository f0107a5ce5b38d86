package io.github.triggerspring.samples.orders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatedWaitpointStatus;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.RecordedTrigger;
import io.github.triggerspring.emulator.TaskBehavior;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.schedules.Schedule;
import io.github.triggerspring.tasks.IdempotencyKeys;
import io.github.triggerspring.test.AutoConfigureTriggerEmulator;
import io.github.triggerspring.test.EmulatorCredentials;
import org.assertj.core.api.InstanceOfAssertFactories;
import io.github.triggerspring.test.RunStateDriver;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the order service against the in-JVM Trigger.dev emulator.
 *
 * @author trigger-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "trigger.retry.initial-backoff=10ms", "trigger.retry.max-backoff=40ms",
				"trigger.webhooks.secret=" + OrderServiceApplicationTests.WEBHOOK_SECRET })
@AutoConfigureWebTestClient
@AutoConfigureTriggerEmulator(credentials = EmulatorCredentials.BOTH)
class OrderServiceApplicationTests {

	static final String WEBHOOK_SECRET = "whsec_order_service_test";

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient web;

	@Autowired
	private TriggerEmulator emulator;

	@Autowired
	private DailyReportSchedule dailyReportSchedule;

	@Test
	void placingAnOrderTriggersProcessOrderWithTheOrderIdAsIdempotencyKey() {
		Map<String, Object> first = placeOrder("order-1234");
		Map<String, Object> again = placeOrder("order-1234");
		assertThat(first).containsEntry("orderId", "order-1234").containsEntry("cached", false);
		assertThat(again).containsEntry("runId", first.get("runId")).containsEntry("cached", true);
		List<RecordedTrigger> triggers = this.emulator.journal().triggers("process-order");
		assertThat(triggers).hasSize(2);
		assertThat(triggers.get(0).payload()).isEqualTo(Map.of("amount", 42));
		assertThat(triggers.get(0).idempotencyKey()).isEqualTo(IdempotencyKeys.hash("order-1234"));
		assertThat(triggers.get(0).tags()).containsExactly("order:order-1234");
	}

	@Test
	void showsTheStatusOfARun() {
		String runId = (String) placeOrder("order-1").get("runId");
		Map<String, Object> run = this.web.get()
			.uri("/runs/{runId}", runId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(run).containsEntry("id", runId)
			.containsEntry("task", "process-order")
			.containsEntry("status", "COMPLETED")
			.containsEntry("completed", true);
	}

	@Test
	void waitsForTheResultOfAnOrder() {
		this.emulator.taskBehavior("process-order", TaskBehavior.completes().withOutput(Map.of("invoice", "inv_1")));
		String runId = (String) placeOrder("order-done").get("runId");
		Map<String, Object> result = this.web.get()
			.uri("/orders/{orderId}/result?maxWait=5s", "order-done")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(result).containsEntry("orderId", "order-done")
			.containsEntry("runId", runId)
			.containsEntry("status", "COMPLETED")
			.containsEntry("output", Map.of("invoice", "inv_1"));
	}

	@Test
	void waitingForAnOrderThatDoesNotFinishEndsWithAGatewayTimeout() {
		this.emulator.taskBehavior("process-order", TaskBehavior.staysQueued());
		placeOrder("order-stuck");
		this.web.get()
			.uri("/orders/{orderId}/result?maxWait=200ms", "order-stuck")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectBody(JSON)
			.value((body) -> assertThat((String) body.get("error")).contains("WaitOptions.maxWait"));
	}

	@Test
	void streamsTheStatusOfAnOrderAsServerSentEventsUntilItsRunFinished() {
		RunStateDriver orders = RunStateDriver.forTask(this.emulator, "process-order");
		try {
			String runId = (String) placeOrder("order-live").get("runId");
			Flux<ServerSentEvent<Map<String, Object>>> events = this.web.get()
				.uri("/orders/{orderId}/status", "order-live")
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
				})
				.getResponseBody();
			StepVerifier.create(events)
				.assertNext((event) -> assertStatus(event, runId, "QUEUED"))
				.then(orders::startExecuting)
				.assertNext((event) -> assertStatus(event, runId, "EXECUTING"))
				.then(orders::complete)
				.assertNext((event) -> assertStatus(event, runId, "COMPLETED"))
				.expectComplete()
				.verify(Duration.ofSeconds(30));
		}
		finally {
			this.emulator.clock().useSystemTime();
		}
	}

	private static void assertStatus(ServerSentEvent<Map<String, Object>> event, String runId, String status) {
		assertThat(event.event()).isEqualTo("status");
		assertThat(event.data()).containsEntry("runId", runId)
			.containsEntry("status", status)
			.containsEntry("finished", "COMPLETED".equals(status));
	}

	@Test
	void theResultOfAnUnknownOrderIsA404() {
		this.web.get().uri("/orders/{orderId}/result", "order-unknown").exchange().expectStatus().isNotFound();
	}

	@Test
	void listsRecentRunsOfProcessOrder() {
		String first = (String) placeOrder("order-1").get("runId");
		String second = (String) placeOrder("order-2").get("runId");
		List<Map<String, Object>> runs = this.web.get()
			.uri("/runs?limit=5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(runs).extracting((run) -> run.get("id")).containsExactly(second, first);
	}

	@Test
	void cancelsAQueuedRunAndReplaysIt() {
		this.emulator.taskBehavior("process-order", io.github.triggerspring.emulator.TaskBehavior.staysQueued());
		String runId = (String) placeOrder("order-queued").get("runId");
		this.web.post().uri("/runs/{runId}/cancel", runId).exchange().expectStatus().isOk().expectBody(JSON)
			.isEqualTo(Map.of("canceled", runId));
		assertThat(this.emulator.runStatus(runId).name()).isEqualTo("CANCELED");
		Map<String, Object> replayed = this.web.post()
			.uri("/runs/{runId}/replay", runId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(replayed.get("replayedAs")).isNotNull().isNotEqualTo(runId);
	}

	@Test
	void unknownRunIsA404() {
		this.web.get().uri("/runs/{runId}", "run_doesnotexist0000000000").exchange().expectStatus().isNotFound();
	}

	@Test
	void syncsThePreviewBranchEnvVarsFromTheFile() {
		Map<String, Object> synced = this.web.post()
			.uri("/env-vars/sync")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(synced).containsEntry("synced", List.of("FEATURE_FLAGS", "PAYMENTS_BASE_URL"));
		assertThat(this.emulator.envVar(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.PREVIEW,
				EmulatorAccount.PREVIEW_BRANCH, "FEATURE_FLAGS"))
			.isEqualTo("checkout-v2,fast-refunds");
		assertThat(this.emulator.journal().last().header("x-trigger-branch")).contains(EmulatorAccount.PREVIEW_BRANCH);
	}

	@Test
	void ensuringTheDailyReportScheduleIsIdempotent() {
		Schedule first = this.dailyReportSchedule.ensure().block(Duration.ofSeconds(10));
		Schedule second = this.dailyReportSchedule.ensure().block(Duration.ofSeconds(10));
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(first.task()).isEqualTo("daily-report");
		assertThat(first.deduplicationKey()).isEqualTo("order-service-daily-report");
		assertThat(first.generator().expression()).isEqualTo("0 6 * * *");
	}

	@Test
	void pausesAndResumesTheOrderQueue() {
		this.emulator.registerTasks("process-order");
		Map<String, Object> paused = this.web.post()
			.uri("/admin/queues/{name}/pause", "process-order")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(paused).containsEntry("name", "process-order").containsEntry("paused", true);
		this.web.post()
			.uri("/admin/queues/{name}/resume", "process-order")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.value((resumed) -> assertThat(resumed).containsEntry("paused", false));
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.QUEUES_PAUSE)).singleElement()
			.satisfies((request) -> assertThat(request.bodyAsString())
				.isEqualTo("{\"type\":\"task\",\"action\":\"pause\"}"));
		assertThat(this.emulator.journal().count(EmulatorEndpoint.QUEUES_RESUME)).isOne();
	}

	@Test
	void pausingAnUnknownQueueIsA404() {
		this.web.post().uri("/admin/queues/{name}/pause", "no-such-task").exchange().expectStatus().isNotFound();
	}

	@Test
	void showsTheTriggerHealthComponent() {
		Map<String, Object> health = this.web.get()
			.uri("/actuator/health/trigger")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(health).containsEntry("status", "UP");
		assertThat(health.get("details")).isInstanceOfSatisfying(Map.class,
				(details) -> assertThat(details).containsEntry("endpoint", "runs.list")
					.containsEntry("credential", "secret key")
					.containsEntry("credentialAccepted", true)
					.containsKeys("latency", "rateLimitRemaining"));
	}

	@Test
	void showsTheTriggerCallsObservationInTheMetricsEndpoint() {
		placeOrder("order-metrics");
		Map<String, Object> metric = this.web.get()
			.uri("/actuator/metrics/trigger.client.calls?tag=trigger.endpoint:task.trigger&tag=outcome:SUCCESS")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(metric).containsEntry("name", "trigger.client.calls");
		assertThat(metric.get("availableTags")).asInstanceOf(InstanceOfAssertFactories.list(Map.class))
			.extracting((tag) -> tag.get("tag"))
			.contains("trigger.namespace", "trigger.credential", "exception");
		assertThat(metric.get("measurements")).asInstanceOf(InstanceOfAssertFactories.list(Map.class))
			.anySatisfy((measurement) -> {
				assertThat(measurement.get("statistic")).isEqualTo("COUNT");
				assertThat(((Number) measurement.get("value")).doubleValue()).isPositive();
			});
	}

	@Test
	void approvingAnOrderCompletesItsWaitpointTokenOnce() {
		Map<String, Object> approved = approve("order-7", "ada");
		String tokenId = (String) approved.get("tokenId");
		assertThat(approved).containsEntry("orderId", "order-7")
			.containsEntry("status", "COMPLETED")
			.containsEntry("approval", Map.of("approved", true, "approvedBy", "ada"));
		assertThat(this.emulator.waitpointTokenStatus(tokenId)).isEqualTo(EmulatedWaitpointStatus.COMPLETED);
		assertThat(this.emulator.waitpointTokenOutput(tokenId)).isEqualTo(Map.of("approved", true, "approvedBy", "ada"));
		Map<String, Object> again = approve("order-7", "bob");
		assertThat(again).containsEntry("tokenId", tokenId)
			.containsEntry("approval", Map.of("approved", true, "approvedBy", "ada"));
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.WAIT_CREATE_TOKEN).get(0).bodyAsString())
			.contains("\"idempotencyKey\":\"approve-order:order-7\"").contains("\"timeout\":\"604800s\"");
	}

	private Map<String, Object> approve(String orderId, String approvedBy) {
		return this.web.post()
			.uri("/orders/{orderId}/approve", orderId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("approvedBy", approvedBy))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void receivesTheSampleAlertWebhookSignedWithTheSecret() throws Exception {
		byte[] alert = Files.readAllBytes(Path.of("alert-run-failed.json"));
		deliverAlert(alert, hmacSha256Hex(alert, WEBHOOK_SECRET)).isOk();
		assertThat(alerts()).contains(Map.of("id", "alert_demo_0001", "type", "alert.run.failed", "created",
				"2026-12-01T09:30:00Z"));
	}

	@Test
	void refusesAnAlertWebhookWithAnInvalidSignature() throws Exception {
		byte[] forged = new String(Files.readAllBytes(Path.of("alert-run-failed.json")), StandardCharsets.UTF_8)
			.replace("alert_demo_0001", "alert_forged")
			.getBytes(StandardCharsets.UTF_8);
		deliverAlert(forged, hmacSha256Hex(forged, "not-the-secret")).isUnauthorized();
		deliverAlert(forged, null).isUnauthorized();
		assertThat(alerts()).noneMatch((alert) -> "alert_forged".equals(alert.get("id")));
	}

	@Test
	void curlHintsSignTheSampleAlertWithOpensslAndAWrongSecret() {
		List<String> lines = CurlHints.webhookLines("http://localhost:8080/trigger/webhooks", "http://localhost:8080");
		assertThat(lines.get(1)).contains("--data-binary @samples/order-service/alert-run-failed.json")
			.contains("x-trigger-signature-hmacsha256: $(openssl dgst -sha256 -r -hmac "
					+ "\"${TRIGGER_WEBHOOKS_SECRET:-sample-webhook-secret}\" samples/order-service/alert-run-failed.json "
					+ "| cut -d' ' -f1)");
		assertThat(lines.get(2)).contains("-hmac not-the-secret samples/order-service/alert-run-failed.json");
	}

	private StatusAssertions deliverAlert(byte[] body, String signature) {
		WebTestClient.RequestBodySpec request = this.web.post()
			.uri("/trigger/webhooks")
			.contentType(MediaType.APPLICATION_JSON);
		if (signature != null) {
			request.header("x-trigger-signature-hmacsha256", signature);
		}
		return request.bodyValue(body).exchange().expectStatus();
	}

	private List<Map<String, Object>> alerts() {
		return this.web.get().uri("/alerts").exchange().expectStatus().isOk().expectBody(JSON_LIST).returnResult()
			.getResponseBody();
	}

	private static String hmacSha256Hex(byte[] body, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

	private Map<String, Object> placeOrder(String orderId) {
		return this.web.post()
			.uri("/orders/{orderId}", orderId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("amount", 42))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

}
