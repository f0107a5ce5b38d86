package io.github.triggerspring.webhooks;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A verified delivery of an event type that this version does not model, for example
 * {@code alert.dashboard_agent_watch}. It is kept rather than refused, so that a new
 * server event type never fails deliveries.
 *
 * @param id id of the alert
 * @param created when the alert was created
 * @param webhookVersion version of the payload
 * @param type the event type
 * @param raw the whole delivery, envelope included
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record UnknownWebhookEvent(String id, Instant created, String webhookVersion, String type, JsonNode raw)
		implements TriggerWebhookEvent {

}
