package io.github.triggerspring.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.internal.tasks.RunTags;
import io.github.triggerspring.internal.tasks.SuperJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes trigger bodies, batch bodies and NDJSON batch items exactly as the official SDK
 * does from a backend, checking the API's rules first. Envelopes are JSON trees, so
 * that the application's naming strategy applies to payloads and metadata only.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerWire {

	/** Largest NDJSON item the server accepts: 3 MiB. */
	static final int MAX_PAYLOAD_BYTES = 3_145_728;

	private static final Pattern KEY_TTL = Pattern.compile("^\\d+[smhd]$");

	private final JsonMapper mapper;

	private final ObjectWriter compact;

	private final SuperJson superJson;

	TriggerWire(JsonMapper mapper) {
		this.mapper = mapper;
		this.compact = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
		this.superJson = new SuperJson(mapper);
	}

	/**
	 * Serializes a payload as the SDK does.
	 * @param field the field name used in messages
	 */
	PayloadPacket packet(@Nullable Object payload, String field) {
		return PayloadPacket.of(payload, this.superJson, field);
	}

	/**
	 * Body of {@code POST /api/v1/tasks/{taskId}/trigger}, checking the options. A
	 * payload to offload is written inline here, and replaced by its storage path with
	 * {@link #store(ObjectNode, PayloadPacket)} once it is uploaded.
	 */
	ObjectNode triggerBody(PayloadPacket packet, TriggerOptions options) {
		ObjectNode body = this.mapper.createObjectNode();
		if (packet.data() != null) {
			body.put("payload", packet.data());
		}
		ObjectNode wire = body.putObject("options");
		IdempotencyKey key = options.idempotencyKeyValue();
		if (key != null) {
			key.validate("options.idempotencyKey");
		}
		writeOptions(wire, options, packet, "options");
		wire.put("payloadSize", packet.size());
		if (key != null) {
			writeKey(wire, key.hashed(), key.isPreHashed() ? null : key);
		}
		writeKeyTtl(wire, options.idempotencyKeyTTL(), "options.idempotencyKeyTTL");
		return body;
	}

	/**
	 * Replaces the payload of a trigger body, or of a batch item, by the path where it
	 * was stored, keeping the original {@code payloadSize}.
	 * @param body the body or item
	 * @param stored the stored packet
	 * @return the body
	 */
	static ObjectNode store(ObjectNode body, PayloadPacket stored) {
		body.put("payload", stored.data());
		((ObjectNode) body.get("options")).put("payloadType", stored.dataType());
		return body;
	}

	/**
	 * Body of {@code POST /api/v3/batches}.
	 * @param taskIds the distinct task identifiers of the items, sorted
	 */
	ObjectNode createBatchBody(List<String> taskIds, int runCount, BatchOptions options) {
		ObjectNode body = this.mapper.createObjectNode();
		body.put("runCount", runCount);
		ArrayNode tasks = body.putArray("taskIdentifiers");
		taskIds.forEach(tasks::add);
		IdempotencyKey key = options.idempotencyKeyValue();
		if (key != null) {
			writeKey(body, key.hashed(), key.isPreHashed() ? null : key);
		}
		return body;
	}

	/** Checks the batch-wide options before any item is written. */
	void validate(BatchOptions options) {
		IdempotencyKey key = options.idempotencyKeyValue();
		if (key != null) {
			key.validate("batchOptions.idempotencyKey");
		}
		checkKeyTtl(options.idempotencyKeyTTL(), "batchOptions.idempotencyKeyTTL");
	}

	/**
	 * One item of {@code POST /api/v3/batches/{batchId}/items}, checking its options. The
	 * batch options must have been {@linkplain #validate(BatchOptions) validated}.
	 */
	ObjectNode batchItem(int index, BatchTaskItem item, PayloadPacket packet, BatchOptions batch) {
		String field = "items[" + index + "]";
		String taskId = TriggerValidationException.requireText(item.taskId(), field + ".taskId");
		ObjectNode line = this.mapper.createObjectNode();
		line.put("index", index);
		line.put("task", taskId);
		if (packet.data() != null) {
			line.put("payload", packet.data());
		}
		ObjectNode wire = line.putObject("options");
		TriggerOptions options = item.options();
		writeOptions(wire, options, packet, field + ".options");
		if (packet.data() != null && !packet.data().isEmpty()) {
			// the SDK sets payloadSize on batch items only when there is a non-empty payload
			wire.put("payloadSize", packet.size());
		}
		IdempotencyKey own = options.idempotencyKeyValue();
		IdempotencyKey batchKey = batch.idempotencyKeyValue();
		if (own != null) {
			own.validate(field + ".options.idempotencyKey");
			writeKey(wire, own.hashed(), own.isPreHashed() ? null : own);
		}
		else if (batchKey != null) {
			writeKey(wire, batchKey.forBatchItem(index), null);
		}
		String keyTtl = (options.idempotencyKeyTTL() != null) ? options.idempotencyKeyTTL()
				: batch.idempotencyKeyTTL();
		writeKeyTtl(wire, keyTtl, field + ".options.idempotencyKeyTTL");
		return line;
	}

	/**
	 * An item as its NDJSON line, without its line break, checked against the server's
	 * per-item limit.
	 */
	String batchLine(int index, ObjectNode item) {
		String field = "items[" + index + "]";
		String text = this.compact.writeValueAsString(item);
		int bytes = PayloadPacket.utf8Length(text);
		if (bytes > MAX_PAYLOAD_BYTES) {
			throw new TriggerValidationException(field,
					"is " + bytes + " bytes once serialized, over the per-item limit of " + MAX_PAYLOAD_BYTES
							+ " bytes (3 MiB); the server would reject it. Send a smaller payload, for example a "
							+ "reference to data stored elsewhere.");
		}
		return text;
	}

	private void writeOptions(ObjectNode wire, TriggerOptions options, PayloadPacket packet, String field) {
		if (options.queue() != null) {
			wire.putObject("queue").put("name", options.queue());
		}
		putIfPresent(wire, "concurrencyKey", options.concurrencyKey());
		wire.put("payloadType", packet.dataType());
		putIfPresent(wire, "delay", options.delay());
		if (options.ttl() != null) {
			wire.put("ttl", options.ttl());
		}
		else if (options.ttlDuration() != null) {
			wire.put("ttl", seconds(options.ttlDuration(), field + ".ttl"));
		}
		writeTags(wire, options.tags(), field + ".tags");
		if (options.maxAttempts() != null) {
			wire.put("maxAttempts", options.maxAttempts());
		}
		Map<String, ?> metadata = options.metadata();
		if (metadata != null) {
			wire.set("metadata", this.mapper.valueToTree(metadata));
		}
		if (options.maxDuration() != null) {
			wire.put("maxDuration", seconds(options.maxDuration(), field + ".maxDuration"));
		}
		if (options.machine() != null) {
			wire.put("machine", options.machine().wireValue());
		}
		if (options.priority() != null) {
			wire.put("priority", seconds(options.priority(), field + ".priority"));
		}
		putIfPresent(wire, "region", options.region());
		putIfPresent(wire, "lockToVersion", options.version());
	}

	private static void writeTags(ObjectNode wire, @Nullable List<String> tags, String field) {
		if (tags != null) {
			ArrayNode array = wire.putArray("tags");
			RunTags.check(tags, field).forEach(array::add);
		}
	}

	private static void writeKey(ObjectNode wire, String hashed, @Nullable IdempotencyKey recorded) {
		wire.put("idempotencyKey", hashed);
		if (recorded != null) {
			ObjectNode keyOptions = wire.putObject("idempotencyKeyOptions");
			keyOptions.put("key", recorded.userValue());
			keyOptions.put("scope", recorded.effectiveScope().wireValue());
		}
	}

	private static void writeKeyTtl(ObjectNode wire, @Nullable String ttl, String field) {
		checkKeyTtl(ttl, field);
		putIfPresent(wire, "idempotencyKeyTTL", ttl);
	}

	private static void checkKeyTtl(@Nullable String ttl, String field) {
		if (ttl != null && !KEY_TTL.matcher(ttl).matches()) {
			throw new TriggerValidationException(field, "must be a number followed by s, m, h or d (like '30m' or "
					+ "'1d'), but was '" + ttl + "'. The official SDK would send it unchecked and it would be "
					+ "silently ignored: the server would fall back to its default of 30 days. Write it in a "
					+ "single unit, for example '90m' instead of '1h30m'.");
		}
	}

	private static long seconds(Duration duration, String field) {
		if (duration.isNegative()) {
			throw new TriggerValidationException(field,
					"must not be negative, but was " + duration + ". Use zero or a positive duration.");
		}
		return duration.getSeconds();
	}

	private static void putIfPresent(ObjectNode wire, String name, @Nullable String value) {
		if (value != null) {
			wire.put(name, value);
		}
	}

}
