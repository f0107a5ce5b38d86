package io.github.triggerspring.error;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception that the Trigger.dev clients signal. Messages never
 * contain a credential.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public abstract class TriggerException extends RuntimeException {

	/**
	 * Creates a new exception.
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	protected TriggerException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
