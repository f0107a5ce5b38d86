package io.github.triggerspring.samples.orders;

import java.util.Map;

import io.github.triggerspring.test.testcontainers.DockerTest;
import io.github.triggerspring.test.testcontainers.TriggerEmulatorContainer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the order service against the emulator in a container, wired through
 * {@code @ServiceConnection}.
 *
 * @author trigger-spring-boot contributors
 */
@DockerTest
@Testcontainers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "trigger.webhooks.secret=whsec_container_test")
@AutoConfigureWebTestClient
class OrderServiceContainerIntegrationTests {

	@Container
	@ServiceConnection
	static final TriggerEmulatorContainer trigger = new TriggerEmulatorContainer();

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient web;

	@Test
	void placesAnOrderAndReadsItsRunBackFromTheContainer() {
		Map<String, Object> order = this.web.post()
			.uri("/orders/{orderId}", "order-in-container")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("amount", 7))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(order).containsEntry("cached", false);
		String runId = (String) order.get("runId");
		assertThat(runId).startsWith("run_");
		this.web.get()
			.uri("/runs/{runId}", runId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.isEqualTo(Map.of("id", runId, "task", "process-order", "status", "COMPLETED", "completed", true));
	}

}
