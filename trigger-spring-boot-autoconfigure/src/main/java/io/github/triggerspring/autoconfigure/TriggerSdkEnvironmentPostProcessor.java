package io.github.triggerspring.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Makes {@code TRIGGER_ACCESS_TOKEN}, the official SDK's name for the access token, set
 * {@code trigger.personal-access-token}. It ranks just below the system environment, so
 * that {@code TRIGGER_PERSONAL_ACCESS_TOKEN} wins over it and it wins over application
 * configuration files. Every other {@code TRIGGER_*} variable binds by Boot's relaxed
 * rules.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerSdkEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "triggerSdkEnvironmentVariables";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Object token = environment.getSystemEnvironment().get("TRIGGER_ACCESS_TOKEN");
		if (!(token instanceof String value) || !StringUtils.hasText(value)) {
			return;
		}
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME,
				Map.of("trigger.personal-access-token", value));
		String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		if (environment.getPropertySources().contains(systemEnvironment)) {
			environment.getPropertySources().addAfter(systemEnvironment, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

}
