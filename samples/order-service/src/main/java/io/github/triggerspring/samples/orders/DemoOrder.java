package io.github.triggerspring.samples.orders;

import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.runs.Run;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Places one demo order at startup and prints its run, when {@code sample.demo-order} is
 * set (the embedded-emulator launcher sets it).
 *
 * @author trigger-spring-boot contributors
 */
@Component
@ConditionalOnProperty("sample.demo-order")
class DemoOrder implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoOrder.class);

	private final OrderProcessing orders;

	private final String orderId;

	DemoOrder(OrderProcessing orders, org.springframework.core.env.Environment environment) {
		this.orders = orders;
		this.orderId = environment.getRequiredProperty("sample.demo-order");
	}

	@Override
	public void run(ApplicationArguments args) {
		Run run = this.orders.process(this.orderId, Map.of("orderId", this.orderId, "amount", 42))
			.flatMap((triggered) -> this.orders.run(triggered.id()))
			.block(Duration.ofSeconds(60));
		if (run != null) {
			logger.info("Demo order " + this.orderId + " triggered task '" + run.taskIdentifier() + "' as run "
					+ run.id() + ", now " + run.status().value());
		}
	}

}
