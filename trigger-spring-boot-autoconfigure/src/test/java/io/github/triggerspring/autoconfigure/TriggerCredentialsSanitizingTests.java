package io.github.triggerspring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link SanitizingFunction} that {@link TriggerAutoConfiguration} contributes
 * to keep credentials out of actuator output.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerCredentialsSanitizingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				TriggerAutoConfiguration.class))
		.withPropertyValues("trigger.secret-key=tr_dev_0123456789abcdefABCDEF01");

	@Test
	void masksCredentialsByNameAndByValue() {
		this.contextRunner.run((context) -> {
			SanitizingFunction function = context.getBean("triggerCredentialsSanitizingFunction",
					SanitizingFunction.class);
			for (String key : new String[] { "trigger.secret-key", "trigger.secretKey", "TRIGGER_SECRET_KEY",
					"trigger.personal-access-token", "TRIGGER_ACCESS_TOKEN", "TRIGGER_PERSONAL_ACCESS_TOKEN",
					"trigger.webhooks.secret", "TRIGGER_WEBHOOKS_SECRET" }) {
				assertThat(sanitize(function, key, "anything")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
			}
			assertThat(sanitize(function, "app.upstream-token", "tr_pat_123456789abcdef"))
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitize(function, "trigger.project-ref", "proj_abc")).isEqualTo("proj_abc");
			assertThat(sanitize(function, "trigger.webhooks.path", "/trigger/webhooks")).isEqualTo("/trigger/webhooks");
			assertThat(sanitize(function, "trigger.api-url", "https://api.trigger.dev"))
				.isEqualTo("https://api.trigger.dev");
			assertThat(sanitize(function, "spring.application.name", "orders")).isEqualTo("orders");
		});
	}

	@Test
	void isNotDefinedWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("triggerCredentialsSanitizingFunction"));
	}

	private static Object sanitize(SanitizingFunction function, String key, String value) {
		return function.applyUnlessFiltered(new SanitizableData(null, key, value)).getValue();
	}

}
