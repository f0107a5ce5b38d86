package io.github.triggerspring.autoconfigure;

import io.github.triggerspring.auth.InvalidTriggerConfigurationException;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.TasksClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the startup failures of {@link TriggerAutoConfiguration} and their failure
 * analyses.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerAutoConfigurationStartupFailureTests {

	private static final String KEY = "tr_dev_0123456789abcdefABCDEF01";

	private static final String PAT = "tr_pat_123456789abcdefghijkmnopqrstuvwxyz12345";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				TriggerAutoConfiguration.class));

	@Test
	void failsWhenNoCredentialIsConfigured() {
		this.contextRunner.run((context) -> {
			FailureAnalysis analysis = invalidConfiguration(context);
			assertThat(analysis.getDescription()).isEqualTo(
					"No Trigger.dev credential is configured: neither a secret key nor a personal access token is set.");
			assertThat(analysis.getAction()).isEqualTo("Set 'trigger.secret-key' (environment variable "
					+ "TRIGGER_SECRET_KEY) to a secret key (tr_dev_, tr_stg_, tr_prod_ or tr_preview_), or "
					+ "'trigger.personal-access-token' (environment variable TRIGGER_ACCESS_TOKEN) to a personal "
					+ "access token (tr_pat_) together with 'trigger.project-ref' (environment variable "
					+ "TRIGGER_PROJECT_REF). To turn the Trigger.dev auto-configuration off, set 'trigger.enabled' to false.");
		});
	}

	@Test
	void failsWhenAnAccessTokenHasNoProjectRef() {
		this.contextRunner.withPropertyValues("trigger.personal-access-token=" + PAT).run((context) -> {
			FailureAnalysis analysis = invalidConfiguration(context);
			assertThat(analysis.getDescription()).isEqualTo("A personal access token (tr_pat_…) is configured "
					+ "without a project ref. An access token is not scoped to a project, so every access-token call "
					+ "needs one.");
			assertThat(analysis.getAction()).isEqualTo("Set 'trigger.project-ref' (environment variable "
					+ "TRIGGER_PROJECT_REF) to the ref of the project (proj_…), found in the project's settings.");
			assertNoSecret(analysis, PAT);
		});
	}

	@Test
	void failsWhenTheSecretKeyPropertyHoldsAnAccessToken() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + PAT).run((context) -> {
			FailureAnalysis analysis = invalidConfiguration(context);
			assertThat(analysis.getDescription()).isEqualTo(
					"The value of 'trigger.secret-key' (tr_pat_…) is a personal access token, not a secret key.");
			assertThat(analysis.getAction()).isEqualTo("Move it to 'trigger.personal-access-token' (environment "
					+ "variable TRIGGER_ACCESS_TOKEN) and set 'trigger.project-ref' (environment variable "
					+ "TRIGGER_PROJECT_REF), or set 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY) to a "
					+ "secret key (tr_dev_, tr_stg_, tr_prod_ or tr_preview_).");
			assertNoSecret(analysis, PAT);
		});
	}

	@Test
	void failsWhenTheAccessTokenPropertyHoldsASecretKey() {
		this.contextRunner.withPropertyValues("trigger.personal-access-token=" + KEY, "trigger.project-ref=proj_x")
			.run((context) -> {
				FailureAnalysis analysis = invalidConfiguration(context);
				assertThat(analysis.getDescription()).isEqualTo(
						"The value of 'trigger.personal-access-token' (tr_dev_…) is a secret key, not a personal access token.");
				assertThat(analysis.getAction()).isEqualTo("Move it to 'trigger.secret-key' (environment variable "
						+ "TRIGGER_SECRET_KEY), or set 'trigger.personal-access-token' (environment variable "
						+ "TRIGGER_ACCESS_TOKEN) to a personal access token (tr_pat_) or an organization access token (tr_oat_).");
				assertNoSecret(analysis, KEY);
			});
	}

	@Test
	void failsWhenTheSecretKeyHasAnUnknownPrefix() {
		String unknown = "sk_live_9f8e7d6c5b4a39281706";
		this.contextRunner.withPropertyValues("trigger.secret-key=" + unknown).run((context) -> {
			FailureAnalysis analysis = invalidConfiguration(context);
			assertThat(analysis.getDescription())
				.isEqualTo("The value of 'trigger.secret-key' (sk_…) does not start with a secret-key prefix.");
			assertThat(analysis.getAction()).isEqualTo("Set 'trigger.secret-key' (environment variable "
					+ "TRIGGER_SECRET_KEY) to a secret key that starts with tr_dev_, tr_stg_, tr_prod_ or tr_preview_, "
					+ "as shown on the API keys page of the Trigger.dev dashboard.");
			assertNoSecret(analysis, unknown);
			assertNoSecret(analysis, "9f8e7d6c5b4a39281706");
		});
	}

	@Test
	void failsWhenTheAccessTokenHasAnUnknownPrefix() {
		String unknown = "ghp_abcdefabcdefabcdef";
		this.contextRunner.withPropertyValues("trigger.personal-access-token=" + unknown, "trigger.project-ref=proj_x")
			.run((context) -> {
				FailureAnalysis analysis = invalidConfiguration(context);
				assertThat(analysis.getDescription()).isEqualTo(
						"The value of 'trigger.personal-access-token' (ghp_…) does not start with tr_pat_ or tr_oat_.");
				assertThat(analysis.getAction()).isEqualTo("Set 'trigger.personal-access-token' (environment "
						+ "variable TRIGGER_ACCESS_TOKEN) to a personal access token (tr_pat_) or an organization access "
						+ "token (tr_oat_).");
				assertNoSecret(analysis, unknown);
			});
	}

	@Test
	void failsWhenAPreviewKeyHasNoBranch() {
		String previewKey = "tr_preview_0123456789abcdefABCDEF";
		this.contextRunner.withPropertyValues("trigger.secret-key=" + previewKey).run((context) -> {
			FailureAnalysis analysis = invalidConfiguration(context);
			assertThat(analysis.getDescription()).isEqualTo("The secret key (tr_preview_…) belongs to the preview "
					+ "environment, but no preview branch is set. The server answers 401 to every preview call without "
					+ "an x-trigger-branch header.");
			assertThat(analysis.getAction()).isEqualTo("Set 'trigger.preview-branch' (environment variable "
					+ "TRIGGER_PREVIEW_BRANCH) to the name of the preview branch to target.");
			assertNoSecret(analysis, previewKey);
		});
	}

	@Test
	void failsWhenTheEnvironmentContradictsTheSecretKey() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + KEY, "trigger.environment=prod")
			.run((context) -> {
				FailureAnalysis analysis = invalidConfiguration(context);
				assertThat(analysis.getDescription()).isEqualTo(
						"'trigger.environment' is 'prod', but the secret key (tr_dev_…) belongs to the 'dev' environment.");
				assertThat(analysis.getAction()).isEqualTo("Remove 'trigger.environment' (environment variable "
						+ "TRIGGER_ENVIRONMENT) (a secret key sets the environment itself), set it to 'dev', or set "
						+ "'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY) to a key of the 'prod' environment.");
				assertNoSecret(analysis, KEY);
			});
	}

	@Test
	void failsWhenTheApiUrlIsPlainHttpToARemoteHost() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + KEY, "trigger.api-url=http://api.example.com/")
			.run((context) -> {
				FailureAnalysis analysis = invalidConfiguration(context);
				assertThat(analysis.getDescription()).isEqualTo("The API URL 'http://api.example.com' uses http with "
						+ "the host 'api.example.com', which is not a loopback address: credentials would be sent in clear text.");
				assertThat(analysis.getAction()).isEqualTo("Set 'trigger.api-url' (environment variable "
						+ "TRIGGER_API_URL) to an https URL such as https://api.trigger.dev, or to "
						+ "http://localhost:<port> for a local emulator.");
				assertNoSecret(analysis, KEY);
			});
	}

	@Test
	void failureReportMasksTheUserInfoOfTheApiUrl() {
		this.contextRunner
			.withPropertyValues("trigger.secret-key=" + KEY, "trigger.api-url=http://admin:hunter2@api.example.com/v1/")
			.run((context) -> {
				FailureAnalysis analysis = invalidConfiguration(context);
				assertThat(analysis.getDescription()).isEqualTo("The API URL 'http://****@api.example.com/v1' uses "
						+ "http with the host 'api.example.com', which is not a loopback address: credentials would be "
						+ "sent in clear text.");
				assertThat(analysis.getDescription() + analysis.getAction() + context.getStartupFailure())
					.doesNotContain("hunter2")
					.doesNotContain("admin");
			});
		this.contextRunner.withPropertyValues("trigger.secret-key=" + KEY, "trigger.api-url=https://u:p%zz@exa mple")
			.run((context) -> assertThat(invalidConfiguration(context).getDescription())
				.isEqualTo("The API URL 'https://****@exa mple' is not a valid URL."));
	}

	@Test
	void startsWithPlainHttpToALoopbackHost() {
		for (String url : new String[] { "http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:9" }) {
			this.contextRunner.withPropertyValues("trigger.secret-key=" + KEY, "trigger.api-url=" + url)
				.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(RunsClient.class));
		}
	}

	@Test
	void failsWhenTheTasksClientIsInjectedWithOnlyAnAccessToken() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x",
					"trigger.environment=prod")
			.withUserConfiguration(OrderService.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new UnusableTriggerClientFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).as("analysis").isNotNull();
				assertThat(analysis.getDescription()).isEqualTo(TasksClient.class.getName() + " is injected into:\n"
						+ "\t- Parameter 0 of constructor in " + OrderService.class.getName() + "\n"
						+ "but none of its endpoints (task.trigger, task.batchTrigger, packets.upload) accepts a personal "
						+ "access token, which is all that is configured. Every call would be refused.");
				assertThat(analysis.getAction()).isEqualTo("Set 'trigger.secret-key' (environment variable "
						+ "TRIGGER_SECRET_KEY) so that TasksClient can call its endpoints, or remove the injection of TasksClient.");
				assertNoSecret(analysis, PAT);
			});
	}

	@Test
	void failsWhenTheSchedulesClientIsInjectedIntoABeanMethodWithOnlyAnAccessToken() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(SchedulesConsumerConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = new UnusableTriggerClientFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).as("analysis").isNotNull();
				assertThat(analysis.getDescription()).startsWith(SchedulesClient.class.getName() + " is injected into:\n"
						+ "\t- Parameter 0 of method 'scheduleUser' in " + SchedulesConsumerConfiguration.class.getName()
						+ "\n");
				assertThat(analysis.getDescription()).contains("schedules.list, schedules.create, schedules.retrieve, "
						+ "schedules.update, schedules.activate, schedules.deactivate, schedules.del");
			});
	}

	@Test
	void failsWhenTheQueuesOrDeploymentsClientIsInjectedWithOnlyAnAccessToken() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(QueuesConsumerConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = new UnusableTriggerClientFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).as("analysis").isNotNull();
				assertThat(analysis.getDescription()).startsWith(QueuesClient.class.getName() + " is injected into:\n")
					.contains("queues.list, queues.retrieve, queues.pause, queues.resume, "
							+ "queues.overrideConcurrencyLimit, queues.resetConcurrencyLimit");
			});
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(DeploymentsConsumerConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = new UnusableTriggerClientFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).as("analysis").isNotNull();
				assertThat(analysis.getDescription())
					.startsWith(DeploymentsClient.class.getName() + " is injected into:\n")
					.contains("deployments.list, deployments.retrieveCurrent, deployments.retrieve, "
							+ "deployments.latest, deployments.promote");
			});
	}

	@Test
	void startsWithOnlyAnAccessTokenWhenNoSecretKeyClientIsInjected() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(EnvVarsConsumerConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TasksClient.class)
				.hasSingleBean(EnvVarsClient.class));
	}

	private static FailureAnalysis invalidConfiguration(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidTriggerConfigurationException.class);
		FailureAnalysis analysis = new InvalidTriggerConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("analysis").isNotNull();
		return analysis;
	}

	private static void assertNoSecret(FailureAnalysis analysis, String secret) {
		assertThat(analysis.getDescription()).doesNotContain(secret);
		assertThat(analysis.getAction()).doesNotContain(secret);
		assertThat(analysis.getCause().getMessage()).doesNotContain(secret);
	}

	static class OrderService {

		OrderService(TasksClient tasks) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SchedulesConsumerConfiguration {

		@Bean
		String scheduleUser(SchedulesClient schedules) {
			return "uses schedules";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QueuesConsumerConfiguration {

		@Bean
		String queueUser(QueuesClient queues) {
			return "uses queues";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeploymentsConsumerConfiguration {

		@Bean
		String deploymentUser(DeploymentsClient deployments) {
			return "uses deployments";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EnvVarsConsumerConfiguration {

		@Bean
		String envVarsUser(EnvVarsClient envVars, RunsClient runs) {
			return "uses env vars and runs";
		}

	}

}
