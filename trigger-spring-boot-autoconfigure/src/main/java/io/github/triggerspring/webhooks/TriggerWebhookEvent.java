package io.github.triggerspring.webhooks;

import java.time.Instant;

/**
 * A verified Trigger.dev alert webhook: the envelope that every delivery shares, with one
 * implementation per event type. A type that this version does not know is an
 * {@link UnknownWebhookEvent}, which keeps the raw JSON.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public sealed interface TriggerWebhookEvent
		permits RunFailedEvent, DeploymentSucceededEvent, DeploymentFailedEvent, ErrorAlertEvent, UnknownWebhookEvent {

	/**
	 * Id of the alert. Retries of a run or deployment alert repeat it; each attempt of an
	 * {@code alert.error} delivery has a new one.
	 * @return the id
	 */
	String id();

	/**
	 * When the alert was created.
	 * @return the creation time
	 */
	Instant created();

	/**
	 * Version of the payload, for example {@code v1} or {@code 2025-01-01}.
	 * @return the webhook version
	 */
	String webhookVersion();

	/**
	 * Event type, for example {@code alert.run.failed}.
	 * @return the type
	 */
	String type();

}
