package io.github.triggerspring.samples.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * An order service that hands order processing to Trigger.dev. Without a Trigger.dev
 * credential it does not start; {@code TestOrderServiceApplication} on the test classpath
 * runs it against the embedded emulator instead.
 *
 * @author trigger-spring-boot contributors
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
