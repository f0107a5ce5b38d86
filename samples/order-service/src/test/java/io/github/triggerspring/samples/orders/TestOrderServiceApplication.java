package io.github.triggerspring.samples.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.util.StringUtils;

/**
 * Runs the sample from the test classpath ({@code ./mvnw spring-boot:test-run}): against
 * the embedded emulator when {@code TRIGGER_SECRET_KEY} is not set, against the real API
 * when it is. A production build has no emulator on its classpath, so it never falls back
 * to it.
 *
 * @author trigger-spring-boot contributors
 */
public class TestOrderServiceApplication {

	public static void main(String[] args) {
		if (StringUtils.hasText(System.getenv("TRIGGER_SECRET_KEY"))) {
			OrderServiceApplication.main(args);
			return;
		}
		SpringApplication.from(OrderServiceApplication::main)
			.with(SampleEmulatorConfiguration.class)
			.withAdditionalProfiles("emulator")
			.run(args);
	}

}
