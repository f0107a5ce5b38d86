package io.github.triggerspring.benchmarks;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application the benchmarks start: plain auto-configuration, as an application
 * with the starter on its class path has, and no web server.
 *
 * @author trigger-spring-boot contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

	/** A development secret key; the stand-in server does not check it. */
	static final String SECRET_KEY = "tr_dev_benchmark0000000000";

	/**
	 * An application, not yet started.
	 * @param apiUrl the API's base URL
	 * @param triggerEnabled the value of {@code trigger.enabled}
	 * @return the application
	 */
	static SpringApplication application(String apiUrl, boolean triggerEnabled) {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("trigger.enabled", Boolean.toString(triggerEnabled),
				"trigger.secret-key", SECRET_KEY, "trigger.api-url", apiUrl, "spring.main.banner-mode", "off",
				"logging.level.root", "warn"));
		return application;
	}

	/**
	 * Starts the application with the starter enabled.
	 * @param apiUrl the API's base URL
	 * @return the started context
	 */
	static ConfigurableApplicationContext start(String apiUrl) {
		return application(apiUrl, true).run();
	}

}
