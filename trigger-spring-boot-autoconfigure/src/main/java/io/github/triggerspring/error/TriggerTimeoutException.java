package io.github.triggerspring.error;

import java.time.Duration;

/**
 * Signalled when a response did not arrive within {@code trigger.response-timeout}, or a
 * whole call, retries included, did not end within {@code trigger.call-timeout}. Only the
 * first is retried.
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
		this("No response within " + timeout.toMillis() + " ms (trigger.response-timeout).", timeout, cause);
	}

	private TriggerTimeoutException(String message, Duration timeout, Throwable cause) {
		super(message, cause);
		this.timeout = timeout;
	}

	/**
	 * A whole call, retries included, did not end within its deadline.
	 * @param timeout the deadline
	 * @param cause the timeout
	 * @return the exception
	 */
	public static TriggerTimeoutException callTimeout(Duration timeout, Throwable cause) {
		return new TriggerTimeoutException("The call did not end within " + timeout.toMillis()
				+ " ms, retries included (trigger.call-timeout).", timeout, cause);
	}

	/**
	 * Timeout that elapsed.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
