package io.github.triggerspring.error;

import org.springframework.http.HttpHeaders;

/**
 * Signalled for the server's {@code 400 {"error":"engine-version"}}: the endpoint works
 * only in environments on Run Engine V2 (Trigger.dev v4), and the credential's
 * environment is still on V1. The queue endpoints answer this way.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerEngineVersionException extends TriggerBadRequestException {

	/** The server's {@code error} value for this failure. */
	public static final String ERROR = "engine-version";

	private final String endpoint;

	/**
	 * Creates a new exception.
	 * @param endpoint the id of the endpoint that was called, for example
	 * {@code queues.pause}
	 * @param status the HTTP status
	 * @param headers the response headers
	 */
	public TriggerEngineVersionException(String endpoint, int status, HttpHeaders headers) {
		super(status + " " + ERROR + ": '" + endpoint + "' works only in environments on Run Engine V2, and this"
				+ " environment is on Run Engine V1. Deploy the project's tasks with Trigger.dev v4 (CLI and SDK"
				+ " 4.x), which moves the environment to Run Engine V2, then call again.", status, ERROR, headers);
		this.endpoint = endpoint;
	}

	/**
	 * Id of the endpoint that was called.
	 * @return the endpoint id, for example {@code queues.pause}
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

}
