package io.github.triggerspring.test;

import java.net.ServerSocket;
import java.time.Duration;

import io.github.triggerspring.autoconfigure.TriggerAutoConfiguration;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.runs.RunsClient;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerEmulatorConfiguration}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				TriggerAutoConfiguration.class))
		.withUserConfiguration(TriggerEmulatorConfiguration.class)
		.withPropertyValues("trigger.api-url=https://api.trigger.dev", "trigger.secret-key=tr_prod_fromProperties0001");

	@Test
	void pointsTheClientsAtTheEmbeddedEmulatorAndClosesItWithTheContext() {
		TriggerEmulator[] emulator = new TriggerEmulator[1];
		this.runner.run((context) -> {
			emulator[0] = context.getBean(TriggerEmulator.class);
			TriggerConnectionDetails details = context.getBean(TriggerConnectionDetails.class);
			assertThat(details.getApiUrl()).isEqualTo(emulator[0].baseUrl());
			assertThat(details.getSecretKey()).isEqualTo(EmulatorAccount.DEV_SECRET_KEY);
			String id = emulator[0].seedRun(RunSeed.of("send-email"));
			StepVerifier.create(context.getBean(RunsClient.class).list().map(RunSummary::id))
				.expectNext(id)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			assertThat(emulator[0].journal().last().hasCredential(EmulatorAccount.DEV_SECRET_KEY)).isTrue();
		});
		assertThat(emulator[0].isRunning()).isFalse();
	}

	@Test
	void listensOnTheConfiguredPort() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		int expected = port;
		this.runner.withPropertyValues("trigger.emulator.port=" + port)
			.run((context) -> assertThat(context.getBean(TriggerEmulator.class).port()).isEqualTo(expected));
	}

}
