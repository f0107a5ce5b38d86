package io.github.triggerspring.autoconfigure.health;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.autoconfigure.TriggerAutoConfiguration;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.health.TriggerReactiveHealthIndicator;
import io.github.triggerspring.internal.http.TriggerHttpClient;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code trigger} health contributor: a
 * {@link TriggerReactiveHealthIndicator} for the {@link TriggerHttpClient}, checking the
 * secret key when one is configured and otherwise the personal access token. Turned off
 * with {@code management.health.trigger.enabled=false}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = TriggerAutoConfiguration.class)
@ConditionalOnClass({ TriggerHttpClient.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ TriggerHttpClient.class, TriggerConnectionDetails.class })
@ConditionalOnEnabledHealthIndicator("trigger")
@EnableConfigurationProperties(TriggerHealthProperties.class)
public final class TriggerReactiveHealthContributorAutoConfiguration
		extends CompositeReactiveHealthContributorConfiguration<TriggerReactiveHealthIndicator, TriggerHttpClient> {

	TriggerReactiveHealthContributorAutoConfiguration(TriggerConnectionDetails connectionDetails,
			TriggerHealthProperties properties) {
		super((http) -> new TriggerReactiveHealthIndicator(http, credential(connectionDetails),
				properties.getTimeout()));
	}

	private static CredentialKind credential(TriggerConnectionDetails connectionDetails) {
		return (connectionDetails.getSecretKey() == null && connectionDetails.getPersonalAccessToken() != null)
				? CredentialKind.PERSONAL_ACCESS_TOKEN : CredentialKind.SECRET_KEY;
	}

	@Bean
	@ConditionalOnMissingBean(name = { "triggerHealthIndicator", "triggerHealthContributor" })
	ReactiveHealthContributor triggerHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, TriggerHttpClient.class);
	}

}
