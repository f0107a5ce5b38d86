package io.github.triggerspring.runs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the bodies of the runs endpoints that carry more than an id, checking the API's
 * rules first, and reads the metadata packets the server stores.
 *
 * @author trigger-spring-boot contributors
 */
final class RunsWire {

	/** Most tags a run may have. */
	static final int MAX_TAGS = 10;

	/** Longest tag. */
	static final int MAX_TAG_LENGTH = 128;

	/** A duration as the server's {@code parseNaturalLanguageDuration} reads it. */
	private static final Pattern DURATION = Pattern.compile("^(\\d+(w|d|hr|h|m|s))+$");

	private static final Set<String> RESERVED_KEYS = Set.of("__proto__", "constructor", "prototype");

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper PACKETS = JsonMapper.builder().build();

	private final JsonMapper mapper;

	RunsWire(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** Body of {@code POST /api/v1/runs/{runId}/reschedule}. */
	static Map<String, String> rescheduleBody(@Nullable String delay) {
		TriggerValidationException.requireText(delay, "delay");
		if (!DURATION.matcher(delay).matches() && !isIsoDate(delay)) {
			throw new TriggerValidationException("delay", "'" + delay + "' is neither a duration nor a date. "
					+ "Write a duration such as '30m', '1h30m' or '2d', or pass an Instant.");
		}
		return Map.of("delay", delay);
	}

	/** An instant as JavaScript's {@code toISOString()} writes it. */
	static String isoMillis(Instant instant) {
		return ISO_MILLIS.format(instant);
	}

	private static boolean isIsoDate(String text) {
		try {
			Instant.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** Body of {@code POST /api/v1/runs/{runId}/tags}. */
	static Map<String, List<String>> tagsBody(@Nullable List<String> tags) {
		if (tags == null || tags.isEmpty()) {
			throw new TriggerValidationException("tags", "is empty. Pass at least one tag.");
		}
		if (tags.size() > MAX_TAGS) {
			throw new TriggerValidationException("tags", "has " + tags.size() + " tags, but a run may have at most "
					+ MAX_TAGS + ". Drop some tags, or combine them, for example 'user:1234'.");
		}
		for (String tag : tags) {
			if (tag == null || tag.isEmpty()) {
				throw new TriggerValidationException("tags", "contains a null or empty tag. Remove it.");
			}
			if (tag.length() > MAX_TAG_LENGTH) {
				throw new TriggerValidationException("tags", "contains a tag of " + tag.length()
						+ " characters, but a tag may have at most " + MAX_TAG_LENGTH + ". Shorten the tag.");
			}
		}
		return Map.of("tags", List.copyOf(tags));
	}

	/** Body of {@code PUT /api/v1/runs/{runId}/metadata}; values use the application's mapper. */
	ObjectNode metadataBody(@Nullable MetadataUpdate update) {
		if (update == null) {
			throw new TriggerValidationException("update", "is null. Pass MetadataUpdate.replace(...) or "
					+ "MetadataUpdate.operations(...).");
		}
		ObjectNode body = this.mapper.createObjectNode();
		if (update.metadata() != null) {
			update.metadata().keySet().forEach((key) -> checkKey(key, "update.metadata"));
			body.set("metadata", this.mapper.valueToTree(update.metadata()));
		}
		writeOperations(body, "operations", update.operations());
		writeOperations(body, "parentOperations", update.parentOperations());
		writeOperations(body, "rootOperations", update.rootOperations());
		if (body.isEmpty()) {
			throw new TriggerValidationException("update", "has neither metadata nor operations. Pass "
					+ "MetadataUpdate.replace(...) or MetadataUpdate.operations(...).");
		}
		return body;
	}

	private void writeOperations(ObjectNode body, String field, @Nullable List<MetadataOperation> operations) {
		if (operations == null) {
			return;
		}
		ArrayNode array = body.putArray(field);
		for (int i = 0; i < operations.size(); i++) {
			MetadataOperation operation = operations.get(i);
			String name = "update." + field + "[" + i + "]";
			if (operation == null) {
				throw new TriggerValidationException(name, "is null. Remove it.");
			}
			ObjectNode node = array.addObject().put("type", operation.type());
			if (!operation.type().equals("update")) {
				node.put("key", checkKey(operation.key(), name + ".key"));
			}
			if (!operation.type().equals("delete")) {
				if (operation.value() == null) {
					throw new TriggerValidationException(name + ".value", "is null. Pass a value, or use "
							+ "MetadataOperation.delete(key) to remove a key.");
				}
				JsonNode value = this.mapper.valueToTree(operation.value());
				if (operation.type().equals("update") && value.isObject()) {
					value.propertyNames().forEach((key) -> checkKey(key, name + ".value"));
				}
				node.set("value", value);
			}
		}
	}

	private static String checkKey(@Nullable String key, String field) {
		TriggerValidationException.requireText(key, field);
		if (RESERVED_KEYS.contains(key)) {
			throw new TriggerValidationException(field, "uses the reserved key '" + key
					+ "', which the server refuses. Choose another key.");
		}
		return key;
	}

	/** Metadata of a {@code GET /api/v1/runs/{runId}/metadata} answer, as an object. */
	static Map<String, Object> metadataOf(MetadataPacket packet) {
		JsonNode metadata = packet.metadata();
		if (metadata == null || metadata.isNull()) {
			return Map.of();
		}
		if (metadata.isString()) {
			try {
				metadata = PACKETS.readTree(metadata.stringValue());
			}
			catch (JacksonException ex) {
				throw new TriggerUnexpectedResponseException(200, "The run's metadata is not JSON", ex);
			}
			if ("application/super+json".equals(packet.metadataType()) && metadata.has("json")) {
				metadata = metadata.get("json");
			}
		}
		if (!metadata.isObject()) {
			return Map.of();
		}
		return PACKETS.convertValue(metadata, PACKETS.getTypeFactory().constructMapType(LinkedHashMap.class,
				String.class, Object.class));
	}

	/**
	 * Answer of {@code GET /api/v1/runs/{runId}/metadata}: the stored packet, a string or
	 * an object.
	 *
	 * @param metadata the packet, or {@code null}
	 * @param metadataType the packet's content type, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record MetadataPacket(@Nullable JsonNode metadata, @Nullable String metadataType) {

	}

	/**
	 * Answer of {@code POST /api/v1/runs/{runId}/tags}.
	 *
	 * @param message the server's message
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TagsAnswer(String message) {

	}

	/**
	 * Answer of {@code PUT /api/v1/runs/{runId}/metadata}.
	 *
	 * @param metadata the metadata after the update
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UpdatedMetadata(@Nullable Map<String, Object> metadata) {

		@Override
		public Map<String, Object> metadata() {
			return (this.metadata != null) ? this.metadata : Map.of();
		}

	}

}
