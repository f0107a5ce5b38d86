package io.github.triggerspring.autoconfigure;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerAuthStrategy;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Application started in a child JVM by {@link TriggerEnvironmentVariablesTests}: it
 * prints what the real environment variables bound to. Test values only.
 *
 * @author trigger-spring-boot contributors
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
		ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class, TriggerAutoConfiguration.class })
public class EnvironmentVariablesProbe {

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnvironmentVariablesProbe.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args)) {
			TriggerConnectionDetails details = context.getBean(TriggerConnectionDetails.class);
			TriggerProperties properties = context.getBean(TriggerProperties.class);
			DefaultTriggerAuthStrategy strategy = (DefaultTriggerAuthStrategy) context.getBean(TriggerAuthStrategy.class);
			System.out.println("probe.secretKey=" + details.getSecretKey());
			System.out.println("probe.personalAccessToken=" + details.getPersonalAccessToken());
			System.out.println("probe.projectRef=" + details.getProjectRef());
			System.out.println("probe.previewBranch=" + details.getPreviewBranch());
			System.out.println("probe.apiUrl=" + details.getApiUrl());
			System.out.println("probe.environment=" + properties.getEnvironment());
			System.out.println("probe.credentials=" + strategy.getCredentials());
		}
	}

}
