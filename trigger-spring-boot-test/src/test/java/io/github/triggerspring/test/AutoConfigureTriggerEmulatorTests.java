package io.github.triggerspring.test;

import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.TasksClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureTriggerEmulator}.
 *
 * @author trigger-spring-boot contributors
 */
@SpringBootTest(classes = TriggerClientTestApplication.class,
		properties = { "trigger.api-url=https://api.trigger.dev", "trigger.secret-key=tr_prod_fromPropertiesNotUsed01",
				"trigger.project-ref=proj_fromproperties", "trigger.retry.initial-backoff=10ms",
				"trigger.retry.max-backoff=20ms" })
@AutoConfigureTriggerEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureTriggerEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	TriggerEmulator emulator;

	@Autowired
	TriggerConnectionDetails connectionDetails;

	@Autowired
	RunsClient runs;

	@Autowired
	TasksClient tasks;

	@Autowired
	ApplicationContext context;

	@Test
	void connectionDetailsPointAtTheEmulatorAndWinOverTheProperties() {
		assertThat(this.connectionDetails).isInstanceOf(TriggerEmulatorConnectionDetails.class);
		assertThat(this.context.getBeansOfType(TriggerConnectionDetails.class)).hasSize(1);
		assertThat(this.connectionDetails.getApiUrl()).isEqualTo(this.emulator.baseUrl())
			.startsWith("http://127.0.0.1:");
		assertThat(this.connectionDetails.getSecretKey()).isEqualTo(EmulatorAccount.DEV_SECRET_KEY);
		assertThat(this.connectionDetails.getPersonalAccessToken()).isNull();
		assertThat(this.connectionDetails.getProjectRef()).isEqualTo(EmulatorAccount.PROJECT_REF);
		assertThat(this.connectionDetails.getPreviewBranch()).isNull();
	}

	@Test
	@Order(1)
	void clientsCallTheEmulatorWithItsDevSecretKey() {
		String id = this.emulator.seedRun(RunSeed.of("send-email").payload(Map.of("to", "ada@example.com")));
		StepVerifier.create(this.runs.retrieve(id).map(Run::taskIdentifier))
			.expectNext("send-email")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.list().map(RunSummary::id)).expectNext(id).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.journal().requests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.hasCredential(EmulatorAccount.DEV_SECRET_KEY)).isTrue());
		dirty();
	}

	@Test
	@Order(2)
	void emulatorIsResetBeforeEachTest() {
		assertThat(this.emulator.journal().count()).isZero();
		assertThat(this.emulator.runCount()).isZero();
		assertThat(this.emulator.faults().pending(EmulatorEndpoint.RUNS_LIST.id())).isEmpty();
		dirty();
	}

	@Test
	@Order(3)
	void triggeredTaskIsJournaledAndRetriedOnServerErrorsWithTheConfiguredBackoff() {
		this.emulator.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.status(500).times(2));
		String id = this.tasks.trigger("send-email", Map.of("to", "ada@example.com")).block(TIMEOUT).id();
		assertThat(this.emulator.journal().triggers("send-email")).hasSize(3)
			.allSatisfy((trigger) -> assertThat(trigger.payload()).isEqualTo(Map.of("to", "ada@example.com")));
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.TASK_TRIGGER))
			.extracting(RecordedRequest::responseStatus)
			.containsExactly(500, 500, 200);
		StepVerifier.create(this.runs.retrieve(id).map(Run::id)).expectNext(id).expectComplete().verify(TIMEOUT);
	}

	private void dirty() {
		this.emulator.seedRun(RunSeed.of("dirty"));
		this.emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(500).always());
	}

	@Nested
	class NestedTests {

		@Autowired
		TriggerEmulator nestedEmulator;

		@Test
		void nestedClassesShareTheEmulatorAndItsReset() {
			assertThat(this.nestedEmulator).isSameAs(AutoConfigureTriggerEmulatorTests.this.emulator);
			assertThat(this.nestedEmulator.journal().count()).isZero();
			assertThat(this.nestedEmulator.runCount()).isZero();
		}

	}

	/**
	 * Access-token credentials on the preview environment.
	 */
	@Nested
	@AutoConfigureTriggerEmulator(credentials = EmulatorCredentials.PERSONAL_ACCESS_TOKEN,
			environment = TriggerEnvironment.PREVIEW)
	class PersonalAccessTokenOnPreview {

		@Autowired
		TriggerEmulator previewEmulator;

		@Autowired
		RunsClient previewRuns;

		@Autowired
		TriggerAuthStrategy authStrategy;

		@Test
		void listsTheProjectsPreviewRunsWithTheAccessTokenAndTheBranch() {
			assertThat(((DefaultTriggerAuthStrategy) this.authStrategy).getCredentials().environment())
				.isEqualTo(TriggerEnvironment.PREVIEW);
			// Project-wide listing filters on the environment slug: runs of the preview root
			// environment, whatever the branch header says.
			String id = this.previewEmulator.seedRun(RunSeed.of("preview-task").in(EmulatedEnvironment.PREVIEW));
			this.previewEmulator.seedRun(RunSeed.of("dev-task"));
			StepVerifier.create(this.previewRuns.list().map(RunSummary::id)).expectNext(id).expectComplete().verify(TIMEOUT);
			RecordedRequest request = this.previewEmulator.journal().last();
			assertThat(request.path()).isEqualTo("/api/v1/projects/" + EmulatorAccount.PROJECT_REF + "/runs");
			assertThat(request.queryParameter("filter[env]")).hasValue("preview");
			assertThat(request.hasCredential(EmulatorAccount.PERSONAL_ACCESS_TOKEN)).isTrue();
			assertThat(request.header("x-trigger-branch")).hasValue(EmulatorAccount.PREVIEW_BRANCH);
		}

	}

	/**
	 * No reset between tests.
	 */
	@Nested
	@AutoConfigureTriggerEmulator(reset = false)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class WithoutReset {

		@Autowired
		TriggerEmulator keptEmulator;

		@Test
		@Order(1)
		void seedsARun() {
			this.keptEmulator.reset();
			this.keptEmulator.seedRun(RunSeed.of("kept"));
		}

		@Test
		@Order(2)
		void stillSeesTheRun() {
			assertThat(this.keptEmulator.runCount()).isEqualTo(1);
		}

	}

}
