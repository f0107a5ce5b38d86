package io.github.triggerspring.tasks;

import java.io.OutputStream;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.internal.http.WireJson;
import io.github.triggerspring.internal.tasks.RunTags;
import io.github.triggerspring.internal.tasks.SuperJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes trigger bodies, batch bodies and NDJSON batch items exactly as the official SDK
 * does from a backend, checking the API's rules first. Trigger bodies and batch items
 * are written token by token by the library's wire mapper, the payload as the string the
 * application's mapper wrote and the metadata as the tree it wrote, so that the
 * application's settings apply to payloads and metadata only.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerWire {

	/** Largest NDJSON item the server accepts: 3 MiB. */
	static final int MAX_PAYLOAD_BYTES = 3_145_728;

	/** Room for what a body or item holds besides its payload. */
	private static final int BODY_BYTES = 512;

	private static final Pattern KEY_TTL = Pattern.compile("^\\d+[smhd]$");

	private final JsonMapper mapper;

	private final SuperJson superJson;

	TriggerWire(JsonMapper mapper) {
		this.mapper = mapper;
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
	 * Body of {@code POST /api/v1/tasks/{taskId}/trigger}, checking the options, written
	 * straight to bytes by the wire mapper. A payload to offload is written as
	 * {@linkplain PayloadPacket#beforeOffload() a placeholder} to check the options
	 * before it is uploaded, and the body written again with the stored packet.
	 */
	byte[] triggerBody(PayloadPacket packet, TriggerOptions options) {
		WrittenBytes bytes = new WrittenBytes();
		try (JsonGenerator body = WireJson.mapper().createGenerator(bytes)) {
			body.writeStartObject();
			if (packet.data() != null) {
				body.writeStringProperty("payload", packet.data());
			}
			body.writeObjectPropertyStart("options");
			IdempotencyKey key = options.idempotencyKeyValue();
			if (key != null) {
				key.validate("options.idempotencyKey");
			}
			writeOptions(body, options, packet, "options");
			body.writeNumberProperty("payloadSize", packet.size());
			if (key != null) {
				writeKey(body, key.hashed(), key.isPreHashed() ? null : key);
			}
			writeKeyTtl(body, options.idempotencyKeyTTL(), "options.idempotencyKeyTTL");
			body.writeEndObject();
			body.writeEndObject();
		}
		return bytes.written();
	}

	/**
	 * Body of {@code POST /api/v3/batches}.
	 * @param taskIds the distinct task identifiers of the items, sorted
	 */
	byte[] createBatchBody(List<String> taskIds, int runCount, BatchOptions options) {
		WrittenBytes bytes = new WrittenBytes();
		try (JsonGenerator body = WireJson.mapper().createGenerator(bytes)) {
			body.writeStartObject();
			body.writeNumberProperty("runCount", runCount);
			body.writeArrayPropertyStart("taskIdentifiers");
			taskIds.forEach(body::writeString);
			body.writeEndArray();
			IdempotencyKey key = options.idempotencyKeyValue();
			if (key != null) {
				writeKey(body, key.hashed(), key.isPreHashed() ? null : key);
			}
			body.writeEndObject();
		}
		return bytes.written();
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
	 * One item of {@code POST /api/v3/batches/{batchId}/items} as its NDJSON line, without
	 * its line break, checking its options and the server's per-item limit. The batch
	 * options must have been {@linkplain #validate(BatchOptions) validated}. A payload to
	 * offload is written as {@linkplain PayloadPacket#beforeOffload() a placeholder} to
	 * check the options before it is uploaded, and the line written again with the stored
	 * packet.
	 */
	String batchLine(int index, BatchTaskItem item, PayloadPacket packet, BatchOptions batch) {
		String field = "items[" + index + "]";
		String taskId = TriggerValidationException.requireText(item.taskId(), field + ".taskId");
		StringWriter text = new StringWriter(BODY_BYTES + length(packet));
		try (JsonGenerator line = WireJson.mapper().createGenerator(text)) {
			line.writeStartObject();
			line.writeNumberProperty("index", index);
			line.writeStringProperty("task", taskId);
			if (packet.data() != null) {
				line.writeStringProperty("payload", packet.data());
			}
			line.writeObjectPropertyStart("options");
			TriggerOptions options = item.options();
			writeOptions(line, options, packet, field + ".options");
			if (packet.data() != null && !packet.data().isEmpty()) {
				// the SDK sets payloadSize on batch items only when there is a non-empty payload
				line.writeNumberProperty("payloadSize", packet.size());
			}
			IdempotencyKey own = options.idempotencyKeyValue();
			IdempotencyKey batchKey = batch.idempotencyKeyValue();
			if (own != null) {
				own.validate(field + ".options.idempotencyKey");
				writeKey(line, own.hashed(), own.isPreHashed() ? null : own);
			}
			else if (batchKey != null) {
				writeKey(line, batchKey.forBatchItem(index), null);
			}
			String keyTtl = (options.idempotencyKeyTTL() != null) ? options.idempotencyKeyTTL()
					: batch.idempotencyKeyTTL();
			writeKeyTtl(line, keyTtl, field + ".options.idempotencyKeyTTL");
			line.writeEndObject();
			line.writeEndObject();
		}
		String written = text.toString();
		int bytes = PayloadPacket.utf8Length(written);
		if (bytes > MAX_PAYLOAD_BYTES) {
			throw new TriggerValidationException(field,
					"is " + bytes + " bytes once serialized, over the per-item limit of " + MAX_PAYLOAD_BYTES
							+ " bytes (3 MiB); the server would reject it. Send a smaller payload, for example a "
							+ "reference to data stored elsewhere.");
		}
		return written;
	}

	private void writeOptions(JsonGenerator wire, TriggerOptions options, PayloadPacket packet, String field) {
		if (options.queue() != null) {
			wire.writeObjectPropertyStart("queue");
			wire.writeStringProperty("name", options.queue());
			wire.writeEndObject();
		}
		writeIfPresent(wire, "concurrencyKey", options.concurrencyKey());
		wire.writeStringProperty("payloadType", packet.dataType());
		writeIfPresent(wire, "delay", options.delay());
		if (options.ttl() != null) {
			wire.writeStringProperty("ttl", options.ttl());
		}
		else if (options.ttlDuration() != null) {
			wire.writeNumberProperty("ttl", seconds(options.ttlDuration(), field + ".ttl"));
		}
		writeTags(wire, options.tags(), field + ".tags");
		if (options.maxAttempts() != null) {
			wire.writeNumberProperty("maxAttempts", options.maxAttempts());
		}
		Map<String, ?> metadata = options.metadata();
		if (metadata != null) {
			wire.writeName("metadata");
			wire.writeTree(this.mapper.valueToTree(metadata));
		}
		if (options.maxDuration() != null) {
			wire.writeNumberProperty("maxDuration", seconds(options.maxDuration(), field + ".maxDuration"));
		}
		if (options.machine() != null) {
			wire.writeStringProperty("machine", options.machine().wireValue());
		}
		if (options.priority() != null) {
			wire.writeNumberProperty("priority", seconds(options.priority(), field + ".priority"));
		}
		writeIfPresent(wire, "region", options.region());
		writeIfPresent(wire, "lockToVersion", options.version());
	}

	private static void writeTags(JsonGenerator wire, @Nullable List<String> tags, String field) {
		if (tags != null) {
			List<String> checked = RunTags.check(tags, field);
			wire.writeArrayPropertyStart("tags");
			checked.forEach(wire::writeString);
			wire.writeEndArray();
		}
	}

	private static void writeKey(JsonGenerator wire, String hashed, @Nullable IdempotencyKey recorded) {
		wire.writeStringProperty("idempotencyKey", hashed);
		if (recorded != null) {
			wire.writeObjectPropertyStart("idempotencyKeyOptions");
			wire.writeStringProperty("key", recorded.userValue());
			wire.writeStringProperty("scope", recorded.effectiveScope().wireValue());
			wire.writeEndObject();
		}
	}

	private static void writeKeyTtl(JsonGenerator wire, @Nullable String ttl, String field) {
		checkKeyTtl(ttl, field);
		writeIfPresent(wire, "idempotencyKeyTTL", ttl);
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

	/** Length of the packet's data, in characters: about what it takes once written. */
	private static int length(PayloadPacket packet) {
		return (packet.data() != null) ? packet.data().length() : 0;
	}

	private static void writeIfPresent(JsonGenerator wire, String name, @Nullable String value) {
		if (value != null) {
			wire.writeStringProperty(name, value);
		}
	}

	/**
	 * The bytes a generator writes, kept as the arrays it flushes: a generator buffers
	 * what it writes and flushes a small body once, when it is closed, so the body is
	 * copied once, at its exact size.
	 */
	private static final class WrittenBytes extends OutputStream {

		private byte[] written = new byte[0];

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			byte[] joined = Arrays.copyOf(this.written, this.written.length + length);
			System.arraycopy(bytes, offset, joined, this.written.length, length);
			this.written = joined;
		}

		byte[] written() {
			return this.written;
		}

	}

}
