package io.github.triggerspring.webhooks;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;

import io.github.triggerspring.internal.http.WireJson;
import io.github.triggerspring.webhooks.TriggerWebhookException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verified delivery body into a {@link TriggerWebhookEvent} with the starter's
 * wire mapper, never the application's. The envelope members are required, and so is
 * every member of the event's object that the model does not mark {@code @Nullable}, as
 * with the SDK's schemas; unknown members are ignored, and an unknown type becomes an
 * {@link UnknownWebhookEvent}.
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
		T result;
		try {
			result = MAPPER.treeToValue(value, type);
		}
		catch (JacksonException ex) {
			throw malformed("'" + name + "' cannot be read (" + ex.getOriginalMessage() + ")", ex);
		}
		requireMembers(result, name);
		return result;
	}

	private static void requireMembers(Object value, String path) {
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				requireMembers(list.get(i), path + "[" + i + "]");
			}
			return;
		}
		if (!value.getClass().isRecord()) {
			return;
		}
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			Object member;
			try {
				member = component.getAccessor().invoke(value);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			String memberPath = path + "." + component.getName();
			if (member != null) {
				requireMembers(member, memberPath);
			}
			else if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				throw malformed("'" + memberPath + "' is missing", null);
			}
		}
	}

	private static TriggerWebhookException malformed(String detail, @Nullable Throwable cause) {
		return new TriggerWebhookException(Reason.MALFORMED_BODY,
				"The delivery is signed, but its body is not a Trigger.dev webhook event: " + detail + ".", cause);
	}

}
