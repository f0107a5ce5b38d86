package io.github.triggerspring.tasks;

import java.nio.charset.StandardCharsets;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;

/**
 * A payload serialized as the SDK serializes it ({@code stringifyIO}): a string is sent
 * as-is as {@code text/plain}, any other value as a superjson string
 * {@code {"json":<value>}} ({@code application/super+json}), and no payload as
 * {@code application/json} with no data.
 *
 * @param data the serialized payload, or {@code null} for no payload
 * @param dataType the value of {@code options.payloadType}
 * @author trigger-spring-boot contributors
 */
record PayloadPacket(@Nullable String data, String dataType) {

	static final String TEXT = "text/plain";

	static final String SUPER_JSON = "application/super+json";

	static final String JSON = "application/json";

	static PayloadPacket of(@Nullable Object payload, ObjectWriter writer, String field) {
		if (payload == null) {
			return new PayloadPacket(null, JSON);
		}
		if (payload instanceof String text) {
			return new PayloadPacket(text, TEXT);
		}
		try {
			return new PayloadPacket("{\"json\":" + writer.writeValueAsString(payload) + "}", SUPER_JSON);
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
