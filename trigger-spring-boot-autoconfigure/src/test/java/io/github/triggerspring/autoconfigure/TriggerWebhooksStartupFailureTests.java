package io.github.triggerspring.autoconfigure;

import io.github.triggerspring.auth.InvalidTriggerConfigurationException;
import io.github.triggerspring.autoconfigure.webhooks.TriggerWebhooksAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the startup failures of {@link TriggerWebhooksAutoConfiguration} and their
 * failure analyses.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerWebhooksStartupFailureTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TriggerWebhooksAutoConfiguration.class));

	@Test
	void failsWhenThePathIsSetWithoutSecret() {
		this.contextRunner.withPropertyValues("trigger.webhooks.path=/trigger/webhooks").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidTriggerConfigurationException.class);
			FailureAnalysis analysis = new InvalidTriggerConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("'trigger.webhooks.path' is set to '/trigger/webhooks', "
					+ "but no webhook secret is configured: no delivery could be verified.");
			assertThat(analysis.getAction()).isEqualTo("Set 'trigger.webhooks.secret' (environment variable "
					+ "TRIGGER_WEBHOOKS_SECRET) to the secret of the alert channel's webhook, or remove "
					+ "'trigger.webhooks.path' to turn the endpoint off.");
		});
	}

	@Test
	void failsWhenTheSecretIsBlank() {
		this.contextRunner.withPropertyValues("trigger.webhooks.path=/hooks", "trigger.webhooks.secret= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidTriggerConfigurationException.class)
				.hasMessageContaining("'trigger.webhooks.secret'"));
	}

	@Test
	void failsWhenThePathIsRelative() {
		this.contextRunner.withPropertyValues("trigger.webhooks.path=hooks", "trigger.webhooks.secret=whsec_x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("trigger.webhooks.path")
				.hasMessageContaining("Must start with '/'"));
	}

	@Test
	void failsWhenTheBodyLimitIsOutOfRange() {
		this.contextRunner
			.withPropertyValues("trigger.webhooks.path=/hooks", "trigger.webhooks.secret=whsec_x",
					"trigger.webhooks.max-body-size=0B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("trigger.webhooks.max-body-size"));
	}

	@Test
	void failsWhenTheRememberedDeliveriesAreNegative() {
		this.contextRunner
			.withPropertyValues("trigger.webhooks.path=/hooks", "trigger.webhooks.secret=whsec_x",
					"trigger.webhooks.remembered-deliveries=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("trigger.webhooks.remembered-deliveries"));
	}

}
