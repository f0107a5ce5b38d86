package io.github.triggerspring.error;

/**
 * Signalled when a call fails on this side rather than at the API: a temporary file
 * cannot be read or written, or the HTTP stack raises an error that is neither a
 * connection failure nor a response. Not retried, since sending again would not help.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerLocalException extends TriggerException {

	/**
	 * Creates a new exception.
	 * @param message what failed
	 * @param cause the local failure
	 */
	public TriggerLocalException(String message, Throwable cause) {
		super(message, cause);
	}

}
