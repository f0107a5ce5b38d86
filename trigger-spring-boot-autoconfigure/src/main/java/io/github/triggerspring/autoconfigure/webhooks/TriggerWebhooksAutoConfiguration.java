package io.github.triggerspring.autoconfigure.webhooks;

import io.github.triggerspring.auth.InvalidTriggerConfigurationException;
import io.github.triggerspring.internal.auth.Secrets;
import io.github.triggerspring.webhooks.TriggerWebhookReceivedEvent;
import io.github.triggerspring.webhooks.TriggerWebhookVerifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of the Trigger.dev alert webhook endpoint: opt-in with
 * {@code trigger.webhooks.path}, for WebFlux and for servlet applications. Each delivery
 * is verified with {@code trigger.webhooks.secret} and published as a
 * {@link TriggerWebhookReceivedEvent}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "trigger.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "trigger.webhooks.path")
@EnableConfigurationProperties(TriggerWebhooksProperties.class)
public final class TriggerWebhooksAutoConfiguration {

	private static final Log logger = LogFactory.getLog(TriggerWebhooksAutoConfiguration.class);

	private static final DataSize LARGEST_MAX_BODY_SIZE = DataSize.ofGigabytes(1);

	TriggerWebhooksAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	TriggerWebhookVerifier triggerWebhookVerifier(TriggerWebhooksProperties properties) {
		String secret = properties.getSecret();
		if (!StringUtils.hasText(secret)) {
			throw new InvalidTriggerConfigurationException("'trigger.webhooks.path' is set to '" + properties.getPath()
					+ "', but no webhook secret is configured: no delivery could be verified.",
					"Set 'trigger.webhooks.secret' (environment variable TRIGGER_WEBHOOKS_SECRET) to the secret of "
							+ "the alert channel's webhook, or remove 'trigger.webhooks.path' to turn the endpoint off.");
		}
		logger.debug("Trigger.dev alert webhooks are verified with the secret " + Secrets.mask(secret));
		return new TriggerWebhookVerifier(secret);
	}

	static TriggerWebhookReceiver receiver(TriggerWebhookVerifier verifier, ApplicationEventPublisher publisher,
			TriggerWebhooksProperties properties) {
		DataSize maxBodySize = properties.getMaxBodySize();
		if (maxBodySize.toBytes() < 1 || maxBodySize.compareTo(LARGEST_MAX_BODY_SIZE) > 0) {
			throw new InvalidConfigurationPropertyValueException("trigger.webhooks.max-body-size", maxBodySize,
					"Must be at least 1B and at most 1GB.");
		}
		if (properties.getRememberedDeliveries() < 0) {
			throw new InvalidConfigurationPropertyValueException("trigger.webhooks.remembered-deliveries",
					properties.getRememberedDeliveries(), "Must be 0 or more.");
		}
		return new TriggerWebhookReceiver(verifier, publisher, properties.getRememberedDeliveries(), maxBodySize);
	}

	static String path(TriggerWebhooksProperties properties) {
		String path = properties.getPath();
		if (path == null || !path.startsWith("/")) {
			throw new InvalidConfigurationPropertyValueException("trigger.webhooks.path", path,
					"Must start with '/', for example /trigger/webhooks.");
		}
		logger.info("Receiving Trigger.dev alert webhooks at POST " + path);
		return path;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(RouterFunction.class)
	static class ReactiveWebhookEndpointConfiguration {

		@Bean
		RouterFunction<ServerResponse> triggerWebhookRouterFunction(TriggerWebhookVerifier verifier,
				ApplicationEventPublisher publisher, TriggerWebhooksProperties properties) {
			return ReactiveWebhookEndpoint.route(path(properties), receiver(verifier, publisher, properties));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletWebhookEndpointConfiguration {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> triggerWebhookRouterFunction(
				TriggerWebhookVerifier verifier, ApplicationEventPublisher publisher,
				TriggerWebhooksProperties properties) {
			return ServletWebhookEndpoint.route(path(properties), receiver(verifier, publisher, properties));
		}

	}

}
