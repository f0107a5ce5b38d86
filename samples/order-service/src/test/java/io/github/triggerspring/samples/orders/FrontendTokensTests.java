package io.github.triggerspring.samples.orders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import io.github.triggerspring.test.AutoConfigureTriggerEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FrontendTokensController} against the in-JVM emulator: the frontend's
 * side is played by a {@link TasksClient} call that carries the frontend's token.
 *
 * @author trigger-spring-boot contributors
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "trigger.webhooks.secret=whsec_frontend_tokens_test")
@AutoConfigureWebTestClient
@AutoConfigureTriggerEmulator
class FrontendTokensTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private WebTestClient web;

	@Autowired
	private TasksClient tasks;

	private Map<String, Object> post(String uri) {
		return this.web.post().uri(uri).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
			.getResponseBody();
	}

	@Test
	void frontendTriggersOnceWithItsTokenThenReadsItsRunsStatus() {
		String token = (String) post("/frontend/trigger-token").get("token");
		String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(claims).contains("\"scopes\":[\"trigger:tasks:process-order\"]").contains("\"otu\":true");

		TriggerResult run = this.tasks.trigger("process-order", Map.of("amount", 1), TriggerOptions.none(),
				RequestOptions.none().withCredential(token))
			.block(Duration.ofSeconds(30));
		Map<String, Object> status = this.web.get()
			.uri("/frontend/runs/{runId}/status", run.id())
			.header("X-Run-Token", run.publicAccessToken())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(status).containsEntry("id", run.id()).containsEntry("status", "COMPLETED");

		TriggerResult other = this.tasks.trigger("process-order", Map.of("amount", 2)).block(Duration.ofSeconds(30));
		this.web.get()
			.uri("/frontend/runs/{runId}/status", other.id())
			.header("X-Run-Token", run.publicAccessToken())
			.exchange()
			.expectStatus()
			.isForbidden();
		this.web.get()
			.uri("/frontend/runs/{runId}/status", run.id())
			.header("X-Run-Token", token)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
