package io.github.triggerspring.autoconfigure;

import java.util.function.Supplier;

import io.github.triggerspring.TriggerClient;
import io.github.triggerspring.TriggerWebClientCustomizer;
import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEndpoint.Namespace;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerHttpSettings;
import io.github.triggerspring.observation.TriggerObservationConvention;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.tasks.IdempotencyKeysClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tokens.PublicTokensClient;
import io.github.triggerspring.waitpoints.WaitpointsClient;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration for the Trigger.dev management API clients.
 * <p>
 * Ordered after {@link WebClientAutoConfiguration} and {@link JacksonAutoConfiguration}
 * only so that their conditional beans are defined first; the clients are built from the
 * application's {@link WebClient.Builder} and {@link JsonMapper} when present.
 * <p>
 * The namespace clients, {@link TriggerClient} and {@link TriggerHttpClient} are lazy
 * beans: an application that injects none of them at startup creates them (and loads
 * Reactor's schedulers) on first use. The credentials and the API URL are checked at
 * startup all the same. Each client's factory passes the new client through
 * {@link TriggerClientGuard}, which fails the start when a bean injects a client that
 * cannot call any of its endpoints. No bean depends on a condition on credential values:
 * under AOT, conditions are evaluated at build time, and credentials arrive at run time.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "trigger.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TriggerProperties.class)
@ImportRuntimeHints(TriggerRuntimeHints.class)
public final class TriggerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(TriggerAutoConfiguration.class);

	TriggerAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(TriggerConnectionDetails.class)
	PropertiesTriggerConnectionDetails triggerConnectionDetails(TriggerProperties properties, Environment environment) {
		// the first bean that reads the properties: a bad value fails the start here
		TriggerPropertiesValidator.check(properties, environment);
		return new PropertiesTriggerConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	TriggerAuthStrategy triggerAuthStrategy(TriggerConnectionDetails connectionDetails, TriggerProperties properties) {
		TriggerCredentials credentials = TriggerCredentials.of(connectionDetails.getSecretKey(),
				connectionDetails.getPersonalAccessToken(), connectionDetails.getProjectRef(),
				properties.getEnvironment(), connectionDetails.getPreviewBranch());
		TriggerEnvironment keyEnvironment = credentials.secretKeyEnvironment();
		if (keyEnvironment != null && keyEnvironment != TriggerEnvironment.PREVIEW
				&& credentials.previewBranch() != null) {
			logger.warn("'trigger.preview-branch' is set to '" + credentials.previewBranch()
					+ "', but the secret key belongs to the '" + keyEnvironment.pathSegment()
					+ "' environment: the branch is ignored for secret-key calls, because x-trigger-branch "
					+ "is only sent to the preview environment.");
		}
		return new DefaultTriggerAuthStrategy(credentials);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	TriggerHttpClient triggerHttpClient(TriggerConnectionDetails connectionDetails, TriggerProperties properties,
			TriggerAuthStrategy authStrategy, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<TriggerWebClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TriggerObservationConvention> observationConvention) {
		String apiUrl = TriggerApiUrl.check(connectionDetails.getApiUrl());
		// built on the first call: the codecs and the connector's pool are most of the
		// starter's startup cost, and an application may never call the API
		Supplier<WebClient> webClient = () -> {
			WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).baseUrl(apiUrl);
			ClientHttpConnectorBuilder<?> connector = connectorBuilder.getIfAvailable();
			if (connector != null) {
				HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
					.withConnectTimeout(properties.getConnectTimeout());
				builder.clientConnector(connector.build(settings));
			}
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		};
		TriggerProperties.Retry retry = properties.getRetry();
		TriggerRetryPolicy retryPolicy = new TriggerRetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(),
				retry.getMaxBackoff(), retry.getMultiplier(), retry.getJitter(), retry.getMaxRateLimitWait());
		TriggerHttpSettings settings = new TriggerHttpSettings(retryPolicy, properties.getResponseTimeout(),
				properties.getCallTimeout(), properties.getMaxResponseSize());
		return TriggerHttpClient.builder(webClient, authStrategy, jsonMapper.getIfAvailable(JsonMapper::new))
			.settings(settings)
			.observations(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					observationConvention.getIfAvailable())
			.build();
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	TasksClient triggerTasksClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new TasksClient(http), Namespace.TASKS);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	RunsClient triggerRunsClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new RunsClient(http), Namespace.RUNS);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	EnvVarsClient triggerEnvVarsClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new EnvVarsClient(http), Namespace.ENVVARS);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	SchedulesClient triggerSchedulesClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new SchedulesClient(http), Namespace.SCHEDULES);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	QueuesClient triggerQueuesClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new QueuesClient(http), Namespace.QUEUES);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	BatchesClient triggerBatchesClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new BatchesClient(http), Namespace.BATCH);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	DeploymentsClient triggerDeploymentsClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new DeploymentsClient(http), Namespace.DEPLOYMENTS);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	IdempotencyKeysClient triggerIdempotencyKeysClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new IdempotencyKeysClient(http), Namespace.IDEMPOTENCY_KEYS);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	WaitpointsClient triggerWaitpointsClient(TriggerHttpClient http, TriggerClientGuard guard) {
		return guard.check(new WaitpointsClient(http), Namespace.WAIT);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	PublicTokensClient triggerPublicTokensClient(TriggerHttpClient http, TriggerAuthStrategy authStrategy,
			TriggerClientGuard guard) {
		return guard.check(new PublicTokensClient(http, authStrategy), Namespace.AUTH);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	TriggerClient triggerClient(TasksClient tasks, RunsClient runs, EnvVarsClient envVars,
			SchedulesClient schedules, QueuesClient queues, DeploymentsClient deployments, BatchesClient batch,
			IdempotencyKeysClient idempotencyKeys, WaitpointsClient waitpoints, PublicTokensClient auth) {
		return new TriggerClient(tasks, runs, envVars, schedules, queues, deployments, batch, idempotencyKeys,
				waitpoints, auth);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		/**
		 * Masks Trigger.dev credentials in actuator output ({@code /actuator/env},
		 * {@code /actuator/configprops}), even where values are shown: by property or
		 * environment variable name, and by the credential prefixes wherever they appear.
		 */
		@Bean
		SanitizingFunction triggerCredentialsSanitizingFunction() {
			return SanitizingFunction.sanitizeValue()
				.ifKeyMatches((key) -> TriggerCredentialNames.isCredential(key))
				.ifValueStringMatches(TriggerCredentialNames.CREDENTIAL_VALUE);
		}

	}

	@Bean
	TriggerClientGuard triggerClientGuard(ConfigurableListableBeanFactory beanFactory,
			TriggerAuthStrategy authStrategy, TriggerConnectionDetails connectionDetails, TriggerProperties properties,
			Environment environment) {
		// also when the application defines the connection details
		TriggerPropertiesValidator.check(properties, environment);
		// the HTTP client is a lazy bean: a bad API URL still fails the start here
		TriggerApiUrl.check(connectionDetails.getApiUrl());
		return new TriggerClientGuard(beanFactory, authStrategy, connectionDetails);
	}

}
