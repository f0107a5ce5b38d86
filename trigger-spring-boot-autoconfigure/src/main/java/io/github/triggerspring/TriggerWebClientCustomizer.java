package io.github.triggerspring;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Callback that customizes the {@link WebClient.Builder} of the Trigger.dev clients only,
 * after Boot's application-wide {@code WebClientCustomizer}s have been applied. Use it to
 * add a filter or a default header to Trigger.dev calls without touching other clients.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface TriggerWebClientCustomizer {

	/**
	 * Customizes the builder. Called once, when the Trigger.dev HTTP layer is created.
	 * @param builder the builder, already carrying the API's base URL
	 */
	void customize(WebClient.Builder builder);

}
