package io.github.triggerspring.samples.orders;

import java.time.Duration;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.TaskBehavior;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.test.EmulatorCredentials;
import io.github.triggerspring.test.TriggerEmulatorConnectionDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The embedded default of the sample: the Trigger.dev API emulator in the JVM, with the
 * dev secret key (tasks, runs, schedules) and a personal access token (the preview
 * branch's env vars).
 *
 * @author trigger-spring-boot contributors
 */
@TestConfiguration(proxyBeanMethods = false)
public class SampleEmulatorConfiguration {

	private static final Log logger = LogFactory.getLog(SampleEmulatorConfiguration.class);

	@Bean(destroyMethod = "close")
	TriggerEmulator triggerEmulator() {
		TriggerEmulator emulator = TriggerEmulator.start();
		// runs wait 2 s in the queue and execute for 3 s, so that GET /orders/{id}/status shows each state
		emulator.taskBehavior("process-order",
				TaskBehavior.completesAfter(Duration.ofSeconds(3)).queuedFor(Duration.ofSeconds(2)));
		logger.info("Embedded Trigger.dev API emulator at " + emulator.baseUrl() + " (project "
				+ EmulatorAccount.PROJECT_REF + "). Set TRIGGER_SECRET_KEY to use the real API.");
		return emulator;
	}

	@Bean
	TriggerEmulatorConnectionDetails triggerConnectionDetails(TriggerEmulator triggerEmulator) {
		return TriggerEmulatorConnectionDetails.of(triggerEmulator, EmulatorCredentials.BOTH, TriggerEnvironment.DEV);
	}

}
