package io.github.triggerspring.emulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifecycle, default account, seeding and reset.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorTests {

	@Test
	void defaultCredentialsHaveTheRealFormats() {
		assertThat(EmulatorAccount.DEV_SECRET_KEY).matches("tr_dev_[0-9a-zA-Z]{24}");
		assertThat(EmulatorAccount.STAGING_SECRET_KEY).matches("tr_stg_[0-9a-zA-Z]{24}");
		assertThat(EmulatorAccount.PROD_SECRET_KEY).matches("tr_prod_[0-9a-zA-Z]{24}");
		assertThat(EmulatorAccount.PREVIEW_SECRET_KEY).matches("tr_preview_[0-9a-zA-Z]{24}");
		assertThat(EmulatorAccount.PERSONAL_ACCESS_TOKEN).matches("tr_pat_[1-9a-km-z]{40}");
		assertThat(EmulatorAccount.ORGANIZATION_ACCESS_TOKEN).startsWith("tr_oat_");
		for (EmulatedEnvironment environment : EmulatedEnvironment.values()) {
			assertThat(EmulatorAccount.secretKey(environment)).startsWith(environment.keyPrefix());
		}
	}

	@Test
	void startsOnLoopbackWithRandomPortAndCloses() throws Exception {
		TriggerEmulator emulator = TriggerEmulator.start();
		try (TriggerEmulator other = TriggerEmulator.start()) {
			assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
			assertThat(other.port()).isNotEqualTo(emulator.port());
			assertThat(status(emulator.baseUrl() + "/api/v1/timezones")).isEqualTo(200);
		}
		emulator.close();
		emulator.close();
		assertThat(emulator.isRunning()).isFalse();
	}

	@Test
	void builderWithFixedPortAndClock() throws Exception {
		EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2030-01-01T00:00:00Z"));
		int port;
		try (TriggerEmulator probe = TriggerEmulator.start()) {
			port = probe.port();
		}
		try (TriggerEmulator emulator = TriggerEmulator.builder().port(port).clock(clock).build().start()) {
			assertThat(emulator.port()).isEqualTo(port);
			assertThat(emulator.clock()).isSameAs(clock);
			String id = emulator.seedRun(RunSeed.of("t").behavior(TaskBehavior.completesAfter(Duration.ofSeconds(30))));
			assertThat(emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.EXECUTING);
			clock.advance(Duration.ofSeconds(30));
			assertThat(emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.COMPLETED);
			assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:30Z"));
		}
	}

	@Test
	void resetRestoresTheSeededState() throws Exception {
		try (TriggerEmulator emulator = TriggerEmulator.start()) {
			emulator.addProject("proj_x");
			emulator.seedRun(RunSeed.of("t"));
			emulator.seedEnvVar(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, null, "A", "1");
			emulator.taskBehavior("t", TaskBehavior.staysQueued());
			status(emulator.baseUrl() + "/api/v1/timezones");
			emulator.reset();
			assertThat(emulator.runCount()).isZero();
			assertThat(emulator.journal().count()).isZero();
			assertThat(emulator.envVar(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, null, "A")).isNull();
			assertThat(emulator.runStatus(emulator.seedRun(RunSeed.of("t")))).isEqualTo(EmulatedRunStatus.COMPLETED);
			assertThat(emulator.addProject("proj_x").ref()).isEqualTo("proj_x");
		}
	}

	@Test
	void seededRunsWithFixedStatusAndPreviewBranch() {
		try (TriggerEmulator emulator = TriggerEmulator.start()) {
			String id = emulator.seedRun(RunSeed.of("t").status(EmulatedRunStatus.CRASHED));
			assertThat(emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.CRASHED);
			String preview = emulator.seedRun(
					RunSeed.of("p").in(EmulatedEnvironment.PREVIEW).branch(EmulatorAccount.PREVIEW_BRANCH));
			assertThat(emulator.runStatus(preview)).isEqualTo(EmulatedRunStatus.COMPLETED);
		}
	}

	@Test
	void bannerPrintsBaseUrlAndCredentials() {
		try (TriggerEmulator emulator = TriggerEmulator.start()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			TriggerEmulatorMain.printBanner(new PrintStream(out, true, StandardCharsets.UTF_8), emulator);
			assertThat(out.toString(StandardCharsets.UTF_8)).contains(emulator.baseUrl())
				.contains(EmulatorAccount.DEV_SECRET_KEY)
				.contains(EmulatorAccount.PERSONAL_ACCESS_TOKEN);
		}
	}

	private static int status(String url) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
		return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
