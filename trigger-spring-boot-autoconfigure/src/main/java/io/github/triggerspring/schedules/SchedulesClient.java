package io.github.triggerspring.schedules;

import io.github.triggerspring.http.TriggerHttpClient;

/**
 * Client for {@code schedules.*}: create, list, retrieve, update, activate, deactivate and delete imperative schedules.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class SchedulesClient {

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public SchedulesClient(TriggerHttpClient http) {
		this.http = http;
	}

}
