package io.github.triggerspring.envvars;

import io.github.triggerspring.http.TriggerHttpClient;

/**
 * Client for {@code envvars.*}: list, retrieve, create, update, delete and upload a project's environment variables.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class EnvVarsClient {

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public EnvVarsClient(TriggerHttpClient http) {
		this.http = http;
	}

}
