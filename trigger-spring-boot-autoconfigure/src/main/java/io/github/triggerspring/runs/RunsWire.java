package io.github.triggerspring.runs;

import java.time.Duration;
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
import io.github.triggerspring.internal.http.TriggerResponse;
import io.github.triggerspring.internal.tasks.RunTags;
import io.github.triggerspring.internal.tasks.SuperJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

/**
 * Writes the bodies of the runs endpoints that carry more than an id, checking the API's
 * rules first, and reads the metadata packets the server stores.
 *
 * @author trigger-spring-boot contributors
 */
final class RunsWire {

	/** A duration as the server's {@code parseNaturalLanguageDuration} reads it. */
	private static final Pattern DURATION = Pattern.compile("^(\\d+(w|d|hr|h|m|s))+$");

	/** Longest idempotency key. */
	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 2048;

	private static final Pattern KEY_TTL = Pattern.compile("^\\d+[smhd]$");

	private static final Set<String> RESERVED_KEYS = Set.of("__proto__", "constructor", "prototype");

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper PACKETS = JsonMapper.builder().build();

	private final JsonMapper mapper;

	private final SuperJson superJson;

	RunsWire(JsonMapper mapper) {
		this.mapper = mapper;
		this.superJson = new SuperJson(mapper);
	}

	/** Body of {@code POST /api/v1/runs/{runId}/reschedule}. */
	static Map<String, String> rescheduleBody(@Nullable String delay) {
		return Map.of("delay", checkDelay(delay, "delay"));
	}

	private static String checkDelay(@Nullable String delay, String field) {
		TriggerValidationException.requireText(delay, field);
		if (!DURATION.matcher(delay).matches() && !isIsoDate(delay)) {
			throw new TriggerValidationException(field, "'" + delay + "' is neither a duration nor a date. "
					+ "Write a duration such as '30m', '1h30m' or '2d', or pass an Instant.");
		}
		return delay;
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
		return Map.of("tags", RunTags.check(tags, "tags"));
	}

	/**
	 * Body of {@code POST /api/v1/runs/{runId}/replay}, as SDK 4.8.3 writes it; {@code null}
	 * when nothing changes, since the SDK then sends no body.
	 */
	@Nullable ObjectNode replayBody(ReplayOptions options) {
		if (options == null) {
			throw new TriggerValidationException("options", "is null. Pass ReplayOptions.none() to replay the run "
					+ "unchanged.");
		}
		ObjectNode body = this.mapper.createObjectNode();
		if (options.hasPayload()) {
			body.put("payload", this.superJson.stringify(options.payload()));
			body.put("payloadType", "application/super+json");
		}
		if (options.metadata() != null) {
			body.set("metadata", this.mapper.valueToTree(options.metadata()));
		}
		if (options.tags() != null) {
			ArrayNode tags = body.putArray("tags");
			RunTags.check(options.tags(), "options.tags").forEach(tags::add);
		}
		putIfPresent(body, "queue", options.queue());
		putIfPresent(body, "concurrencyKey", options.concurrencyKey());
		if (options.machine() != null) {
			body.put("machine", options.machine().wireValue());
		}
		putIfPresent(body, "version", options.version());
		putIfPresent(body, "region", options.region());
		if (options.delay() != null) {
			body.put("delay", checkDelay(options.delay(), "options.delay"));
		}
		if (options.ttl() != null) {
			if (!DURATION.matcher(options.ttl()).matches()) {
				throw new TriggerValidationException("options.ttl", "'" + options.ttl() + "' is not a duration. "
						+ "Write it like '10m' or '1h', or pass a Duration.");
			}
			body.put("ttl", options.ttl());
		}
		if (options.ttlDuration() != null) {
			body.put("ttl", seconds(options.ttlDuration(), "options.ttl"));
		}
		if (options.idempotencyKey() != null) {
			String key = TriggerValidationException.requireText(options.idempotencyKey(), "options.idempotencyKey");
			if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
				throw new TriggerValidationException("options.idempotencyKey", "has " + key.length()
						+ " characters, but the server accepts at most " + MAX_IDEMPOTENCY_KEY_LENGTH
						+ ". Use a shorter key, for example a hash of it.");
			}
			body.put("idempotencyKey", key);
		}
		if (options.idempotencyKeyTTL() != null) {
			if (!KEY_TTL.matcher(options.idempotencyKeyTTL()).matches()) {
				throw new TriggerValidationException("options.idempotencyKeyTTL", "must be a number followed by s, "
						+ "m, h or d (like '30m' or '1d'), but was '" + options.idempotencyKeyTTL() + "'.");
			}
			body.put("idempotencyKeyTTL", options.idempotencyKeyTTL());
		}
		if (options.maxAttempts() != null) {
			if (options.maxAttempts() < 1) {
				throw new TriggerValidationException("options.maxAttempts",
						"must be at least 1, but was " + options.maxAttempts() + ".");
			}
			body.put("maxAttempts", options.maxAttempts());
		}
		if (options.maxDuration() != null) {
			body.put("maxDuration", seconds(options.maxDuration(), "options.maxDuration"));
		}
		if (options.priority() != null) {
			body.put("priority", seconds(options.priority(), "options.priority"));
		}
		return body.isEmpty() ? null : body;
	}

	private static long seconds(Duration duration, String field) {
		if (duration.isNegative()) {
			throw new TriggerValidationException(field,
					"must not be negative, but was " + duration + ". Use zero or a positive duration.");
		}
		return duration.getSeconds();
	}

	/**
	 * A tag of a realtime tag filter: the server refuses an empty one and one with
	 * control characters, {@code \\} or {@code "}; the filter joins tags with {@code ,}.
	 */
	static String realtimeTag(@Nullable String tag) {
		TriggerValidationException.requireText(tag, "tag");
		for (int i = 0; i < tag.length(); i++) {
			char c = tag.charAt(i);
			if (Character.isISOControl(c) || c == '\\' || c == '"' || c == ',') {
				throw new TriggerValidationException("tag", "must not contain control characters, '\\', '\"' or ','"
						+ ", but was '" + tag + "'. Remove them from the tag.");
			}
		}
		return tag;
	}

	/**
	 * The {@code createdAt} window of a realtime tag filter, in the server's duration
	 * syntax, for example {@code 7200s}.
	 */
	static String realtimeWindow(@Nullable Duration createdAfter) {
		if (createdAfter == null || createdAfter.isNegative() || createdAfter.isZero()
				|| createdAfter.getNano() != 0) {
			throw new TriggerValidationException("createdAfter", "must be a positive number of whole seconds, but was "
					+ createdAfter + ". Pass for example Duration.ofHours(2).");
		}
		return createdAfter.toSeconds() + "s";
	}

	private static void putIfPresent(ObjectNode body, String name, @Nullable String value) {
		if (value != null) {
			body.put(name, value);
		}
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

	/**
	 * Content of a downloaded packet, read by its content type as the SDK's
	 * {@code parsePacket} does: superjson gives its {@code json} member, JSON is parsed,
	 * anything else is text.
	 */
	static JsonNode packetOf(TriggerResponse<String> download) {
		MediaType contentType = download.headers().getContentType();
		String type = (contentType != null) ? contentType.getType() + "/" + contentType.getSubtype() : "";
		try {
			if (type.equals("application/super+json")) {
				JsonNode superJson = PACKETS.readTree(download.body());
				return superJson.has("json") ? superJson.get("json") : PACKETS.nullNode();
			}
			if (type.equals("application/json")) {
				return PACKETS.readTree(download.body());
			}
		}
		catch (JacksonException ex) {
			throw new TriggerUnexpectedResponseException(download.status(),
					"The offloaded packet is not valid " + type + ": " + ex.getOriginalMessage(), ex);
		}
		return PACKETS.getNodeFactory().stringNode(download.body());
	}

}
