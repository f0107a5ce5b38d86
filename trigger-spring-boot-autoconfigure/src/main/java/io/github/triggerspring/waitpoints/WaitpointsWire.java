package io.github.triggerspring.waitpoints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.internal.tasks.RunTags;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the bodies of the waitpoint-token endpoints, checking the API's rules first, and
 * reads the outputs the server stores.
 *
 * @author trigger-spring-boot contributors
 */
final class WaitpointsWire {

	/** Content type of an output kept in object storage; the output is then its path. */
	static final String STORE = "application/store";

	/** Longest idempotency key. */
	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 2048;

	/** A time span as the server's {@code parseNaturalLanguageDuration} reads it. */
	private static final Pattern TIME_SPAN = Pattern.compile("^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$");

	private static final Pattern KEY_TTL = Pattern.compile("^\\d+[smhd]$");

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * An ISO-8601 date-time with an offset: {@code Z}, {@code +02:00}, {@code +0200} or
	 * {@code +02}. A date-time with no offset names no instant.
	 */
	private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.appendPattern("[XXX][XX][X]")
		.toFormatter(Locale.ROOT)
		.withChronology(IsoChronology.INSTANCE)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final JsonMapper OUTPUTS = JsonMapper.builder().build();

	private WaitpointsWire() {
	}

	/**
	 * Body of {@code POST /api/v1/waitpoints/tokens}.
	 * @param options the options
	 * @param clock the clock that tells whether a timeout instant is in the future
	 */
	static CreateTokenBody createBody(@Nullable CreateTokenOptions options, Clock clock) {
		if (options == null) {
			throw new TriggerValidationException("options", "is null. Pass CreateTokenOptions.none() for a token "
					+ "without idempotency key, timeout or tags.");
		}
		return new CreateTokenBody(idempotencyKey(options.idempotencyKey()), keyTtl(options.idempotencyKeyTTL()),
				timeout(options, clock), tags(options.tags()));
	}

	private static @Nullable String idempotencyKey(@Nullable String key) {
		if (key == null) {
			return null;
		}
		TriggerValidationException.requireText(key, "options.idempotencyKey");
		if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new TriggerValidationException("options.idempotencyKey", "has " + key.length()
					+ " characters, but the server accepts at most " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ ". Use a shorter key, for example a hash of it.");
		}
		return key;
	}

	private static @Nullable String keyTtl(@Nullable String ttl) {
		if (ttl != null && !KEY_TTL.matcher(ttl).matches()) {
			throw new TriggerValidationException("options.idempotencyKeyTTL", "must be a number followed by s, m, h "
					+ "or d (like '30m' or '1d'), but was '" + ttl + "'.");
		}
		return ttl;
	}

	private static @Nullable String timeout(CreateTokenOptions options, Clock clock) {
		if (options.timeoutDuration() != null) {
			Duration duration = options.timeoutDuration();
			if (duration.isNegative() || duration.isZero()) {
				throw new TriggerValidationException("options.timeout", "must be positive, but was " + duration
						+ ". Pass a positive duration, or leave the timeout out for a token that never times out.");
			}
			long seconds = duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
			return seconds + "s";
		}
		if (options.timeoutInstant() != null) {
			return futureInstant(options.timeoutInstant(), clock);
		}
		String timeout = options.timeout();
		if (timeout == null) {
			return null;
		}
		if (!timeout.isEmpty() && TIME_SPAN.matcher(timeout).matches()) {
			return timeout;
		}
		return futureInstant(instant(timeout), clock);
	}

	/**
	 * The instant a date-time with an offset names, or the start in UTC of a date, as
	 * JavaScript's {@code new Date(value)} on the server reads a date-only ISO string.
	 */
	private static Instant instant(String timeout) {
		try {
			if (timeout.indexOf('T') < 0) {
				return LocalDate.parse(timeout, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(timeout, ISO_WITH_OFFSET).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new TriggerValidationException("options.timeout", "'" + timeout + "' is neither a time span nor "
					+ "an ISO-8601 date or date-time with an offset. Write a time span such as '30s', '1m', '2h', "
					+ "'3d', '4w' or '1h30m', a date such as '2026-12-01' (midnight UTC) or a date-time such as "
					+ "'2026-12-01T10:00:00+02:00', or pass a Duration or an Instant.");
		}
	}

	private static String futureInstant(Instant instant, Clock clock) {
		if (!instant.isAfter(clock.instant())) {
			throw new TriggerValidationException("options.timeout", "is " + ISO_MILLIS.format(instant)
					+ ", which is not in the future: the server would ignore it and the token would never time out. "
					+ "Pass a later instant.");
		}
		return ISO_MILLIS.format(instant);
	}

	private static @Nullable List<String> tags(@Nullable List<String> tags) {
		if (tags == null) {
			return null;
		}
		if (tags.size() > RunTags.MAX_TAGS) {
			throw new TriggerValidationException("options.tags", "has " + tags.size() + " tags, but a waitpoint "
					+ "token may have at most " + RunTags.MAX_TAGS + ". Drop some tags, or combine them, for example "
					+ "'user:1234'.");
		}
		for (String tag : tags) {
			if (tag == null || tag.isEmpty()) {
				throw new TriggerValidationException("options.tags", "contains a null or empty tag. Remove it.");
			}
			if (tag.length() > RunTags.MAX_TAG_LENGTH) {
				throw new TriggerValidationException("options.tags", "contains a tag of " + tag.length()
						+ " characters, but a tag may have at most " + RunTags.MAX_TAG_LENGTH + ". Shorten the tag.");
			}
		}
		return List.copyOf(tags);
	}

	/**
	 * Body of {@code POST /api/v1/waitpoints/tokens/{id}/complete}: the data written with
	 * the application's mapper, or no {@code data} member for {@code null}.
	 */
	static ObjectNode completeBody(@Nullable Object data, JsonMapper applicationMapper) {
		ObjectNode body = applicationMapper.createObjectNode();
		if (data != null) {
			body.set("data", applicationMapper.valueToTree(data));
		}
		return body;
	}

	/**
	 * An output as the SDK's {@code parsePacket} reads it: {@code application/json} is
	 * parsed, {@code application/super+json} gives its {@code json} member, anything else
	 * is text.
	 * @param output the output as stored
	 * @param type its content type, {@code null} for {@code application/json}
	 * @param status the status of the response the output came with, for errors
	 */
	static JsonNode parseOutput(String output, @Nullable String type, int status) {
		String outputType = (type != null) ? type : "application/json";
		try {
			if (outputType.equals("application/super+json")) {
				JsonNode superJson = OUTPUTS.readTree(output);
				return superJson.has("json") ? superJson.get("json") : OUTPUTS.nullNode();
			}
			if (outputType.equals("application/json")) {
				return OUTPUTS.readTree(output);
			}
		}
		catch (JacksonException ex) {
			throw new TriggerUnexpectedResponseException(status,
					"The waitpoint token's output is not valid " + outputType + ": " + ex.getOriginalMessage(), ex);
		}
		return OUTPUTS.getNodeFactory().stringNode(output);
	}

	/** The timeout that a timed-out token's output describes. */
	static WaitpointTimeout timeoutOf(@Nullable JsonNode output) {
		JsonNode message = (output != null) ? output.get("message") : null;
		JsonNode code = (output != null) ? output.get("code") : null;
		return new WaitpointTimeout((message != null && message.isString()) ? message.stringValue() : "Timed out",
				(code != null && code.isString()) ? code.stringValue() : null);
	}

	/**
	 * Body of {@code POST /api/v1/waitpoints/tokens}, as the SDK writes it.
	 *
	 * @param idempotencyKey the raw idempotency key, or {@code null}
	 * @param idempotencyKeyTTL the key's time-to-live, or {@code null}
	 * @param timeout a time span or an ISO-8601 instant in UTC with milliseconds, or
	 * {@code null}
	 * @param tags the tags, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateTokenBody(@Nullable String idempotencyKey, @Nullable String idempotencyKeyTTL,
			@Nullable String timeout, @Nullable List<String> tags) {

	}

	/**
	 * Answer of {@code POST /api/v1/waitpoints/tokens}.
	 *
	 * @param id the token id
	 * @param isCached whether an existing token was returned
	 * @param url the callback URL
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreatedToken(String id, boolean isCached, String url) {

	}

	/**
	 * Answer of {@code GET /api/v1/waitpoints/tokens/{id}}: a list item plus the stored
	 * output.
	 *
	 * @param id token id
	 * @param url callback URL
	 * @param status status
	 * @param completedAt completion time
	 * @param timeoutAt timeout
	 * @param idempotencyKey idempotency key
	 * @param idempotencyKeyExpiresAt idempotency key expiry
	 * @param tags tags
	 * @param createdAt creation time
	 * @param output the stored output: text, or the path of an {@code application/store}
	 * packet
	 * @param outputType the output's content type
	 * @param outputIsError whether the output is the timeout error, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record RetrievedToken(String id, String url, WaitpointTokenStatus status, @Nullable Instant completedAt,
			@Nullable Instant timeoutAt, @Nullable String idempotencyKey, @Nullable Instant idempotencyKeyExpiresAt,
			@Nullable List<String> tags, Instant createdAt, @Nullable String output, @Nullable String outputType,
			@Nullable Boolean outputIsError) {

		RetrievedWaitpointToken decoded(@Nullable JsonNode decodedOutput) {
			WaitpointTimeout error = isError() ? timeoutOf(decodedOutput) : null;
			return new RetrievedWaitpointToken(this.id, this.url, this.status, this.completedAt, this.timeoutAt,
					this.idempotencyKey, this.idempotencyKeyExpiresAt, (this.tags != null) ? this.tags : List.of(),
					this.createdAt, isError() ? null : decodedOutput, error);
		}

		boolean isError() {
			return Boolean.TRUE.equals(this.outputIsError);
		}

	}

	/**
	 * Answer of {@code GET /api/v1/packets/{filename}}.
	 *
	 * @param presignedUrl where to download the packet
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PacketUrl(@Nullable String presignedUrl) {

	}

	/**
	 * Answer of {@code POST /api/v1/waitpoints/tokens/{id}/complete}.
	 *
	 * @param success always {@code true}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Completed(boolean success) {

	}

}
