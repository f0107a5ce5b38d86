package io.github.triggerspring.tasks;

import java.nio.charset.StandardCharsets;

import io.github.triggerspring.error.TriggerValidationException;
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
 *
 * @param data the serialized payload, or {@code null} for no payload
 * @param dataType the value of {@code options.payloadType}
 * @author trigger-spring-boot contributors
 */
record PayloadPacket(@Nullable String data, String dataType) {

	static final String TEXT = "text/plain";

	static final String SUPER_JSON = "application/super+json";

	static final String JSON = "application/json";

	static PayloadPacket of(@Nullable Object payload, SuperJson superJson, String field) {
		if (payload == null) {
			return new PayloadPacket(null, JSON);
		}
		if (payload instanceof String text) {
			return new PayloadPacket(text, TEXT);
		}
		try {
			return new PayloadPacket(superJson.stringify(payload), SUPER_JSON);
		}
		catch (JacksonException ex) {
			throw new TriggerValidationException(field,
					"could not be written as JSON by the application's JsonMapper (" + ex.getOriginalMessage()
							+ "). Pass a value the mapper can serialize, or a String.");
		}
	}

	/** UTF-8 size of the data, as {@code options.payloadSize} reports it. */
	int size() {
		return (this.data != null) ? this.data.getBytes(StandardCharsets.UTF_8).length : 0;
	}

}
