package io.github.triggerspring.autoconfigure;

import java.time.Duration;

import io.github.triggerspring.TriggerClient;
import io.github.triggerspring.TriggerWebClientCustomizer;
import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.tasks.IdempotencyKeysClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.testing.MockTriggerApi;
import io.github.triggerspring.tokens.PublicTokensClient;
import io.github.triggerspring.waitpoints.WaitpointsClient;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerAutoConfiguration}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class TriggerAutoConfigurationTests {

	private static final String RUN_JSON = """
			{"id":"run_1234","status":"COMPLETED","taskIdentifier":"process-order","isQueued":false,
			 "isExecuting":false,"isWaiting":false,"isCompleted":true,"isSuccess":true,"isFailed":false,
			 "isCancelled":false,"isTest":false,"createdAt":"2026-11-27T10:00:00.000Z","tags":[],
			 "costInCents":0,"baseCostInCents":0,"durationMs":12,"depth":0,"attemptCount":1}""";

	private final MockTriggerApi api = new MockTriggerApi();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				TriggerAutoConfiguration.class))
		.withPropertyValues("trigger.api-url=" + this.api.baseUrl() + "/", "trigger.retry.max-attempts=1");

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	@Test
	void definesEveryClientWithASecretKey() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY).run((context) -> {
			assertThat(context).hasSingleBean(PropertiesTriggerConnectionDetails.class)
				.hasSingleBean(DefaultTriggerAuthStrategy.class)
				.hasSingleBean(TriggerHttpClient.class)
				.hasSingleBean(TasksClient.class)
				.hasSingleBean(RunsClient.class)
				.hasSingleBean(EnvVarsClient.class)
				.hasSingleBean(SchedulesClient.class)
				.hasSingleBean(QueuesClient.class)
				.hasSingleBean(DeploymentsClient.class)
				.hasSingleBean(BatchesClient.class)
				.hasSingleBean(IdempotencyKeysClient.class)
				.hasSingleBean(WaitpointsClient.class)
				.hasSingleBean(PublicTokensClient.class)
				.hasSingleBean(TriggerClient.class);
			TriggerClient client = context.getBean(TriggerClient.class);
			assertThat(client.runs()).isSameAs(context.getBean(RunsClient.class));
			assertThat(client.tasks()).isSameAs(context.getBean(TasksClient.class));
			assertThat(client.queues()).isSameAs(context.getBean(QueuesClient.class));
			assertThat(client.deployments()).isSameAs(context.getBean(DeploymentsClient.class));
			assertThat(client.batch()).isSameAs(context.getBean(BatchesClient.class));
			assertThat(client.idempotencyKeys()).isSameAs(context.getBean(IdempotencyKeysClient.class));
			assertThat(client.waitpoints()).isSameAs(context.getBean(WaitpointsClient.class));
			assertThat(client.auth()).isSameAs(context.getBean(PublicTokensClient.class));
		});
	}

	@Test
	void createsTheHttpClientAndTheClientsOnFirstUse() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanFactory().getSingletonNames()).contains("triggerAuthStrategy")
				.doesNotContain("triggerHttpClient", "triggerClient", "triggerTasksClient", "triggerRunsClient");
			context.getBean(TriggerClient.class);
			assertThat(context.getBeanFactory().getSingletonNames()).contains("triggerHttpClient", "triggerClient",
					"triggerTasksClient", "triggerRunsClient");
		});
	}

	@Test
	void callsTheConfiguredApiUrlWithoutItsTrailingSlash() {
		this.api.respond(200, RUN_JSON);
		this.contextRunner.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY).run((context) -> {
			StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
				.assertNext((run) -> assertThat(run.id()).isEqualTo("run_1234"))
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			RecordedRequest request = this.api.takeRequest();
			assertThat(request.getTarget()).isEqualTo("/api/v3/runs/run_1234");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		});
	}

	@Test
	void isDisabledByTheEnabledFlag() {
		this.contextRunner.withPropertyValues("trigger.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TriggerHttpClient.class)
				.doesNotHaveBean(TriggerAuthStrategy.class)
				.doesNotHaveBean(RunsClient.class));
	}

	@Test
	void backsOffWithoutWebClient() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY)
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive.function.client"))
			.run((context) -> assertThat(context).doesNotHaveBean(TriggerHttpClient.class));
	}

	@Test
	void backsOffFromAUserDefinedAuthStrategyAndSkipsCredentialChecks() {
		this.contextRunner.withUserConfiguration(CustomAuthStrategyConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TriggerAuthStrategy.class).hasBean("customAuthStrategy");
			assertThat(context).doesNotHaveBean(DefaultTriggerAuthStrategy.class);
			this.api.respond(200, RUN_JSON);
			StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			assertThat(this.api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tr_prod_fromvault");
		});
	}

	@Test
	void backsOffFromUserDefinedClients() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY)
			.withUserConfiguration(CustomClientsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(RunsClient.class).hasBean("myRunsClient");
				assertThat(context).hasSingleBean(TriggerClient.class).hasBean("myTriggerClient");
				assertThat(context).doesNotHaveBean("triggerRunsClient");
			});
	}

	@Test
	void customConnectionDetailsReplaceThePropertiesAdapterAndWinOverProperties() {
		this.contextRunner
			.withPropertyValues("trigger.secret-key=tr_prod_fromproperties0000000000",
					"trigger.api-url=https://api.trigger.dev")
			.withBean(TriggerConnectionDetails.class, () -> new TriggerConnectionDetails() {

				@Override
				public String getApiUrl() {
					return TriggerAutoConfigurationTests.this.api.baseUrl();
				}

				@Override
				public @Nullable String getSecretKey() {
					return MockTriggerApi.SECRET_KEY;
				}

			})
			.run((context) -> {
				assertThat(context).hasSingleBean(TriggerConnectionDetails.class)
					.doesNotHaveBean(PropertiesTriggerConnectionDetails.class);
				this.api.respond(200, RUN_JSON);
				StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
					.expectNextCount(1)
					.expectComplete()
					.verify(Duration.ofSeconds(5));
				assertThat(this.api.takeRequest().getHeaders().get("Authorization"))
					.isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
			});
	}

	@Test
	void appliesBootsWebClientCustomizersThenTriggerOnes() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY)
			.withBean(WebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("x-app-wide", "boot").defaultHeader("x-order", "boot"))
			.withBean(TriggerWebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("x-trigger-only", "yes")
						.defaultHeaders((headers) -> headers.set("x-order", "trigger")))
			.run((context) -> {
				this.api.respond(200, RUN_JSON);
				StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
					.expectNextCount(1)
					.expectComplete()
					.verify(Duration.ofSeconds(5));
				RecordedRequest request = this.api.takeRequest();
				assertThat(request.getHeaders().get("x-app-wide")).isEqualTo("boot");
				assertThat(request.getHeaders().get("x-trigger-only")).isEqualTo("yes");
				assertThat(request.getHeaders().values("x-order")).containsExactly("trigger");
			});
	}

	@Test
	void buildsItsConnectorOnTheFirstCallWithTheApplicationsSettingsAndItsOwnConnectTimeout() {
		java.util.List<HttpClientSettings> built = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.List<String> customized = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.contextRunner
			.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY, "trigger.connect-timeout=3s",
					"spring.http.clients.read-timeout=42s")
			.withBean(ClientHttpConnectorBuilder.class, () -> (ClientHttpConnectorBuilder<?>) (settings) -> {
				built.add(settings);
				return ClientHttpConnectorBuilder.reactor().build(settings);
			})
			.withBean(TriggerWebClientCustomizer.class, () -> (builder) -> customized.add("trigger"))
			.run((context) -> {
				context.getBean(TriggerHttpClient.class);
				assertThat(built).isEmpty();
				assertThat(customized).isEmpty();
				this.api.respond(200, RUN_JSON);
				this.api.respond(200, RUN_JSON);
				for (int call = 0; call < 2; call++) {
					StepVerifier.create(context.getBean(RunsClient.class).retrieve("run_1234"))
						.expectNextCount(1)
						.expectComplete()
						.verify(Duration.ofSeconds(5));
				}
				assertThat(customized).containsExactly("trigger");
				assertThat(built).anySatisfy((settings) -> {
					assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
					assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(42));
				});
			});
	}

	@Test
	void usesTheApplicationsJsonMapper() {
		this.contextRunner.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY)
			.run((context) -> assertThat(context.getBean(TriggerHttpClient.class).jsonMapper())
				.isSameAs(context.getBean(JsonMapper.class)));
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner
			.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY, "trigger.project-ref=proj_abc",
					"trigger.environment=dev", "trigger.preview-branch=feature-x", "trigger.connect-timeout=3s",
					"trigger.response-timeout=7s", "trigger.retry.max-attempts=3", "trigger.retry.initial-backoff=200ms",
					"trigger.retry.max-backoff=5s", "trigger.retry.multiplier=2.5", "trigger.retry.jitter=0.5")
			.run((context) -> {
				TriggerProperties properties = context.getBean(TriggerProperties.class);
				assertThat(properties.getProjectRef()).isEqualTo("proj_abc");
				assertThat(properties.getEnvironment()).hasToString("DEV");
				assertThat(properties.getPreviewBranch()).isEqualTo("feature-x");
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(3);
				assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(200));
				assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getRetry().getMultiplier()).isEqualTo(2.5);
				assertThat(properties.getRetry().getJitter()).isEqualTo(0.5);
			});
	}

	@Test
	void logsOneWarningWhenAPreviewBranchIsSetWithANonPreviewKey(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("trigger.secret-key=tr_prod_0123456789abcdefABCDEF01", "trigger.preview-branch=feature-x")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String warning = "'trigger.preview-branch' is set to 'feature-x', but the secret key belongs to the "
						+ "'prod' environment: the branch is ignored for secret-key calls, because x-trigger-branch is "
						+ "only sent to the preview environment.";
				assertThat(output.getOut().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
				assertThat(output.getOut()).contains("WARN").doesNotContain("tr_prod_0123456789abcdefABCDEF01");
			});
	}

	@Test
	void refusesAnUnsupportedPairAtCallTimeWithoutSendingAnything() {
		this.contextRunner
			.withPropertyValues("trigger.personal-access-token=" + MockTriggerApi.PAT, "trigger.project-ref=proj_abc",
					"trigger.environment=prod")
			.run((context) -> {
				Mono<Run> call = context.getBean(TriggerClient.class).runs().retrieve("run_1234");
				StepVerifier.create(call)
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedCredentialException.class)
						.hasMessage("Endpoint 'runs.retrieve' accepts a secret key, but only a personal access token is "
								+ "configured. Set 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY)."))
					.verify(Duration.ofSeconds(5));
				assertThat(this.api.requestCount()).isZero();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomAuthStrategyConfiguration {

		@Bean
		TriggerAuthStrategy customAuthStrategy() {
			return new TriggerAuthStrategy() {

				@Override
				public Mono<CallAuthorization> authorize(TriggerEndpoint endpoint, AuthOptions options) {
					return Mono.just(new CallAuthorization(endpoint, io.github.triggerspring.auth.CredentialKind.SECRET_KEY,
							"tr_prod_fromvault", null, null, null));
				}

				@Override
				public boolean canCall(TriggerEndpoint endpoint) {
					return true;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomClientsConfiguration {

		@Bean
		RunsClient myRunsClient(TriggerHttpClient http) {
			return new RunsClient(http);
		}

		@Bean
		TriggerClient myTriggerClient(TasksClient tasks, RunsClient runs, EnvVarsClient envVars,
				SchedulesClient schedules, QueuesClient queues, DeploymentsClient deployments, BatchesClient batch,
				IdempotencyKeysClient idempotencyKeys, WaitpointsClient waitpoints, PublicTokensClient auth) {
			return new TriggerClient(tasks, runs, envVars, schedules, queues, deployments, batch, idempotencyKeys,
					waitpoints, auth);
		}

	}

}
