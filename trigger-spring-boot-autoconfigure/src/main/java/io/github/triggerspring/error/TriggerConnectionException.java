package io.github.triggerspring.error;

/**
 * Signalled when no response was received: the connection failed or was dropped.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerConnectionException extends TriggerException {

	/**
	 * Creates a new exception.
	 * @param message the message
	 * @param cause the cause
	 */
	public TriggerConnectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
