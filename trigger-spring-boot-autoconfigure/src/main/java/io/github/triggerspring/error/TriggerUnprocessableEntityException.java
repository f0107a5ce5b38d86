package io.github.triggerspring.error;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Signalled for a {@code 422 Unprocessable Entity} response, for example a bad cron expression.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerUnprocessableEntityException extends TriggerApiException {

	/**
	 * Creates a new exception.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 */
	public TriggerUnprocessableEntityException(int status, @Nullable String error, HttpHeaders headers) {
		super(status, error, headers);
	}

	/**
	 * Creates a new exception whose message adds what the caller can do about it.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 * @param hint what to fix, appended to the message
	 */
	public TriggerUnprocessableEntityException(int status, @Nullable String error, HttpHeaders headers, String hint) {
		super(status, error, headers, hint);
	}

}
