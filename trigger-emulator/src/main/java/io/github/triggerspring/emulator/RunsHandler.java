package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runs namespace: lists (per environment or per project), retrieves, cancels, replays and
 * reschedules runs, and changes their tags and metadata.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @param clock the emulator clock
 * @author trigger-spring-boot contributors
 */
record RunsHandler(EmulatorState state, EmulatorClock clock) {

	/** Largest metadata the server stores: 256 KiB. */
	static final int MAX_METADATA_BYTES = 262_144;

	private static final Set<String> RESERVED_KEYS = Set.of("__proto__", "constructor", "prototype");

	private static final Set<String> STATUSES = Arrays.stream(EmulatedRunStatus.values())
		.map(EmulatedRunStatus::name)
		.collect(Collectors.toUnmodifiableSet());

	/** Size from which the server keeps a payload or an output in object storage: 512 KiB. */
	static final int OFFLOAD_THRESHOLD_BYTES = 524_288;

	ApiReply listRuns(ApiCall call, ApiPrincipal principal) {
		QueryParams query = new QueryParams(call);
		Set<String> tasks = query.values("filter[taskIdentifier]");
		principal.requireScope(PublicJwt.accepted("read", "tasks", (tasks != null) ? List.copyOf(tasks) : List.of(),
				"read:runs", "read:all"));
		return runPage(query, principal.requireEnv());
	}

	/**
	 * The runs of one environment of a project, with a personal or organization access
	 * token: the first environment of {@code filter[env]} that the project has, by slug
	 * ({@code stg}, not {@code staging}). Without one, the server's presenter throws
	 * {@code ServiceValidationError("No environment found")}, which this route answers
	 * with a bare 500 (notes §1.4), and so does the emulator.
	 */
	ApiReply listProjectRuns(ApiCall call, ApiPrincipal principal) {
		ProjectRecord project = principal.accessibleProject(this.state, call.params.get("projectRef"));
		QueryParams query = new QueryParams(call);
		Set<String> slugs = query.values("filter[env]");
		EnvRecord env = (slugs != null) ? slugs.stream()
			.flatMap((slug) -> EmulatedEnvironment.fromSlug(slug).stream())
			.findFirst()
			.map(project::root)
			.orElse(null) : null;
		if (env == null) {
			throw new ApiError(500, "Internal Server Error");
		}
		return runPage(query, env);
	}

	private ApiReply runPage(QueryParams query, EnvRecord env) {
		Instant now = this.clock.instant();
		int size = query.pageSize(25);
		Predicate<RunRecord> filter = runFilter(query, now);
		String after = query.text("page[after]");
		String before = query.text("page[before]");
		RunRecord afterRun = (after != null) ? this.state.runs.get(after) : null;
		RunRecord beforeRun = (after == null && before != null) ? this.state.runs.get(before) : null;
		boolean unknownCursor = (after != null) ? afterRun == null : before != null && beforeRun == null;
		RunIndex.Page page = unknownCursor ? RunIndex.Page.EMPTY
				: this.state.runIndex.page(env, filter, afterRun, beforeRun, size);
		ObjectNode body = Json.object();
		ArrayNode data = body.putArray("data");
		for (RunRecord run : page.runs()) {
			data.add(runJson(run, now, false));
		}
		ObjectNode pagination = body.putObject("pagination");
		if (page.hasNext() && !page.runs().isEmpty()) {
			pagination.put("next", page.runs().get(page.runs().size() - 1).id);
		}
		if (page.hasPrevious() && !page.runs().isEmpty()) {
			pagination.put("previous", page.runs().get(0).id);
		}
		return ApiReply.json(200, body);
	}

	private Predicate<RunRecord> runFilter(QueryParams query, Instant now) {
		List<Predicate<RunRecord>> filters = new ArrayList<>();
		Set<String> statuses = query.values("filter[status]", STATUSES, "status");
		if (statuses != null) {
			filters.add((run) -> statuses.contains(run.status(now).name()));
		}
		Set<String> tasks = query.values("filter[taskIdentifier]");
		if (tasks != null) {
			filters.add((run) -> tasks.contains(run.taskId));
		}
		Set<String> versions = query.values("filter[version]");
		if (versions != null) {
			filters.add((run) -> versions.contains(run.version));
		}
		String bulkAction = query.text("filter[bulkAction]");
		if (bulkAction != null) {
			filters.add((run) -> bulkAction.equals(run.bulkActionId));
		}
		Set<String> tags = query.values("filter[tag]");
		if (tags != null) {
			filters.add((run) -> run.tags.stream().anyMatch(tags::contains));
		}
		String schedule = query.text("filter[schedule]");
		if (schedule != null) {
			filters.add((run) -> schedule.equals(run.scheduleId));
		}
		String isTest = query.text("filter[isTest]");
		if (isTest != null) {
			if (!isTest.equals("true") && !isTest.equals("false")) {
				throw ApiError.query("filter[isTest]", "Invalid value for isTest: " + isTest);
			}
			boolean test = Boolean.parseBoolean(isTest);
			filters.add((run) -> run.test == test);
		}
		Instant from = query.date("filter[createdAt][from]");
		if (from != null) {
			filters.add((run) -> !run.createdAt.isBefore(from));
		}
		Instant to = query.date("filter[createdAt][to]");
		if (to != null) {
			filters.add((run) -> !run.createdAt.isAfter(to));
		}
		String period = query.text("filter[createdAt][period]");
		if (period != null) {
			Duration duration = EmulatorState.naturalDuration(period);
			if (duration == null || duration.isZero()) {
				throw ApiError.query("filter[createdAt][period]", "Invalid period '" + period + "'");
			}
			Instant since = now.minus(duration);
			filters.add((run) -> !run.createdAt.isBefore(since));
		}
		String batch = query.text("filter[batch]");
		if (batch != null) {
			filters.add((run) -> batch.equals(run.batchId));
		}
		Set<String> queues = query.values("filter[queue]");
		if (queues != null) {
			filters.add((run) -> queues.contains(run.queue));
		}
		Set<String> machines = query.values("filter[machine]", TasksHandler.MACHINES, "machine");
		if (machines != null) {
			filters.add((run) -> machines.contains(run.machine));
		}
		Set<String> regions = query.values("filter[region]");
		if (regions != null) {
			filters.add((run) -> regions.contains(run.region));
		}
		return (run) -> filters.stream().allMatch((filter) -> filter.test(run));
	}

	private ObjectNode runJson(RunRecord run, Instant now, boolean detailed) {
		return runJson(run, now, detailed, null);
	}

	/**
	 * A run as the API writes it; with {@code packetBase}, a payload or output of 512 KiB
	 * or more is replaced by a presigned URL under that base, as the server does.
	 */
	private ObjectNode runJson(RunRecord run, Instant now, boolean detailed, @Nullable String packetBase) {
		EmulatedRunStatus status = run.status(now);
		ObjectNode node = Json.object().put("id", run.id).put("status", status.name()).put("taskIdentifier",
				run.taskId);
		if (run.idempotencyKey != null) {
			node.put("idempotencyKey", run.idempotencyKey);
		}
		if (run.version != null) {
			node.put("version", run.version);
		}
		node.put("isQueued", status.isQueued())
			.put("isExecuting", status.isExecuting())
			.put("isWaiting", status.isWaiting())
			.put("isCompleted", status.isFinal())
			.put("isSuccess", status.isSuccess())
			.put("isFailed", status.isFailed())
			.put("isCancelled", status.isCancelled())
			.put("isTest", run.test)
			.put("createdAt", Json.date(run.createdAt))
			.put("updatedAt", Json.date(run.updatedAt(now)));
		Instant startedAt = run.startedAt(now);
		if (startedAt != null) {
			node.put("startedAt", Json.date(startedAt));
		}
		Instant finishedAt = run.finishedAt(now);
		if (finishedAt != null) {
			node.put("finishedAt", Json.date(finishedAt));
		}
		if (run.delayUntil != null) {
			node.put("delayedUntil", Json.date(run.delayUntil));
		}
		if (run.ttl != null) {
			node.put("ttl", run.ttl);
		}
		if (status == EmulatedRunStatus.EXPIRED && finishedAt != null) {
			node.put("expiredAt", Json.date(finishedAt));
		}
		ArrayNode tags = node.putArray("tags");
		run.tags.forEach(tags::add);
		node.put("costInCents", 0).put("baseCostInCents", 0).put("durationMs", run.durationMs(now));
		if (run.metadata != null) {
			node.set("metadata", run.metadata);
		}
		if (run.region != null) {
			node.put("region", run.region);
		}
		if (!detailed) {
			node.putObject("env").put("id", run.env.id).put("name", run.env.slug());
			return node;
		}
		node.put("depth", 0).put("triggerFunction", run.triggerFunction);
		if (run.batchId != null) {
			node.put("batchId", run.batchId);
		}
		JsonNode payload = Json.decodePayload(run.payload, run.payloadType);
		if (run.payload != null) {
			setPacket(node, "payload", payload, packetBase, run);
		}
		if (status == EmulatedRunStatus.COMPLETED && run.behavior.output() != null) {
			setPacket(node, "output", Json.valueToTree(run.behavior.output()), packetBase, run);
		}
		if (status == EmulatedRunStatus.FAILED) {
			node.putObject("error")
				.put("message", (run.behavior.errorMessage() != null) ? run.behavior.errorMessage() : "Run failed")
				.put("name", "Error")
				.put("stackTrace", "");
		}
		if (run.scheduleId != null) {
			ScheduleRecord schedule = this.state.schedules.get(run.scheduleId);
			ObjectNode scheduleNode = node.putObject("schedule").put("id", run.scheduleId);
			if (schedule != null) {
				if (schedule.externalId != null) {
					scheduleNode.put("externalId", schedule.externalId);
				}
				scheduleNode.put("deduplicationKey", schedule.deduplicationKey);
				scheduleNode.set("generator", SchedulesHandler.generator(schedule));
			}
		}
		node.putObject("relatedRuns");
		node.put("attemptCount", (startedAt != null) ? 1 : 0);
		node.putArray("attempts");
		return node;
	}

	private static void setPacket(ObjectNode node, String name, JsonNode packet, @Nullable String packetBase,
			RunRecord run) {
		if (packetBase != null && Json.write(packet).getBytes(StandardCharsets.UTF_8).length >= OFFLOAD_THRESHOLD_BYTES) {
			node.put(name + "PresignedUrl", packetBase + "/packets/" + run.id + "/" + name + ".json");
		}
		else {
			node.set(name, packet);
		}
	}

	private static @Nullable String packetBase(ApiCall call) {
		String host = call.header("host");
		return (host != null) ? "http://" + host : null;
	}

	ApiReply downloadPacket(ApiCall call, ApiPrincipal principal) {
		RunRecord run = this.state.runs.get(call.params.get("runId"));
		String file = call.params.get("file");
		Instant now = this.clock.instant();
		JsonNode packet = null;
		if (run != null && file.equals("payload.json") && run.payload != null) {
			packet = Json.decodePayload(run.payload, run.payloadType);
		}
		else if (run != null && file.equals("output.json") && run.status(now) == EmulatedRunStatus.COMPLETED
				&& run.behavior.output() != null) {
			packet = Json.valueToTree(run.behavior.output());
		}
		if (packet == null) {
			return new ApiReply(404, "<Error><Code>NoSuchKey</Code></Error>").contentType("application/xml");
		}
		return new ApiReply(200, Json.write(packet));
	}

	private RunRecord runInEnv(ApiCall call, ApiPrincipal principal) {
		RunRecord run = this.state.runs.get(call.params.get("runId"));
		if (run == null || run.env != principal.env()) {
			throw new ApiError(404, "Run not found");
		}
		return run;
	}

	ApiReply retrieveRun(ApiCall call, ApiPrincipal principal) {
		try {
			RunRecord run = runInEnv(call, principal);
			principal.requireScope(readScopes(run));
			return ApiReply.json(200, runJson(run, this.clock.instant(), true, packetBase(call)));
		}
		catch (ApiError ex) {
			if (ex.reply.status == 404) {
				ex.reply.header("x-should-retry", "true");
			}
			throw ex;
		}
	}

	/**
	 * The scopes that let a public access token read a run: the run's, its task's, any of
	 * its tags', its batch's, or the type-level and super scopes.
	 */
	static List<String> readScopes(RunRecord run) {
		List<String> accepted = new ArrayList<>(PublicJwt.accepted("read", "runs", List.of(run.id), "read:all"));
		accepted.addAll(PublicJwt.accepted("read", "tasks", List.of(run.taskId)));
		accepted.addAll(PublicJwt.accepted("read", "tags", run.tags));
		accepted.addAll(PublicJwt.accepted("read", "batch", (run.batchId != null) ? List.of(run.batchId) : List.of()));
		return accepted;
	}

	ApiReply cancelRun(ApiCall call, ApiPrincipal principal) {
		RunRecord run = runInEnv(call, principal);
		Instant now = this.clock.instant();
		if (!run.status(now).isFinal()) {
			run.canceledAt = now.truncatedTo(ChronoUnit.MILLIS);
		}
		return ApiReply.json(200, Json.object().put("id", run.id));
	}

	ApiReply replayRun(ApiCall call, ApiPrincipal principal) {
		RunRecord original = runInEnv(call, principal);
		JsonNode changes = (call.body.length > 0) ? call.jsonBody() : Json.object();
		Instant now = this.clock.instant();
		String key = Json.text(changes, "idempotencyKey");
		if (key != null && key.length() > 2048) {
			throw new ApiError(400, "idempotencyKey must be at most 2048 characters");
		}
		if (key != null) {
			RunRecord existing = this.state.idempotentRun(original.env, original.taskId, key, now);
			if (existing != null) {
				return ApiReply.json(200, Json.object().put("id", existing.id));
			}
		}
		RunRecord run = this.state.newRun(original.env, original.taskId, now);
		run.payload = original.payload;
		run.payloadType = original.payloadType;
		run.tags = new ArrayList<>(original.tags);
		run.metadata = original.metadata;
		run.queue = original.queue;
		run.concurrencyKey = original.concurrencyKey;
		run.machine = original.machine;
		run.region = original.region;
		run.maxAttempts = original.maxAttempts;
		run.maxDuration = original.maxDuration;
		run.test = original.test;
		run.version = original.version;
		applyReplayChanges(run, changes, now);
		this.state.holdIfPaused(run);
		if (key != null) {
			this.state.rememberIdempotency(run, key, Json.text(changes, "idempotencyKeyTTL"), now);
		}
		return ApiReply.json(200, Json.object().put("id", run.id));
	}

	private static void applyReplayChanges(RunRecord run, JsonNode changes, Instant now) {
		if (changes.has("payload")) {
			run.payload = changes.get("payload");
			String type = Json.text(changes, "payloadType");
			run.payloadType = (type != null) ? type : "application/json";
		}
		if (changes.has("metadata")) {
			run.metadata = changes.get("metadata");
		}
		if (changes.has("tags")) {
			JsonNode tags = changes.get("tags");
			run.tags = new ArrayList<>();
			if (tags.isString()) {
				run.tags.add(tags.stringValue());
			}
			else {
				tags.forEach((tag) -> run.tags.add(Json.display(tag)));
			}
			if (run.tags.size() > TasksHandler.MAX_TAGS) {
				throw new ApiError(400, "Invalid request body: at most " + TasksHandler.MAX_TAGS + " tags");
			}
		}
		String queue = Json.text(changes, "queue");
		if (queue != null) {
			run.queue = queue;
		}
		for (String field : List.of("concurrencyKey", "machine", "version", "region")) {
			String value = Json.text(changes, field);
			if (value != null) {
				switch (field) {
					case "concurrencyKey" -> run.concurrencyKey = value;
					case "machine" -> run.machine = value;
					case "version" -> run.version = value;
					default -> run.region = value;
				}
			}
		}
		if (changes.has("delay")) {
			Instant until = TasksHandler.delay(changes.get("delay"), now);
			if (until == null) {
				throw new ApiError(400, "Invalid delay: " + Json.display(changes.get("delay")));
			}
			run.delayUntil = until;
		}
		JsonNode ttl = changes.get("ttl");
		if (ttl != null && ttl.isNumber()) {
			run.ttl = ttl.asString();
			run.ttlDuration = EmulatorState.seconds(ttl);
		}
		else if (ttl != null && ttl.isString()) {
			run.ttl = ttl.stringValue();
			run.ttlDuration = EmulatorState.naturalDuration(run.ttl);
		}
		JsonNode maxAttempts = changes.get("maxAttempts");
		if (maxAttempts != null && maxAttempts.isIntegralNumber()) {
			Integer attempts = TasksHandler.intOption(changes, "maxAttempts");
			if (attempts < 1) {
				throw new ApiError(400, "Invalid request body: maxAttempts must be at least 1");
			}
			run.maxAttempts = attempts;
		}
		Integer maxDuration = TasksHandler.intOption(changes, "maxDuration");
		if (maxDuration != null) {
			run.maxDuration = maxDuration;
		}
		JsonNode priority = changes.get("priority");
		if (priority != null && priority.isNumber()) {
			run.priority = priority.asDouble();
		}
	}

	ApiReply rescheduleRun(ApiCall call, ApiPrincipal principal) {
		RunRecord run = runInEnv(call, principal);
		JsonNode delay = call.jsonBody().get("delay");
		Instant now = this.clock.instant();
		if (run.status(now) != EmulatedRunStatus.DELAYED) {
			throw new ApiError(400, "Cannot reschedule a run that is not delayed");
		}
		Instant until = TasksHandler.delay(delay, now);
		if (until == null || !until.isAfter(now)) {
			throw new ApiError(400, "Invalid delay: " + ((delay != null) ? Json.display(delay) : "undefined"));
		}
		run.delayUntil = until;
		return ApiReply.json(200, runJson(run, now, true, packetBase(call)));
	}

	ApiReply addTags(ApiCall call, ApiPrincipal principal) {
		RunRecord run = runInEnv(call, principal);
		JsonNode node = call.jsonBody().get("tags");
		List<String> requested = new ArrayList<>();
		if (node != null && node.isString()) {
			requested.add(node.stringValue());
		}
		else if (node != null && node.isArray()) {
			node.forEach((tag) -> requested.add(tag.isString() ? tag.stringValue() : null));
		}
		if (requested.isEmpty() || requested.contains(null)
				|| requested.stream().anyMatch((tag) -> tag.length() > TasksHandler.MAX_TAG_LENGTH)) {
			ObjectNode body = Json.error("Invalid request body");
			body.putArray("issues").addObject().put("message", "tags must be strings of at most 128 characters");
			throw new ApiError(ApiReply.json(400, body));
		}
		Set<String> added = new LinkedHashSet<>();
		for (String tag : requested) {
			if (!tag.isBlank() && !run.tags.contains(tag)) {
				added.add(tag);
			}
		}
		if (added.isEmpty()) {
			return ApiReply.json(200, Json.object().put("message", "No new tags to add"));
		}
		int total = run.tags.size() + added.size();
		if (total > TasksHandler.MAX_TAGS) {
			throw new ApiError(422, "Runs can only have " + TasksHandler.MAX_TAGS + " tags, you're trying to set "
					+ total + ". These tags have not been set: '" + String.join("', '", added) + "'.");
		}
		run.tags.addAll(added);
		return ApiReply.json(200, Json.object().put("message", "Successfully set " + added.size() + " new tags."));
	}

	ApiReply retrieveMetadata(ApiCall call, ApiPrincipal principal) {
		RunRecord run = runInEnv(call, principal);
		ObjectNode body = Json.object();
		if (run.metadata != null) {
			body.put("metadata", Json.write(run.metadata)).put("metadataType", "application/json");
		}
		else {
			body.putNull("metadata").put("metadataType", "application/json");
		}
		return ApiReply.json(200, body);
	}

	ApiReply updateMetadata(ApiCall call, ApiPrincipal principal) {
		RunRecord run = runInEnv(call, principal);
		JsonNode body = call.jsonBody();
		Instant now = this.clock.instant();
		Instant finishedAt = run.finishedAt(now);
		if (finishedAt != null && finishedAt.isBefore(now.minus(Duration.ofHours(1)))) {
			throw new ApiError(422, "Cannot update metadata for a completed run");
		}
		ObjectNode metadata = (run.metadata != null && run.metadata.isObject()) ? ((ObjectNode) run.metadata).deepCopy()
				: Json.object();
		JsonNode operations = body.get("operations");
		if (operations != null && operations.isArray()) {
			applyOperations(metadata, operations);
		}
		else if (body.get("metadata") != null && body.get("metadata").isObject()) {
			metadata = ((ObjectNode) body.get("metadata")).deepCopy();
			metadata.propertyNames().forEach(RunsHandler::checkKey);
		}
		for (String field : List.of("parentOperations", "rootOperations")) {
			JsonNode others = body.get(field);
			if (others != null && others.isArray()) {
				applyOperations(metadata, others);
			}
		}
		int size = Json.write(metadata).getBytes(StandardCharsets.UTF_8).length;
		if (size > MAX_METADATA_BYTES) {
			throw new ApiError(413, "Metadata exceeds maximum size of " + MAX_METADATA_BYTES + " bytes");
		}
		run.metadata = metadata;
		ObjectNode reply = Json.object();
		reply.set("metadata", metadata);
		return ApiReply.json(200, reply);
	}

	private static void applyOperations(ObjectNode metadata, JsonNode operations) {
		for (JsonNode operation : operations) {
			String type = Json.text(operation, "type");
			String key = Json.text(operation, "key");
			JsonNode value = operation.get("value");
			if (type == null || (!type.equals("update") && key == null)) {
				throw new ApiError(400, "Invalid request body: an operation needs a type and a key");
			}
			if (key != null) {
				checkKey(key);
			}
			switch (type) {
				case "set" -> metadata.set(key, value);
				case "delete" -> metadata.remove(key);
				case "append" -> {
					JsonNode current = metadata.get(key);
					ArrayNode array = (current != null && current.isArray()) ? (ArrayNode) current : Json.array();
					if (current != null && !current.isArray()) {
						array.add(current);
					}
					array.add(value);
					metadata.set(key, array);
				}
				case "remove" -> {
					JsonNode current = metadata.get(key);
					if (current != null && current.isArray()) {
						ArrayNode kept = Json.array();
						current.forEach((element) -> {
							if (!element.equals(value)) {
								kept.add(element);
							}
						});
						metadata.set(key, kept);
					}
				}
				case "increment" -> {
					if (value == null || !value.isNumber()) {
						throw new ApiError(400, "Invalid request body: increment needs a number");
					}
					JsonNode current = metadata.get(key);
					double base = (current != null && current.isNumber()) ? current.asDouble() : 0;
					double sum = base + value.asDouble();
					if (sum == Math.rint(sum) && Math.abs(sum) < 1e15) {
						metadata.put(key, (long) sum);
					}
					else {
						metadata.put(key, sum);
					}
				}
				case "update" -> {
					if (value == null || !value.isObject()) {
						throw new ApiError(400, "Invalid request body: update needs an object");
					}
					value.propertyNames().forEach(RunsHandler::checkKey);
					metadata.setAll((ObjectNode) value);
				}
				default -> throw new ApiError(400, "Invalid request body: unknown operation type '" + type + "'");
			}
		}
	}

	private static void checkKey(String key) {
		if (RESERVED_KEYS.contains(key)) {
			throw new ApiError(400, "Invalid metadata key: '" + key + "'");
		}
	}

}
