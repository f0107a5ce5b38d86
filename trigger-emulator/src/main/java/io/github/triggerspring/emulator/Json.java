package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON helpers shared by the emulator.
 *
 * @author trigger-spring-boot contributors
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Json() {
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static ArrayNode array() {
		return JsonNodeFactory.instance.arrayNode();
	}

	static ObjectNode error(String message) {
		return object().put("error", message);
	}

	static String date(Instant instant) {
		return ISO.format(instant);
	}

	/**
	 * Parse JSON text.
	 * @param text the text
	 * @return the tree
	 * @throws JacksonException on malformed JSON
	 */
	static JsonNode parse(String text) {
		return MAPPER.readTree(text);
	}

	static JsonNode parse(byte[] bytes) {
		return parse(new String(bytes, StandardCharsets.UTF_8));
	}

	static JsonNode valueToTree(@Nullable Object value) {
		if (value == null) {
			return NullNode.getInstance();
		}
		if (value instanceof JsonNode node) {
			return node;
		}
		return MAPPER.valueToTree(value);
	}

	static @Nullable Object toJava(@Nullable JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		return MAPPER.treeToValue(node, Object.class);
	}

	static String write(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	/**
	 * A value as an error message quotes it: a scalar as its text, anything else as JSON.
	 * @param node the value
	 * @return the text
	 */
	static String display(JsonNode node) {
		return node.isValueNode() ? node.asString() : write(node);
	}

	static @Nullable String text(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	/**
	 * Decode a trigger payload as the task would see it: a superjson string becomes its
	 * {@code json} member, {@code text/plain} stays a string, JSON stays as it is.
	 * @param payload the payload as sent
	 * @param payloadType the payload type, {@code null} for {@code application/json}
	 * @return the decoded payload tree
	 */
	static JsonNode decodePayload(@Nullable JsonNode payload, @Nullable String payloadType) {
		if (payload == null || payload.isMissingNode()) {
			return NullNode.getInstance();
		}
		if ("application/super+json".equals(payloadType) && payload.isString()) {
			try {
				JsonNode parsed = parse(payload.stringValue());
				JsonNode json = parsed.get("json");
				return (json != null) ? json : NullNode.getInstance();
			}
			catch (JacksonException ex) {
				return payload;
			}
		}
		return payload;
	}

}
