package io.github.triggerspring.samples.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.TriggerEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the order service starts while the Trigger.dev API is unreachable, reports
 * it in health, and syncs its schedule in the background once the API is back. The
 * sync's waits run on a virtual-time scheduler.
 *
 * @author trigger-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "trigger.secret-key=" + EmulatorAccount.DEV_SECRET_KEY,
				"trigger.project-ref=" + EmulatorAccount.PROJECT_REF, "trigger.retry.max-attempts=1",
				"trigger.webhooks.secret=whsec_unreachable_api_test" })
@AutoConfigureWebTestClient
@Import(OrderServiceUnreachableApiTests.VirtualTimeConfiguration.class)
class OrderServiceUnreachableApiTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final int API_PORT = freePort();

	private static TriggerEmulator api;

	@Autowired
	private WebTestClient web;

	@Autowired
	private DailyReportSchedule dailyReportSchedule;

	@Autowired
	private VirtualTimeScheduler time;

	@DynamicPropertySource
	static void apiAtAClosedPort(DynamicPropertyRegistry registry) {
		registry.add("trigger.api-url", () -> "http://127.0.0.1:" + API_PORT);
	}

	@AfterAll
	static void stopApi() {
		if (api != null) {
			api.close();
		}
	}

	@Test
	void startsWhileTheApiIsUnreachableAndSyncsTheScheduleOnceItIsBack() {
		await().atMost(TIMEOUT).until(() -> this.dailyReportSchedule.failedAttempts() == 1);
		assertThat(this.dailyReportSchedule.synced()).isEmpty();
		Map<String, Object> down = triggerHealth(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(down).containsEntry("status", "DOWN");
		assertThat(details(down)).containsEntry("endpoint", "runs.list").containsEntry("credential", "secret key");
		assertThat((String) details(down).get("error")).startsWith("TriggerConnectionException: ");

		api = TriggerEmulator.builder().port(API_PORT).build().start();
		// the wait before the second attempt is the only task of the virtual-time scheduler
		await().atMost(TIMEOUT).until(() -> this.time.getScheduledTaskCount() == 1);
		this.time.advanceTimeBy(DailyReportSchedule.FIRST_BACKOFF);
		await().atMost(TIMEOUT).until(() -> this.dailyReportSchedule.synced().isPresent());
		assertThat(this.dailyReportSchedule.failedAttempts()).isEqualTo(1);
		assertThat(this.dailyReportSchedule.synced().get().deduplicationKey()).isEqualTo("order-service-daily-report");
		assertThat(api.journal().count(EmulatorEndpoint.SCHEDULES_CREATE)).isOne();
		Map<String, Object> up = triggerHealth(HttpStatus.OK);
		assertThat(up).containsEntry("status", "UP");
		assertThat(details(up)).containsEntry("credentialAccepted", true);
	}

	private Map<String, Object> triggerHealth(HttpStatus status) {
		return this.web.get()
			.uri("/actuator/health/trigger")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> health) {
		return (Map<String, Object>) health.get("details");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class VirtualTimeConfiguration {

		@Bean(destroyMethod = "dispose")
		VirtualTimeScheduler sampleScheduler() {
			return VirtualTimeScheduler.create();
		}

	}

}
