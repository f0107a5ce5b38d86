package io.github.triggerspring.autoconfigure.health;

import java.time.Duration;

import io.github.triggerspring.autoconfigure.TriggerAutoConfiguration;
import io.github.triggerspring.health.TriggerReactiveHealthIndicator;
import io.github.triggerspring.testing.MockTriggerApi;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerReactiveHealthContributorAutoConfiguration}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerReactiveHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TriggerAutoConfiguration.class,
				TriggerReactiveHealthContributorAutoConfiguration.class))
		.withPropertyValues("trigger.secret-key=" + MockTriggerApi.SECRET_KEY);

	@Test
	void registersTheTriggerHealthIndicatorWithATwoSecondTimeout() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TriggerReactiveHealthIndicator.class)
				.hasBean("triggerHealthContributor");
			assertThat(context.getBean(TriggerHealthProperties.class).getTimeout()).isEqualTo(Duration.ofSeconds(2));
		});
	}

	@Test
	void checksTheSecretKeyWhenOneIsConfigured() {
		this.contextRunner.withPropertyValues("trigger.personal-access-token=" + MockTriggerApi.PAT,
				"trigger.project-ref=" + MockTriggerApi.PROJECT_REF)
			.run((context) -> assertThat(ReflectionTestUtils.getField(
					context.getBean(TriggerReactiveHealthIndicator.class), "credential"))
				.hasToString("SECRET_KEY"));
	}

	@Test
	void checksTheAccessTokenWhenItIsTheOnlyCredential() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TriggerAutoConfiguration.class,
					TriggerReactiveHealthContributorAutoConfiguration.class))
			.withPropertyValues("trigger.personal-access-token=" + MockTriggerApi.PAT,
					"trigger.project-ref=" + MockTriggerApi.PROJECT_REF, "trigger.environment=prod")
			.run((context) -> assertThat(ReflectionTestUtils.getField(
					context.getBean(TriggerReactiveHealthIndicator.class), "credential"))
				.hasToString("PERSONAL_ACCESS_TOKEN"));
	}

	@Test
	void bindsTheTimeout() {
		this.contextRunner.withPropertyValues("management.health.trigger.timeout=500ms")
			.run((context) -> assertThat(context.getBean(TriggerHealthProperties.class).getTimeout())
				.isEqualTo(Duration.ofMillis(500)));
	}

	@Test
	void backsOffWhenTheIndicatorIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.trigger.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TriggerReactiveHealthIndicator.class)
				.doesNotHaveBean("triggerHealthContributor"));
	}

	@Test
	void backsOffWhenDefaultHealthIndicatorsAreDisabled() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TriggerReactiveHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnEnabledHealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TriggerReactiveHealthIndicator.class));
	}

	@Test
	void backsOffWhenTriggerIsDisabled() {
		this.contextRunner.withPropertyValues("trigger.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TriggerReactiveHealthIndicator.class));
	}

	@Test
	void backsOffFromTheApplicationsOwnTriggerHealthIndicator() {
		ReactiveHealthIndicator mine = () -> Mono.just(Health.up().build());
		this.contextRunner.withBean("triggerHealthIndicator", ReactiveHealthIndicator.class, () -> mine)
			.run((context) -> assertThat(context).doesNotHaveBean(TriggerReactiveHealthIndicator.class)
				.getBean("triggerHealthIndicator")
				.isSameAs(mine));
	}

}
