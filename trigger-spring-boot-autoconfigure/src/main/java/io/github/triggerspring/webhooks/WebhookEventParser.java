package io.github.triggerspring.webhooks;

import java.time.Instant;

import io.github.triggerspring.http.WireJson;
import io.github.triggerspring.webhooks.TriggerWebhookException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verified delivery body into a {@link TriggerWebhookEvent} with the starter's
 * wire mapper, never the application's. The envelope members are required; unknown
 * members are ignored, and an unknown type becomes an {@link UnknownWebhookEvent}.
 *
 * @author trigger-spring-boot contributors
 */
final class WebhookEventParser {

	private static final JsonMapper MAPPER = WireJson.mapper();

	private WebhookEventParser() {
	}

	static TriggerWebhookEvent parse(byte[] body) {
		JsonNode envelope = readTree(body);
		String id = text(envelope, "id");
		Instant created = read(envelope, "created", Instant.class);
		String webhookVersion = text(envelope, "webhookVersion");
		String type = text(envelope, "type");
		return switch (type) {
			case RunFailedEvent.TYPE ->
				new RunFailedEvent(id, created, webhookVersion, read(envelope, "object", RunFailedEvent.Alert.class));
			case DeploymentSucceededEvent.TYPE -> new DeploymentSucceededEvent(id, created, webhookVersion,
					read(envelope, "object", DeploymentSucceededEvent.Alert.class));
			case DeploymentFailedEvent.TYPE -> new DeploymentFailedEvent(id, created, webhookVersion,
					read(envelope, "object", DeploymentFailedEvent.Alert.class));
			case ErrorAlertEvent.TYPE ->
				new ErrorAlertEvent(id, created, webhookVersion, read(envelope, "object", ErrorAlertEvent.Alert.class));
			default -> new UnknownWebhookEvent(id, created, webhookVersion, type, envelope);
		};
	}

	private static JsonNode readTree(byte[] body) {
		JsonNode envelope;
		try {
			envelope = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw malformed("it is not JSON (" + ex.getOriginalMessage() + ")", ex);
		}
		if (envelope == null || !envelope.isObject()) {
			throw malformed("it is not a JSON object", null);
		}
		return envelope;
	}

	private static String text(JsonNode envelope, String name) {
		JsonNode value = envelope.get(name);
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw malformed("'" + name + "' is missing or not a string", null);
		}
		return value.asString();
	}

	private static <T> T read(JsonNode envelope, String name, Class<T> type) {
		JsonNode value = envelope.get(name);
		if (value == null || value.isNull()) {
			throw malformed("'" + name + "' is missing", null);
		}
		try {
			return MAPPER.treeToValue(value, type);
		}
		catch (JacksonException ex) {
			throw malformed("'" + name + "' cannot be read (" + ex.getOriginalMessage() + ")", ex);
		}
	}

	private static TriggerWebhookException malformed(String detail, @Nullable Throwable cause) {
		return new TriggerWebhookException(Reason.MALFORMED_BODY,
				"The delivery is signed, but its body is not a Trigger.dev webhook event: " + detail + ".", cause);
	}

}
