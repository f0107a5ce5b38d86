package io.github.triggerspring.internal.http;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the vendor's wire format: request and response models are written
 * and read with it, whatever the application's own {@code JsonMapper} is configured to
 * do (naming strategy, inclusion, date format, default typing, extra modules). The
 * user's own data (payloads, metadata) is written by the application's mapper before it
 * reaches this one, as a finished JSON tree or string.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class WireJson {

	/**
	 * Jackson 3's defaults, with unknown response fields ignored (new server fields must
	 * not break old clients, as with the SDK's zod schemas), dates as ISO-8601 strings and
	 * no indentation.
	 */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private WireJson() {
	}

	/**
	 * The wire mapper, for other parts of the starter that read the vendor's format, such
	 * as webhook deliveries. It is immutable.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
