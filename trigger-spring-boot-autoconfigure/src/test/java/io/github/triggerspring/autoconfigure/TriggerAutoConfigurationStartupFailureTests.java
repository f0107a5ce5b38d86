package io.github.triggerspring.autoconfigure;

import java.time.Duration;
import java.util.function.Predicate;

import io.github.triggerspring.TriggerClient;
import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.InvalidTriggerConfigurationException;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEndpoint.Namespace;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.TasksClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.springframework.context.annotation.Lazy;

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
	void startsWithOnlyAnAccessTokenWhenTheSchedulesClientIsInjected() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(SchedulesConsumerConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().hasBean("scheduleUser"));
	}

	@Test
	void failsWhenTheQueuesClientIsInjectedIntoABeanMethodWithOnlyAnAccessToken() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(QueuesConsumerConfiguration.class)
			.run((context) -> {
				FailureAnalysis analysis = unusableClient(context);
				assertThat(analysis.getDescription()).isEqualTo(QueuesClient.class.getName() + " is injected into:\n"
						+ "\t- Parameter 0 of method queueUser in " + QueuesConsumerConfiguration.class.getName() + "\n"
						+ "but none of its endpoints (queues.list, queues.retrieve, queues.pause, queues.resume, "
						+ "queues.overrideConcurrencyLimit, queues.resetConcurrencyLimit) accepts a personal access "
						+ "token, which is all that is configured. Every call would be refused.");
				assertThat(analysis.getAction()).isEqualTo("Set 'trigger.secret-key' (environment variable "
						+ "TRIGGER_SECRET_KEY) so that QueuesClient can call its endpoints, or remove the injection of QueuesClient.");
				assertNoSecret(analysis, PAT);
			});
	}

	@Test
	void failsWhenTheDeploymentsClientIsInjectedIntoAFieldWithOnlyAnAccessToken() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(DeploymentsFieldConsumer.class)
			.run((context) -> {
				FailureAnalysis analysis = unusableClient(context);
				assertThat(analysis.getDescription()).isEqualTo(DeploymentsClient.class.getName()
						+ " is injected into:\n" + "\t- Field deployments in " + DeploymentsFieldConsumer.class.getName()
						+ "\nbut none of its endpoints (deployments.list, deployments.retrieveCurrent, "
						+ "deployments.retrieve, deployments.latest, deployments.promote) accepts a personal access "
						+ "token, which is all that is configured. Every call would be refused.");
			});
	}

	@Test
	void failsWithNoCredentialWhenAUserStrategyRefusesEveryTasksEndpoint() {
		this.contextRunner.withUserConfiguration(RunsOnlyAuthStrategyConfiguration.class, OrderService.class)
			.run((context) -> assertThat(unusableClient(context).getDescription())
				.isEqualTo(TasksClient.class.getName() + " is injected into:\n" + "\t- Parameter 0 of constructor in "
						+ OrderService.class.getName() + "\nbut none of its endpoints (task.trigger, task.batchTrigger, "
						+ "packets.upload) accepts no credential, which is all that is configured. Every call would be "
						+ "refused."));
	}

	@Test
	void startsWithOnlyAnAccessTokenWhenAUserStrategyAcceptsTheTasksEndpoints() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(AcceptingAuthStrategyConfiguration.class, OrderService.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(OrderService.class));
	}

	@Test
	void refusesAtCallTimeATasksClientReachedThroughAnObjectProvider() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x",
					"trigger.api-url=http://127.0.0.1:9")
			.withUserConfiguration(ProvidedTasksConsumer.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertRefused(context.getBean(ProvidedTasksConsumer.class).tasks.getObject());
			});
	}

	@Test
	void refusesAtCallTimeATasksClientInjectedLazily() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x",
					"trigger.api-url=http://127.0.0.1:9")
			.withUserConfiguration(LazyTasksConsumer.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertRefused(context.getBean(LazyTasksConsumer.class).tasks);
			});
	}

	@Test
	void startsWithOnlyAnAccessTokenWhenTheAggregateClientIsInjected() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x",
					"trigger.api-url=http://127.0.0.1:9")
			.withUserConfiguration(TriggerClientConsumer.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TriggerClient client = context.getBean(TriggerClientConsumer.class).client;
				assertThat(client.tasks()).isSameAs(context.getBean(TasksClient.class));
				assertRefused(client.tasks());
			});
	}

	@Test
	void failsWhenTheTasksClientIsInjectedAfterTheAggregateClientWithOnlyAnAccessToken() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + PAT, "trigger.project-ref=proj_x")
			.withUserConfiguration(TriggerClientConsumer.class, OrderService.class)
			.run((context) -> {
				FailureAnalysis analysis = unusableClient(context);
				assertThat(analysis.getDescription()).isEqualTo(TasksClient.class.getName() + " is injected into:\n"
						+ "\t- Bean 'triggerAutoConfigurationStartupFailureTests.OrderService' of type "
						+ OrderService.class.getName() + "\n"
						+ "but none of its endpoints (task.trigger, task.batchTrigger, packets.upload) accepts a personal "
						+ "access token, which is all that is configured. Every call would be refused.");
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

	private static FailureAnalysis unusableClient(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new UnusableTriggerClientFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("analysis").isNotNull();
		return analysis;
	}

	private static void assertRefused(TasksClient tasks) {
		StepVerifier.create(tasks.trigger("process-order", "order-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedCredentialException.class)
				.hasMessage("Endpoint 'task.trigger' accepts a secret key, but only a personal access token is "
						+ "configured. Set 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY)."))
			.verify(Duration.ofSeconds(5));
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

	static class DeploymentsFieldConsumer {

		@Autowired
		DeploymentsClient deployments;

	}

	static class ProvidedTasksConsumer {

		final ObjectProvider<TasksClient> tasks;

		ProvidedTasksConsumer(ObjectProvider<TasksClient> tasks) {
			this.tasks = tasks;
		}

	}

	static class LazyTasksConsumer {

		final TasksClient tasks;

		LazyTasksConsumer(@Lazy TasksClient tasks) {
			this.tasks = tasks;
		}

	}

	static class TriggerClientConsumer {

		final TriggerClient client;

		TriggerClientConsumer(TriggerClient client) {
			this.client = client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RunsOnlyAuthStrategyConfiguration {

		@Bean
		TriggerAuthStrategy runsOnlyAuthStrategy() {
			return new FixedAuthStrategy((endpoint) -> endpoint.namespace() == Namespace.RUNS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AcceptingAuthStrategyConfiguration {

		@Bean
		TriggerAuthStrategy acceptingAuthStrategy() {
			return new FixedAuthStrategy((endpoint) -> true);
		}

	}

	record FixedAuthStrategy(Predicate<TriggerEndpoint> callable) implements TriggerAuthStrategy {

		@Override
		public Mono<CallAuthorization> authorize(TriggerEndpoint endpoint, AuthOptions options) {
			return Mono.error(new IllegalStateException("not called"));
		}

		@Override
		public boolean canCall(TriggerEndpoint endpoint) {
			return this.callable.test(endpoint);
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
