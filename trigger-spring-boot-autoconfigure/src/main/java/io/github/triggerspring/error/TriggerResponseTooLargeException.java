package io.github.triggerspring.error;

import org.springframework.util.unit.DataSize;

/**
 * Signalled when a successful response is larger than {@code trigger.max-response-size}.
 * Not retried: the same call would get the same response.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerResponseTooLargeException extends TriggerUnexpectedResponseException {

	private final DataSize limit;

	/**
	 * Creates a new exception.
	 * @param status the HTTP status
	 * @param limit the limit that the response exceeded
	 * @param cause the failure of the HTTP layer, or {@code null}
	 */
	public TriggerResponseTooLargeException(int status, DataSize limit, Throwable cause) {
		super(status, "The response (status " + status + ") is larger than " + limit.toBytes()
				+ " bytes, the limit set by 'trigger.max-response-size'. Raise 'trigger.max-response-size', or ask "
				+ "for less, for example a smaller page size.", cause);
		this.limit = limit;
	}

	/**
	 * The limit that the response exceeded.
	 * @return the limit
	 */
	public DataSize getLimit() {
		return this.limit;
	}

}
