package io.github.triggerspring.error;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Signalled for a {@code 400 Bad Request} response.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerBadRequestException extends TriggerApiException {

	/**
	 * Creates a new exception.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 */
	public TriggerBadRequestException(int status, @Nullable String error, HttpHeaders headers) {
		super(status, error, headers);
	}

	/**
	 * Creates a new exception whose message adds what the caller can do about it.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 * @param hint what to fix, appended to the message
	 */
	public TriggerBadRequestException(int status, @Nullable String error, HttpHeaders headers, String hint) {
		super(status, error, headers, hint);
	}

	/**
	 * Creates a new exception with its own message, for a subclass that explains a
	 * particular server error.
	 * @param message the message
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 */
	protected TriggerBadRequestException(String message, int status, @Nullable String error, HttpHeaders headers) {
		super(message, status, error, headers);
	}

}
