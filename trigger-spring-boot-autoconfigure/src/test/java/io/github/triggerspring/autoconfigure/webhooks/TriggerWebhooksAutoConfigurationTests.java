package io.github.triggerspring.autoconfigure.webhooks;

import io.github.triggerspring.webhooks.TriggerWebhookVerifier;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerWebhooksAutoConfiguration}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerWebhooksAutoConfigurationTests {

	private static final String[] ENABLED = { "trigger.webhooks.path=/trigger/webhooks",
			"trigger.webhooks.secret=whsec_0123456789" };

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TriggerWebhooksAutoConfiguration.class));

	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TriggerWebhooksAutoConfiguration.class));

	@Test
	void definesNothingWithoutPath() {
		this.reactiveRunner.withPropertyValues("trigger.webhooks.secret=whsec_0123456789")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TriggerWebhookVerifier.class)
				.doesNotHaveBean("triggerWebhookRouterFunction"));
	}

	@Test
	void definesNothingWhenTriggerIsDisabled() {
		this.reactiveRunner.withPropertyValues(ENABLED)
			.withPropertyValues("trigger.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TriggerWebhookVerifier.class));
	}

	@Test
	void definesAReactiveRouteInAWebFluxApplication() {
		this.reactiveRunner.withPropertyValues(ENABLED)
			.run((context) -> assertThat(context).hasSingleBean(TriggerWebhookVerifier.class)
				.getBean("triggerWebhookRouterFunction")
				.isInstanceOf(RouterFunction.class));
	}

	@Test
	void definesAServletRouteInAServletApplication() {
		this.servletRunner.withPropertyValues(ENABLED)
			.run((context) -> assertThat(context).hasSingleBean(TriggerWebhookVerifier.class)
				.getBean("triggerWebhookRouterFunction")
				.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class));
	}

	@Test
	void definesNoServletRouteWithoutSpringMvc() {
		this.servletRunner.withPropertyValues(ENABLED)
			.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TriggerWebhookVerifier.class)
				.doesNotHaveBean("triggerWebhookRouterFunction"));
	}

	@Test
	void definesOnlyTheVerifierOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TriggerWebhooksAutoConfiguration.class))
			.withPropertyValues(ENABLED)
			.run((context) -> assertThat(context).hasSingleBean(TriggerWebhookVerifier.class)
				.doesNotHaveBean("triggerWebhookRouterFunction"));
	}

	@Test
	void backsOffForAVerifierOfTheApplicationWhichNeedsNoSecret() {
		this.reactiveRunner.withPropertyValues("trigger.webhooks.path=/trigger/webhooks")
			.withUserConfiguration(CustomVerifierConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(TriggerWebhookVerifier.class)
				.hasBean("customVerifier")
				.hasBean("triggerWebhookRouterFunction"));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomVerifierConfiguration {

		@Bean
		TriggerWebhookVerifier customVerifier() {
			return new TriggerWebhookVerifier("from-a-vault");
		}

	}

}
