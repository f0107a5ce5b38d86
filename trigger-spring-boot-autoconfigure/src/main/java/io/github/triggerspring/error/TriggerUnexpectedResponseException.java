package io.github.triggerspring.error;

import org.jspecify.annotations.Nullable;

/**
 * Signalled when a successful response does not have the expected shape.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerUnexpectedResponseException extends TriggerException {

	private final int status;

	/**
	 * Creates a new exception.
	 * @param status the HTTP status
	 * @param message what was expected
	 * @param cause the decoding failure, or {@code null}
	 */
	public TriggerUnexpectedResponseException(int status, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
	}

	/**
	 * HTTP status of the response.
	 * @return the status code
	 */
	public int getStatus() {
		return this.status;
	}

}
