package io.github.triggerspring.test;

import java.time.Duration;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.envvars.CreateEnvVarRequest;
import io.github.triggerspring.envvars.EnvVar;
import io.github.triggerspring.envvars.EnvVarTarget;
import io.github.triggerspring.envvars.EnvVarUpload;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.error.TriggerNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EnvVarsClient} against the emulator, through
 * {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class EnvVarsClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PROJECT = EmulatorAccount.PROJECT_REF;

	private final TriggerEmulator emulator;

	private final EnvVarsClient envVars;

	EnvVarsClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.envVars = EmulatorClients.devKey(emulator).envVars();
	}

	@Test
	void createsRetrievesUpdatesListsAndDeletesAVariable() {
		StepVerifier.create(this.envVars.create(CreateEnvVarRequest.of("SMTP_HOST", "mail.example.com")))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.envVar(PROJECT, EmulatedEnvironment.DEV, null, "SMTP_HOST")).isEqualTo("mail.example.com");
		StepVerifier.create(this.envVars.retrieve("SMTP_HOST").map(EnvVar::value))
			.expectNext("mail.example.com")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.envVars.update("SMTP_HOST", "smtp.example.com")).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.envVars.list().filter((var) -> var.name().equals("SMTP_HOST")).map(EnvVar::value))
			.expectNext("smtp.example.com")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.envVars.del("SMTP_HOST")).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.envVar(PROJECT, EmulatedEnvironment.DEV, null, "SMTP_HOST")).isNull();
		StepVerifier.create(this.envVars.retrieve("SMTP_HOST"))
			.expectError(TriggerNotFoundException.class)
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests()).extracting(RecordedRequest::endpointId)
			.startsWith("envvars.create", "envvars.retrieve", "envvars.update", "envvars.list", "envvars.del",
					"envvars.retrieve");
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.ENVVARS_CREATE)).singleElement()
			.satisfies((request) -> assertThat(request.path())
				.isEqualTo("/api/v1/projects/" + PROJECT + "/envvars/dev"));
	}

	@Test
	void uploadsSeveralVariables() {
		EnvVarUpload upload = EnvVarUpload.builder().variable("A", "1").variable("B", "2").override(true).build();
		StepVerifier.create(this.envVars.upload(upload)).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.envVar(PROJECT, EmulatedEnvironment.DEV, null, "A")).isEqualTo("1");
		assertThat(this.emulator.envVar(PROJECT, EmulatedEnvironment.DEV, null, "B")).isEqualTo("2");
		assertThat(this.emulator.journal().last().path())
			.isEqualTo("/api/v1/projects/" + PROJECT + "/envvars/dev/import");
	}

	@Test
	void previewKeyTargetsTheVariablesOfItsBranch() {
		this.emulator.seedEnvVar(PROJECT, EmulatedEnvironment.PREVIEW, EmulatorAccount.PREVIEW_BRANCH, "FEATURE", "on");
		EnvVarsClient preview = EmulatorClients
			.of(this.emulator, EmulatorCredentials.SECRET_KEY, TriggerEnvironment.PREVIEW)
			.envVars();
		StepVerifier.create(preview.retrieve("FEATURE").map(EnvVar::value)).expectNext("on").expectComplete().verify(TIMEOUT);
		StepVerifier.create(preview.create(CreateEnvVarRequest.of("NEW", "x"))).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.envVar(PROJECT, EmulatedEnvironment.PREVIEW, EmulatorAccount.PREVIEW_BRANCH, "NEW"))
			.isEqualTo("x");
		assertThat(this.emulator.journal().requests()).hasSize(2).allSatisfy((request) -> {
			assertThat(request.path()).startsWith("/api/v1/projects/" + PROJECT + "/envvars/preview");
			assertThat(request.header("x-trigger-branch")).hasValue(EmulatorAccount.PREVIEW_BRANCH);
		});
	}

	@Test
	void accessTokenTargetsAPreviewBranchPerCall() {
		this.emulator.addPreviewBranch(PROJECT, "feature-xyz");
		EnvVarsClient pat = EmulatorClients.of(this.emulator, EmulatorCredentials.PERSONAL_ACCESS_TOKEN,
				TriggerEnvironment.DEV).envVars();
		StepVerifier.create(pat.create(CreateEnvVarRequest.of("DATABASE_URL", "postgres://xyz"),
				EnvVarTarget.preview("feature-xyz"))).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.envVar(PROJECT, EmulatedEnvironment.PREVIEW, "feature-xyz", "DATABASE_URL"))
			.isEqualTo("postgres://xyz");
		assertThat(this.emulator.envVar(PROJECT, EmulatedEnvironment.DEV, null, "DATABASE_URL")).isNull();
		RecordedRequest request = this.emulator.journal().last();
		assertThat(request.hasCredential(EmulatorAccount.PERSONAL_ACCESS_TOKEN)).isTrue();
		assertThat(request.header("x-trigger-branch")).hasValue("feature-xyz");
		assertThat(request.path()).isEqualTo("/api/v1/projects/" + PROJECT + "/envvars/preview");
	}

	@Test
	void devKeySendsNoBranchHeader() {
		StepVerifier.create(this.envVars.list().collectList()).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.journal().last().header("x-trigger-branch")).isEmpty();
	}

}
