package io.github.triggerspring.samples.orders;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.RecordedTrigger;
import io.github.triggerspring.emulator.TriggerEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample in AOT mode ({@code -Dspring.aot.enabled=true}) in a child JVM, with
 * the initializer that the build's {@code process-aot} generated. The build has no
 * Trigger.dev credential; the child JVM gets one only at run time, from its environment,
 * as a deployed application does. Conditions are frozen at build time in AOT mode, so
 * these tests show that no bean depends on a credential's value.
 *
 * @author trigger-spring-boot contributors
 */
class OrderServiceAotTests {

	private static final Pattern PORT = Pattern.compile("Netty started on port (\\d+)");

	/** Generous bound for a cold JVM on a loaded machine: only a hang fails it. */
	private static final Duration BOUND = Duration.ofSeconds(120);

	private final TriggerEmulator emulator = TriggerEmulator.start();

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stop() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroy();
			if (!process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		this.emulator.close();
	}

	@Test
	void buildProcessedTheApplicationAheadOfTime() {
		assertThat(ClassUtils.isPresent(OrderServiceApplication.class.getName() + "__ApplicationContextInitializer",
				getClass().getClassLoader()))
			.as("run the build's process-aot first (./mvnw verify does)")
			.isTrue();
	}

	@Test
	void startsInAotModeWithTheSecretKeyOfItsEnvironmentAndPlacesAnOrder() throws Exception {
		Sample sample = start(Map.of("TRIGGER_SECRET_KEY", EmulatorAccount.DEV_SECRET_KEY, "TRIGGER_API_URL",
				this.emulator.baseUrl()));
		int port = sample.port().get(BOUND.toSeconds(), TimeUnit.SECONDS);
		HttpResponse<String> response = HttpClient.newBuilder()
			.connectTimeout(BOUND)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/order-aot-1"))
				.timeout(BOUND)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"amount\":7}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"orderId\":\"order-aot-1\"");
		List<RecordedTrigger> triggers = this.emulator.journal().triggers("process-order");
		assertThat(triggers).hasSize(1);
		assertThat(triggers.get(0).payload()).isEqualTo(Map.of("amount", 7));
		assertThat(sample.output()).contains("Starting AOT-processed OrderServiceApplication");
	}

	@Test
	void refusesToStartInAotModeWhenOnlyAnAccessTokenIsSet() throws Exception {
		Sample sample = start(Map.of("TRIGGER_ACCESS_TOKEN", EmulatorAccount.PERSONAL_ACCESS_TOKEN,
				"TRIGGER_PROJECT_REF", EmulatorAccount.PROJECT_REF, "TRIGGER_API_URL", this.emulator.baseUrl()));
		assertThat(sample.process().waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(sample.process().exitValue()).isNotZero();
		// the report names the first unusable client that a bean injects: the order of
		// bean creation decides which one of the two it is
		assertThat(sample.outputOnceEnded()).contains("Starting AOT-processed OrderServiceApplication")
			.satisfiesAnyOf((output) -> assertThat(output)
				.contains("io.github.triggerspring.tasks.TasksClient is injected into:\n"
						+ "\t- Parameter 0 of constructor in io.github.triggerspring.samples.orders.OrderProcessing\n"
						+ "but none of its endpoints (task.trigger, task.batchTrigger, packets.upload) accepts a "
						+ "personal access token, which is all that is configured. Every call would be refused."),
					(output) -> assertThat(output)
						.contains("io.github.triggerspring.tokens.PublicTokensClient is injected into:\n"
							+ "\t- Parameter 0 of constructor in io.github.triggerspring.samples.orders.FrontendTokensController\n"
							+ "but none of its endpoints (auth.jwtClaims, auth.publicTokens) accepts a personal access "
							+ "token, which is all that is configured. Every call would be refused."))
			.doesNotContain(EmulatorAccount.PERSONAL_ACCESS_TOKEN);
		assertThat(this.emulator.journal().triggers()).isEmpty();
	}

	private Sample start(Map<String, String> environment) throws IOException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		ProcessBuilder builder = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-cp",
				System.getProperty("java.class.path"), OrderServiceApplication.class.getName(), "--server.port=0",
				"--server.address=127.0.0.1")
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("TRIGGER_") || name.startsWith("SPRING_")
				|| name.equals("PORT"));
		// the sample's webhook endpoint needs its secret to start
		builder.environment().put("TRIGGER_WEBHOOKS_SECRET", "whsec_aot_test");
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.processes.add(process);
		process.getOutputStream().close();
		return new Sample(process);
	}

	/**
	 * A running sample and what it printed, read on a thread of its own.
	 */
	private static final class Sample {

		private final Process process;

		private final StringBuffer output = new StringBuffer();

		private final CompletableFuture<Integer> port = new CompletableFuture<>();

		private final Thread reader;

		Sample(Process process) {
			this.process = process;
			this.reader = new Thread(this::read, "sample-output");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					this.output.append(line).append('\n');
					Matcher matcher = PORT.matcher(line);
					if (matcher.find()) {
						this.port.complete(Integer.parseInt(matcher.group(1)));
					}
				}
			}
			catch (IOException ex) {
				this.port.completeExceptionally(ex);
			}
			this.port.completeExceptionally(new IllegalStateException("The sample ended:\n" + this.output));
		}

		Process process() {
			return this.process;
		}

		CompletableFuture<Integer> port() {
			return this.port;
		}

		String output() {
			return this.output.toString();
		}

		String outputOnceEnded() throws InterruptedException {
			this.reader.join(BOUND.toMillis());
			return this.output.toString();
		}

	}

}
