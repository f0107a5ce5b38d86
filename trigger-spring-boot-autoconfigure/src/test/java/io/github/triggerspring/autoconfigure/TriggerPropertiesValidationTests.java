package io.github.triggerspring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the validation of {@link TriggerProperties}: the failure report names each
 * rejected property, its value and its origin.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class TriggerPropertiesValidationTests {

	private static final String HEADER = """
			Description:

			Binding to target io.github.triggerspring.autoconfigure.TriggerProperties failed:
			""";

	private static final String ACTION = """
			Action:

			Update your application's configuration
			""";

	@Test
	void reportsInvalidRetrySettingsWithTheirFileAndLine(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(systemEnvironment(Map.of()), "--spring.config.name=trigger-invalid-retry"));
		assertThat(output.getOut()).contains(HEADER + """

				    Property: trigger.retry.maxAttempts
				    Value: "0"
				    Origin: class path resource [trigger-invalid-retry.yml] - 3:19
				    Reason: must be at least 1 (1 disables retries)

				    Property: trigger.retry.jitter
				    Value: "1.5"
				    Origin: class path resource [trigger-invalid-retry.yml] - 4:13
				    Reason: must be between 0 and 1


				""" + ACTION);
	}

	@Test
	void reportsANonPositiveConnectTimeoutWithItsFileAndLine(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(systemEnvironment(Map.of()), "--spring.config.name=trigger-invalid-timeout"));
		assertThat(output.getOut()).contains(HEADER + """

				    Property: trigger.connectTimeout
				    Value: "PT0S"
				    Origin: class path resource [trigger-invalid-timeout.yml] - 3:20
				    Reason: must be positive


				""" + ACTION);
	}

	@Test
	void reportsANonPositiveResponseTimeoutWithItsEnvironmentVariable(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(systemEnvironment(Map.of("TRIGGER_RESPONSE_TIMEOUT", "-5s"))));
		assertThat(output.getOut()).contains(HEADER + """

				    Property: trigger.responseTimeout
				    Value: "PT-5S"
				    Origin: System Environment Property "TRIGGER_RESPONSE_TIMEOUT"
				    Reason: must be positive


				""" + ACTION);
	}

	@Test
	void reportsEveryOtherInvalidRetrySetting(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(systemEnvironment(Map.of()), "--trigger.retry.initial-backoff=0s",
				"--trigger.retry.max-backoff=-1s", "--trigger.retry.multiplier=0.5",
				"--trigger.retry.max-rate-limit-wait=-1s"));
		assertThat(output.getOut()).contains(HEADER + """

				    Property: trigger.retry.initialBackoff
				    Value: "PT0S"
				    Origin: "trigger.retry.initial-backoff" from property source "commandLineArgs"
				    Reason: must be positive

				    Property: trigger.retry.maxBackoff
				    Value: "PT-1S"
				    Origin: "trigger.retry.max-backoff" from property source "commandLineArgs"
				    Reason: must be positive

				    Property: trigger.retry.multiplier
				    Value: "0.5"
				    Origin: "trigger.retry.multiplier" from property source "commandLineArgs"
				    Reason: must be at least 1

				    Property: trigger.retry.maxRateLimitWait
				    Value: "PT-1S"
				    Origin: "trigger.retry.max-rate-limit-wait" from property source "commandLineArgs"
				    Reason: must not be negative


				""" + ACTION);
	}

	@Test
	void reportsAnInvalidCallTimeoutAndResponseSize(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(systemEnvironment(Map.of()), "--trigger.call-timeout=0ms",
				"--trigger.max-response-size=0B"));
		assertThat(output.getOut()).contains(HEADER + """

				    Property: trigger.callTimeout
				    Value: "PT0S"
				    Origin: "trigger.call-timeout" from property source "commandLineArgs"
				    Reason: must be positive

				    Property: trigger.maxResponseSize
				    Value: "0B"
				    Origin: "trigger.max-response-size" from property source "commandLineArgs"
				    Reason: must be between 1 byte and 2 GB


				""" + ACTION);
	}

	@Test
	void reportsAnInvalidPropertyWhenTheApplicationDefinesTheConnectionDetails(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(ValidationApplication.class,
				ApplicationConnectionDetails.class)
			.web(WebApplicationType.NONE)
			.environment(systemEnvironment(Map.of()))
			.logStartupInfo(false)
			.run("--trigger.retry.multiplier=0.5")
			.close());
		assertThat(output.getOut()).contains(HEADER + """

				    Property: trigger.retry.multiplier
				    Value: "0.5"
				    Origin: "trigger.retry.multiplier" from property source "commandLineArgs"
				    Reason: must be at least 1


				""" + ACTION);
	}

	private static void run(StandardEnvironment environment, String... args) {
		new SpringApplicationBuilder(ValidationApplication.class).web(WebApplicationType.NONE)
			.environment(environment)
			.logStartupInfo(false)
			.run(args)
			.close();
	}

	/**
	 * An environment whose operating-system variables are the given ones only.
	 * @param variables the environment variables
	 * @return the environment
	 */
	private static StandardEnvironment systemEnvironment(Map<String, Object> variables) {
		return new StandardEnvironment() {

			@Override
			protected void customizePropertySources(MutablePropertySources propertySources) {
				super.customizePropertySources(propertySources);
				propertySources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
			}

		};
	}

	@Test
	void propertiesChangedAfterBindingAreRejectedByName() {
		// the environment binds valid properties: the report names the first invalid one
		TriggerProperties properties = new TriggerProperties();
		properties.getRetry().setMaxAttempts(0);
		properties.getRetry().setJitter(2);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> TriggerPropertiesValidator.check(properties, new StandardEnvironment()))
			.withMessage("Property trigger.retry.max-attempts with value '0' is invalid: "
					+ "must be at least 1 (1 disables retries)");
	}

	@Test
	void validPropertiesPass() {
		assertThatNoException()
			.isThrownBy(() -> TriggerPropertiesValidator.check(new TriggerProperties(), new StandardEnvironment()));
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationConnectionDetails {

		@Bean
		TriggerConnectionDetails applicationTriggerConnectionDetails() {
			return new TriggerConnectionDetails() {

				@Override
				public String getApiUrl() {
					return "https://api.trigger.dev";
				}

				@Override
				public String getSecretKey() {
					return "tr_dev_0123456789abcdefABCDEF01";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class, TriggerAutoConfiguration.class })
	static class ValidationApplication {

	}

}
