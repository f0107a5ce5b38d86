package io.github.triggerspring.error;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Signalled when the API answers with an error status. Subclasses mirror the statuses the
 * API uses; other statuses give this class itself.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerApiException extends TriggerException {

	private final int status;

	private final @Nullable String error;

	private final HttpHeaders headers;

	/**
	 * Creates a new exception.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 */
	public TriggerApiException(int status, @Nullable String error, HttpHeaders headers) {
		this(status, error, headers, null);
	}

	/**
	 * Creates a new exception whose message adds what the caller can do about it.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 * @param hint what to fix, appended to the message, or {@code null}
	 */
	public TriggerApiException(int status, @Nullable String error, HttpHeaders headers, @Nullable String hint) {
		this(status + " " + ((error != null) ? error : "(no error message)") + ((hint != null) ? ". " + hint : ""),
				status, error, headers);
	}

	/**
	 * Creates a new exception with its own message, for a subclass that explains a
	 * particular server error.
	 * @param message the message
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 */
	protected TriggerApiException(String message, int status, @Nullable String error, HttpHeaders headers) {
		super(message, null);
		this.status = status;
		this.error = error;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * HTTP status of the response.
	 * @return the status code
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * The {@code error} member of the response body.
	 * @return the server's message, or {@code null}
	 */
	public @Nullable String getError() {
		return this.error;
	}

	/**
	 * Response headers.
	 * @return the read-only headers
	 */
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
