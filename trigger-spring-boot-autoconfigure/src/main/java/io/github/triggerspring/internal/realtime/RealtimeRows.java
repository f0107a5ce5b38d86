package io.github.triggerspring.internal.realtime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.realtime.RealtimeRun;
import io.github.triggerspring.runs.RunStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Decodes the rows of the realtime shape into {@link RealtimeRun}s. Values arrive as
 * Postgres text (Electric) or as JSON values (tolerated): each column is decoded by its
 * known type, leniently, so both backends' encodings read the same (notes §6.6a).
 *
 * @author trigger-spring-boot contributors
 */
final class RealtimeRows {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** The server's internal statuses that the SDK maps to another API status. */
	private static final Map<String, RunStatus> INTERNAL_STATUSES = Map.ofEntries(
			Map.entry("PENDING", RunStatus.QUEUED), Map.entry("PENDING_VERSION", RunStatus.PENDING_VERSION),
			Map.entry("WAITING_FOR_DEPLOY", RunStatus.PENDING_VERSION),
			Map.entry("WAITING_TO_RESUME", RunStatus.WAITING), Map.entry("PAUSED", RunStatus.WAITING),
			Map.entry("EXECUTING", RunStatus.EXECUTING), Map.entry("RETRYING_AFTER_FAILURE", RunStatus.EXECUTING),
			Map.entry("COMPLETED_SUCCESSFULLY", RunStatus.COMPLETED),
			Map.entry("COMPLETED_WITH_ERRORS", RunStatus.FAILED), Map.entry("INTERRUPTED", RunStatus.FAILED),
			Map.entry("DELAYED", RunStatus.DELAYED), Map.entry("DEQUEUED", RunStatus.DEQUEUED),
			Map.entry("CANCELED", RunStatus.CANCELED), Map.entry("CRASHED", RunStatus.CRASHED),
			Map.entry("SYSTEM_FAILURE", RunStatus.SYSTEM_FAILURE), Map.entry("EXPIRED", RunStatus.EXPIRED),
			Map.entry("TIMED_OUT", RunStatus.TIMED_OUT));

	private RealtimeRows() {
	}

	/**
	 * The run of a merged row.
	 * @param row the row, column by column
	 * @return the run
	 */
	static RealtimeRun run(JsonNode row) {
		String friendlyId = text(row, "friendlyId");
		return new RealtimeRun((friendlyId != null) ? friendlyId : String.valueOf(text(row, "id")),
				String.valueOf(text(row, "taskIdentifier")), status(text(row, "status")), instant(row, "createdAt"),
				instant(row, "updatedAt"), instant(row, "startedAt"), instant(row, "completedAt"),
				instant(row, "delayUntil"), instant(row, "queuedAt"), instant(row, "expiredAt"),
				integer(row, "number"), bool(row, "isTest"), (long) number(row, "usageDurationMs"),
				number(row, "costInCents"), number(row, "baseCostInCents"), text(row, "ttl"), array(row, "runTags"),
				packet(row, "payload", "payloadType"), packet(row, "output", "outputType"),
				packet(row, "metadata", "metadataType"), json(row.get("error")), array(row, "realtimeStreams"));
	}

	/**
	 * The API status of an internal status, as the SDK's {@code apiStatusFromRunStatus}
	 * maps it: anything unknown reads as {@code QUEUED}.
	 */
	static RunStatus status(@Nullable String internal) {
		return (internal != null) ? INTERNAL_STATUSES.getOrDefault(internal, RunStatus.QUEUED) : RunStatus.QUEUED;
	}

	private static @Nullable String text(JsonNode row, String column) {
		JsonNode value = row.get(column);
		return (value == null || value.isNull()) ? null : value.isString() ? value.stringValue() : value.toString();
	}

	private static @Nullable Instant instant(JsonNode row, String column) {
		String text = text(row, column);
		if (text == null || text.isEmpty()) {
			return null;
		}
		String iso = text.replace(' ', 'T');
		try {
			return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			try {
				return OffsetDateTime.parse(iso.endsWith("+00") ? iso + ":00" : iso).toInstant();
			}
			catch (DateTimeException notOffset) {
				return null;
			}
		}
	}

	private static double number(JsonNode row, String column) {
		JsonNode value = row.get(column);
		if (value == null || value.isNull()) {
			return 0;
		}
		if (value.isNumber()) {
			return value.doubleValue();
		}
		try {
			return Double.parseDouble(value.asString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static @Nullable Integer integer(JsonNode row, String column) {
		JsonNode value = row.get(column);
		return (value == null || value.isNull()) ? null : (int) number(row, column);
	}

	private static boolean bool(JsonNode row, String column) {
		JsonNode value = row.get(column);
		if (value == null || value.isNull()) {
			return false;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		String text = value.asString();
		return "t".equals(text) || "true".equals(text);
	}

	/**
	 * A text array column: a JSON array, or a Postgres array literal such as
	 * {@code {a,"b c"}} ({@code "}-quoted with {@code \} escapes, bare {@code NULL} for
	 * null, left out here).
	 */
	static List<String> array(JsonNode row, String column) {
		JsonNode value = row.get(column);
		List<String> items = new ArrayList<>();
		if (value == null || value.isNull()) {
			return items;
		}
		if (value.isArray()) {
			value.forEach((item) -> {
				if (!item.isNull()) {
					items.add(item.asString());
				}
			});
			return items;
		}
		String literal = value.asString().trim();
		if (literal.length() < 2 || literal.charAt(0) != '{' || literal.charAt(literal.length() - 1) != '}') {
			return items;
		}
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 1; i < literal.length() - 1; i++) {
			char c = literal.charAt(i);
			if (quoted && c == '\\' && i + 1 < literal.length() - 1) {
				current.append(literal.charAt(++i));
			}
			else if (c == '"') {
				quoted = !quoted;
				wasQuoted = true;
			}
			else if (c == ',' && !quoted) {
				addItem(items, current, wasQuoted);
				current.setLength(0);
				wasQuoted = false;
			}
			else {
				current.append(c);
			}
		}
		if (literal.length() > 2) {
			addItem(items, current, wasQuoted);
		}
		return items;
	}

	private static void addItem(List<String> items, StringBuilder item, boolean quoted) {
		String value = quoted ? item.toString() : item.toString().trim();
		if (quoted || !"NULL".equals(value)) {
			items.add(value);
		}
	}

	/**
	 * A stored packet decoded by its type: JSON as is, superjson's {@code json} part,
	 * plain text as a string; an offloaded packet ({@code application/store}) or one that
	 * does not parse reads as {@code null} and as a string respectively.
	 */
	private static @Nullable JsonNode packet(JsonNode row, String column, String typeColumn) {
		String data = text(row, column);
		if (data == null) {
			return null;
		}
		String type = text(row, typeColumn);
		if (type == null || "application/json".equals(type)) {
			return parsed(data);
		}
		if ("application/super+json".equals(type)) {
			JsonNode superJson = parsed(data);
			return (superJson.isObject() && superJson.has("json")) ? superJson.get("json") : superJson;
		}
		if ("application/store".equals(type)) {
			return null;
		}
		return StringNode.valueOf(data);
	}

	private static JsonNode parsed(String data) {
		try {
			return MAPPER.readTree(data);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(data);
		}
	}

	private static @Nullable JsonNode json(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? parsed(value.stringValue()) : value;
	}

}
