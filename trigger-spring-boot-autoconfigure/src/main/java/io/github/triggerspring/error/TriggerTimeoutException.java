package io.github.triggerspring.error;

import java.time.Duration;

/**
 * Signalled when a response did not arrive within {@code trigger.response-timeout}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerTimeoutException extends TriggerConnectionException {

	private final Duration timeout;

	/**
	 * Creates a new exception.
	 * @param timeout the timeout that elapsed
	 * @param cause the cause
	 */
	public TriggerTimeoutException(Duration timeout, Throwable cause) {
		super("No response within " + timeout.toMillis() + " ms (trigger.response-timeout).", cause);
		this.timeout = timeout;
	}

	/**
	 * Timeout that elapsed.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
