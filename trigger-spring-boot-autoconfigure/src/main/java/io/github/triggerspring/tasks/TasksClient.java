package io.github.triggerspring.tasks;

import io.github.triggerspring.http.TriggerHttpClient;

/**
 * Client for {@code tasks.*}: trigger tasks, one run at a time or in batches.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TasksClient {

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public TasksClient(TriggerHttpClient http) {
		this.http = http;
	}

}
