package io.github.triggerspring.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Trigger.dev health indicator.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.trigger")
public class TriggerHealthProperties {

	/**
	 * Maximum wait for the response to the health check's call, which is never retried.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
