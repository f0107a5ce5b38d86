package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realtime endpoints, on the ElectricSQL shape protocol as the server's native
 * backend writes it (notes §6.6a): handles, offsets, cursors, {@code up-to-date} and
 * {@code must-refetch} control messages. Rows are whole (updates too), timestamps are UTC
 * wall times, booleans {@code t}/{@code f}, and a live long poll is held until a row
 * changes or {@link #LONG_POLL_TIMEOUT} passes on the emulator clock, or until its client
 * closes the connection, which the emulator counts. The router holds the state's lock
 * while a handler runs; a long poll waits on it, which releases it. A public
 * access token needs a read scope of the run, its tags or its batch (or a super scope),
 * and its {@code realtime.skipColumns} claim replaces the {@code skipColumns} parameter.
 *
 * @param state all emulator data
 * @param clock the emulator clock
 * @author trigger-spring-boot contributors
 */
record RealtimeHandler(EmulatorState state, EmulatorClock clock) {

	/** How long a live request is held without a change, on the emulator clock. */
	static final Duration LONG_POLL_TIMEOUT = Duration.ofSeconds(20);

	/** How often, in real time, a held request looks at the runs and the clock again. */
	private static final long RECHECK_MILLIS = 20;

	private static final Pattern WINDOW = Pattern.compile("(\\d+)(w|d|hr|h|m|s)");

	private static final Duration MAX_WINDOW = Duration.ofHours(24);

	/** Columns the server always sends, whatever {@code skipColumns} says. */
	private static final Set<String> KEPT_COLUMNS = Set.of("id", "taskIdentifier", "friendlyId", "status",
			"createdAt");

	private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

	private static final String SCHEMA = "{\"id\":{\"type\":\"text\",\"pk_index\":0},\"friendlyId\":{\"type\":\"text\"},"
			+ "\"taskIdentifier\":{\"type\":\"text\"},\"status\":{\"type\":\"text\"},\"createdAt\":{\"type\":\"timestamp\"},"
			+ "\"updatedAt\":{\"type\":\"timestamp\"},\"startedAt\":{\"type\":\"timestamp\"},"
			+ "\"delayUntil\":{\"type\":\"timestamp\"},\"queuedAt\":{\"type\":\"timestamp\"},"
			+ "\"expiredAt\":{\"type\":\"timestamp\"},\"completedAt\":{\"type\":\"timestamp\"},"
			+ "\"number\":{\"type\":\"int4\"},\"isTest\":{\"type\":\"bool\"},\"usageDurationMs\":{\"type\":\"int4\"},"
			+ "\"costInCents\":{\"type\":\"float8\"},\"baseCostInCents\":{\"type\":\"float8\"},\"ttl\":{\"type\":\"text\"},"
			+ "\"payload\":{\"type\":\"text\"},\"payloadType\":{\"type\":\"text\"},\"metadata\":{\"type\":\"text\"},"
			+ "\"metadataType\":{\"type\":\"text\"},\"output\":{\"type\":\"text\"},\"outputType\":{\"type\":\"text\"},"
			+ "\"runTags\":{\"type\":\"text\",\"dims\":1},\"error\":{\"type\":\"jsonb\"},"
			+ "\"realtimeStreams\":{\"type\":\"text\",\"dims\":1}}";

	ApiReply subscribeToRun(ApiCall call, ApiPrincipal principal) {
		RunRecord run = this.state.runs.get(call.params.get("runId"));
		if (run == null || run.env != principal.env()) {
			throw new ApiError(404, "Run not found");
		}
		principal.requireScope(RunsHandler.readScopes(run));
		String runId = run.id;
		return subscribe(call, principal, "run-" + internalId(run), (candidate) -> candidate.id.equals(runId));
	}

	ApiReply subscribeToRunsWithTag(ApiCall call, ApiPrincipal principal) {
		List<String> tags = new ArrayList<>();
		String tagsParam = call.queryParam("tags");
		if (tagsParam != null) {
			for (String tag : tagsParam.split(",", -1)) {
				if (tag.isEmpty() || tag.chars().anyMatch((c) -> Character.isISOControl(c) || c == '\\' || c == '"')) {
					throw new ApiError(400, "Query Error");
				}
				tags.add(tag);
			}
		}
		principal.requireScope(PublicJwt.accepted("read", "tags", tags, "read:runs", "read:all"));
		Instant createdAfter = this.clock.instant().minus(window(call.queryParam("createdAt")));
		return subscribe(call, principal, "runs_" + this.clock.instant().toEpochMilli(),
				(run) -> run.tags.containsAll(tags) && !run.createdAt.isBefore(createdAfter));
	}

	ApiReply subscribeToBatch(ApiCall call, ApiPrincipal principal) {
		BatchRecord batch = this.state.batches.get(call.params.get("batchId"));
		if (batch == null || batch.env != principal.env()) {
			throw new ApiError(404, "Batch not found");
		}
		principal.requireScope(PublicJwt.accepted("read", "batch", List.of(batch.id), "read:runs", "read:all"));
		String batchId = batch.id;
		return subscribe(call, principal, "batch_" + batchId, (run) -> batchId.equals(run.batchId));
	}

	/**
	 * One request of a shape. Without a known handle, or with {@code offset=-1}, it
	 * answers the shape's snapshot (every row as an insert); with a known handle and an
	 * offset, the rows changed after it, holding a {@code live=true} request until there
	 * is one or the long poll times out. A handle that is unknown (for example after a
	 * reset) or expired by the test hook gets a 409 {@code must-refetch} naming a new
	 * handle.
	 */
	private ApiReply subscribe(ApiCall call, ApiPrincipal principal, String handlePrefix, Predicate<RunRecord> filter) {
		List<String> skipColumns = (principal.jwt() != null && principal.jwt().skipColumns() != null)
				? principal.jwt().skipColumns() : skipColumns(call.queryParam("skipColumns"));
		String handle = call.queryParam("handle");
		long offset = offset(call.queryParam("offset"));
		RealtimeShape shape = (handle != null) ? this.state.realtimeShapes.get(handle) : null;
		if (offset < 0 && (shape == null || shape.expired)) {
			shape = newShape(handlePrefix, principal.requireEnv(), filter, skipColumns);
		}
		if (shape == null || shape.expired || shape.env != principal.env()) {
			return mustRefetch(shape, handlePrefix, principal.requireEnv(), filter, skipColumns);
		}
		boolean live = "true".equals(call.queryParam("live")) && offset >= 0;
		List<RealtimeShape.Change> changes = changes(shape, offset);
		Instant deadline = this.clock.instant().plus(LONG_POLL_TIMEOUT);
		if (live && changes.isEmpty() && !shape.expired) {
			changes = hold(call, shape, offset, deadline);
			if (call.isClientClosed()) {
				this.state.closedRealtimeConnections++;
				// never sent: the connection is closed
				return ApiReply.error(499, "Client closed request");
			}
		}
		if (shape.expired) {
			return mustRefetch(shape, handlePrefix, principal.requireEnv(), filter, skipColumns);
		}
		ArrayNode messages = Json.array();
		for (RealtimeShape.Change change : changes) {
			ObjectNode message = messages.addObject().put("key", change.key());
			message.set("value", change.row());
			message.putObject("headers").put("operation", change.operation());
		}
		messages.addObject().putObject("headers").put("control", "up-to-date");
		ApiReply reply = ApiReply.json(200, messages)
			.header("electric-handle", shape.handle)
			.header("electric-offset", shape.offset());
		return live ? reply.header("electric-cursor", shape.nextCursor()) : reply.header("electric-schema", SCHEMA);
	}

	/**
	 * Holds a live request until a row changes, the shape expires, the long poll times
	 * out or the client closes the connection (the router wakes the held requests when it
	 * does), counting it in {@link EmulatorState#heldRealtimePolls} meanwhile.
	 */
	private List<RealtimeShape.Change> hold(ApiCall call, RealtimeShape shape, long offset, Instant deadline) {
		List<RealtimeShape.Change> changes = List.of();
		this.state.heldRealtimePolls++;
		this.state.notifyAll();
		try {
			while (changes.isEmpty() && !shape.expired && !call.isClientClosed()
					&& this.clock.instant().isBefore(deadline)) {
				try {
					this.state.wait(RECHECK_MILLIS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				changes = changes(shape, offset);
			}
			return changes;
		}
		finally {
			this.state.heldRealtimePolls--;
		}
	}

	private RealtimeShape newShape(String handlePrefix, EnvRecord env, Predicate<RunRecord> filter,
			List<String> skipColumns) {
		RealtimeShape shape = new RealtimeShape(handlePrefix + "_" + Ids.random(Ids.LOWER_ALNUM, 8), env, filter,
				skipColumns);
		this.state.realtimeShapes.put(shape.handle, shape);
		return shape;
	}

	private ApiReply mustRefetch(RealtimeShape expired, String handlePrefix, EnvRecord env,
			Predicate<RunRecord> filter, List<String> skipColumns) {
		if (expired != null) {
			this.state.realtimeShapes.remove(expired.handle);
		}
		RealtimeShape shape = newShape(handlePrefix, env, filter, skipColumns);
		ArrayNode body = Json.array();
		body.addObject().putObject("headers").put("control", "must-refetch");
		return ApiReply.json(409, body).header("electric-handle", shape.handle);
	}

	private List<RealtimeShape.Change> changes(RealtimeShape shape, long after) {
		Instant now = this.clock.instant();
		Map<String, ObjectNode> rows = new LinkedHashMap<>();
		for (RunRecord run : this.state.runs.values()) {
			if (run.env == shape.env && shape.filter.test(run)) {
				rows.put("\"public\".\"TaskRun\"/\"" + internalId(run) + "\"", row(run, now, shape.skipColumns));
			}
		}
		shape.record(rows);
		return shape.changesAfter(after);
	}

	private static String internalId(RunRecord run) {
		return "cm" + run.id.substring(run.id.indexOf('_') + 1);
	}

	/** A run as a row of the shape: Postgres text values, whole, without the skipped columns. */
	private static ObjectNode row(RunRecord run, Instant now, List<String> skipColumns) {
		EmulatedRunStatus status = run.status(now);
		Instant finishedAt = run.finishedAt(now);
		ObjectNode row = Json.object()
			.put("id", internalId(run))
			.put("friendlyId", run.id)
			.put("taskIdentifier", run.taskId)
			.put("status", internalStatus(status))
			.put("createdAt", wallTime(run.createdAt))
			.put("updatedAt", wallTime(run.updatedAt(now)))
			.put("startedAt", wallTime(run.startedAt(now)))
			.put("delayUntil", wallTime(run.delayUntil))
			.put("queuedAt", wallTime(run.createdAt))
			.put("expiredAt", wallTime((status == EmulatedRunStatus.EXPIRED) ? finishedAt : null))
			.put("completedAt", wallTime(finishedAt))
			.put("number", String.valueOf(run.sequence))
			.put("isTest", run.test ? "t" : "f")
			// written when an attempt ends, as the server does, not as the clock moves
			.put("usageDurationMs", String.valueOf((finishedAt != null) ? run.durationMs(now) : 0))
			.put("costInCents", "0")
			.put("baseCostInCents", "0")
			.put("ttl", run.ttl);
		if (run.payload != null && !run.payload.isNull()) {
			row.put("payload", run.payload.isString() ? run.payload.stringValue() : Json.write(run.payload))
				.put("payloadType", (run.payloadType != null) ? run.payloadType : "application/json");
		}
		if (run.metadata != null) {
			row.put("metadata", Json.write(run.metadata)).put("metadataType", "application/json");
		}
		if (status == EmulatedRunStatus.COMPLETED && run.behavior.output() != null) {
			row.put("output", Json.write(Json.valueToTree(run.behavior.output())))
				.put("outputType", "application/json");
		}
		row.put("runTags", run.tags.isEmpty() ? null : arrayLiteral(run.tags));
		if (status == EmulatedRunStatus.FAILED) {
			row.putObject("error")
				.put("type", "BUILT_IN_ERROR")
				.put("name", "Error")
				.put("message", (run.behavior.errorMessage() != null) ? run.behavior.errorMessage() : "Run failed")
				.put("stackTrace", "");
		}
		row.put("realtimeStreams", "{}");
		skipColumns.stream().filter((column) -> !KEPT_COLUMNS.contains(column)).forEach(row::remove);
		return row;
	}

	/** The server's internal status of an API status. */
	static String internalStatus(EmulatedRunStatus status) {
		return switch (status) {
			case QUEUED -> "PENDING";
			case WAITING -> "WAITING_TO_RESUME";
			case COMPLETED -> "COMPLETED_SUCCESSFULLY";
			case FAILED -> "COMPLETED_WITH_ERRORS";
			default -> status.name();
		};
	}

	private static String wallTime(Instant instant) {
		return (instant != null) ? WALL_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) : null;
	}

	private static String arrayLiteral(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (String value : values) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}

	private static List<String> skipColumns(@Nullable String value) {
		return (value != null) ? Arrays.stream(value.split(",")).filter((name) -> !name.isEmpty()).toList()
				: List.of();
	}

	private static long offset(@Nullable String value) {
		if (value == null || "-1".equals(value)) {
			return -1;
		}
		try {
			int underscore = value.indexOf('_');
			return Long.parseLong((underscore < 0) ? value : value.substring(0, underscore));
		}
		catch (NumberFormatException ex) {
			throw new ApiError(400, "Invalid offset");
		}
	}

	/**
	 * The {@code createdAt} window: a duration such as {@code 2h} or {@code 1d12h},
	 * {@code 24h} by default, clamped to 24 h; unparsable means the maximum window, as in
	 * the native backend, and so is one too long to count.
	 */
	private static Duration window(@Nullable String value) {
		if (value == null || !value.matches("^(\\d+(w|d|hr|h|m|s))+$")) {
			return MAX_WINDOW;
		}
		Duration window = Duration.ZERO;
		Matcher matcher = WINDOW.matcher(value);
		try {
			while (matcher.find()) {
				long amount = Long.parseLong(matcher.group(1));
				window = window.plus(switch (matcher.group(2)) {
					case "w" -> Duration.ofDays(Math.multiplyExact(7, amount));
					case "d" -> Duration.ofDays(amount);
					case "hr", "h" -> Duration.ofHours(amount);
					case "m" -> Duration.ofMinutes(amount);
					default -> Duration.ofSeconds(amount);
				});
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return MAX_WINDOW;
		}
		return (window.compareTo(MAX_WINDOW) > 0) ? MAX_WINDOW : window;
	}

}
