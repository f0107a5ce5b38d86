package io.github.triggerspring.tasks;

import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.internal.tasks.SuperJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * A payload serialized as the SDK serializes it ({@code stringifyIO}): a string is sent
 * as-is as {@code text/plain}, any other value as a superjson string
 * ({@code application/super+json}), and no payload as {@code application/json} with no
 * data.
 * <p>
 * The superjson string is {@code {"json":<value>}}, the value written by the
 * application's JSON mapper, plus {@code "meta":{"values":...}} when the value holds Java
 * values that superjson revives as JavaScript types:
 * <table>
 * <caption>Java values sent with a superjson annotation</caption>
 * <tr><th>Java</th><th>JavaScript</th><th>JSON value</th></tr>
 * <tr><td>{@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
 * {@code java.util.Date}, {@code Calendar}</td><td>{@code Date}</td><td>
 * {@code toISOString()}: UTC, milliseconds, {@code 2030-01-01T00:00:00.000Z}</td></tr>
 * <tr><td>{@code BigInteger}</td><td>{@code bigint}</td><td>decimal string</td></tr>
 * <tr><td>{@code Set}</td><td>{@code Set}</td><td>array</td></tr>
 * <tr><td>{@code Map} with a key that is not written as a string</td><td>{@code Map}</td>
 * <td>array of {@code [key, value]} arrays</td></tr>
 * </table>
 * Everything else, including {@code LocalDate}, {@code LocalDateTime} and the other
 * local date-time types (they name no instant) and maps with string keys, is plain JSON
 * as the mapper writes it. {@link #size()} is the UTF-8 length of the exact string sent,
 * as the SDK counts {@code payloadSize}.
 * <p>
 * A payload of {@link #OFFLOAD_BYTES} or more is uploaded to object storage first, as
 * the SDK does, and then {@linkplain #stored(String, int) sent as its storage path}.
 *
 * @param data the serialized payload, the storage path of a stored payload, or
 * {@code null} for no payload
 * @param dataType the value of {@code options.payloadType}
 * @param size UTF-8 size of the serialized payload, as {@code options.payloadSize}
 * reports it; for a stored payload, the size of what was stored
 * @author trigger-spring-boot contributors
 */
record PayloadPacket(@Nullable String data, String dataType, int size) {

	static final String TEXT = "text/plain";

	static final String SUPER_JSON = "application/super+json";

	static final String JSON = "application/json";

	static final String STORE = "application/store";

	/** Size from which a payload is uploaded to object storage: 128 KiB. */
	static final int OFFLOAD_BYTES = 131_072;

	static PayloadPacket of(@Nullable Object payload, SuperJson superJson, String field) {
		if (payload == null) {
			return new PayloadPacket(null, JSON, 0);
		}
		if (payload instanceof String text) {
			return serialized(text, TEXT);
		}
		try {
			return serialized(superJson.stringify(payload), SUPER_JSON);
		}
		catch (JacksonException ex) {
			throw new TriggerValidationException(field,
					"could not be written as JSON by the application's JsonMapper (" + ex.getOriginalMessage()
							+ "). Pass a value the mapper can serialize, or a String.");
		}
	}

	/**
	 * A payload that was uploaded to object storage.
	 * @param storagePath where it was stored, sent as the payload
	 * @param size the size of what was stored
	 */
	static PayloadPacket stored(String storagePath, int size) {
		return new PayloadPacket(storagePath, STORE, size);
	}

	private static PayloadPacket serialized(String data, String dataType) {
		return new PayloadPacket(data, dataType, utf8Length(data));
	}

	/**
	 * The packet written before the payload is uploaded, to check the rest of a body:
	 * this packet, or for a payload to offload a stored packet of the same size whose
	 * path is not known yet.
	 * @return the packet to write
	 */
	PayloadPacket beforeOffload() {
		return requiresOffload() ? stored("", this.size) : this;
	}

	/** Whether the payload is large enough to be uploaded to object storage first. */
	boolean requiresOffload() {
		return this.data != null && !STORE.equals(this.dataType) && this.size >= OFFLOAD_BYTES;
	}

	/** UTF-8 length of a string, counted without encoding it. */
	static int utf8Length(String text) {
		int length = 0;
		for (int index = 0; index < text.length(); index++) {
			char c = text.charAt(index);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && index + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(index + 1))) {
				length += 4;
				index++;
			}
			else {
				// a lone surrogate is encoded as '?', one byte
				length += Character.isSurrogate(c) ? 1 : 3;
			}
		}
		return length;
	}

}
