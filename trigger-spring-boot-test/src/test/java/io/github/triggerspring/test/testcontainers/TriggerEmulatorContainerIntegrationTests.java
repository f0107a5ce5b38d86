package io.github.triggerspring.test.testcontainers;

import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.autoconfigure.TriggerAutoConfiguration;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerResult;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link TriggerEmulatorContainer} and
 * {@link TriggerContainerConnectionDetailsFactory}.
 *
 * @author trigger-spring-boot contributors
 */
@DockerTest
@Testcontainers
@SpringBootTest(classes = TriggerEmulatorContainerIntegrationTests.TestApplication.class,
		properties = { "trigger.api-url=https://api.trigger.dev", "trigger.secret-key=tr_prod_fromPropertiesNotUsed01",
				"trigger.environment=dev" })
class TriggerEmulatorContainerIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Container
	@ServiceConnection
	static final TriggerEmulatorContainer trigger = new TriggerEmulatorContainer();

	@Autowired
	TriggerConnectionDetails connectionDetails;

	@Autowired
	TasksClient tasks;

	@Autowired
	RunsClient runs;

	@Test
	void connectionDetailsPointAtTheContainer() {
		assertThat(this.connectionDetails.getApiUrl())
			.isEqualTo("http://" + trigger.getHost() + ":" + trigger.getMappedPort(TriggerEmulatorContainer.PORT))
			.isEqualTo(trigger.getApiUrl());
		assertThat(this.connectionDetails.getSecretKey()).isEqualTo(EmulatorAccount.DEV_SECRET_KEY);
		assertThat(this.connectionDetails.getPersonalAccessToken()).isEqualTo(EmulatorAccount.PERSONAL_ACCESS_TOKEN);
		assertThat(this.connectionDetails.getProjectRef()).isEqualTo(EmulatorAccount.PROJECT_REF);
		assertThat(trigger.getBaseImage()).isEqualTo(TriggerEmulatorContainer.configuredBaseImage());
	}

	@Test
	void triggeredTaskReadsBackThroughTheClients() {
		TriggerResult result = this.tasks.trigger("send-email", Map.of("to", "ada@example.com")).block(TIMEOUT);
		assertThat(result).isNotNull();
		StepVerifier.create(this.runs.retrieve(result.id())).assertNext((run) -> {
			assertThat(run.id()).isEqualTo(result.id());
			assertThat(run.taskIdentifier()).isEqualTo("send-email");
			assertThat(run.payload()).isEqualTo(JsonMapper.builder().build().readTree("{\"to\":\"ada@example.com\"}"));
		}).expectComplete().verify(TIMEOUT);
		StepVerifier
			.create(this.runs.list(ListRunsRequest.builder().projectWide().environment(TriggerEnvironment.DEV).build())
				.map(RunSummary::id)
				.filter(result.id()::equals))
			.expectNext(result.id())
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.cancel(result.id()).then(this.runs.retrieve(result.id())).map(Run::isCompleted))
			.expectNext(true)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			TriggerAutoConfiguration.class })
	static class TestApplication {

	}

}
