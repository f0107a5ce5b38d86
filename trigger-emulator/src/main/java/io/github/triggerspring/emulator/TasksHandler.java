package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The tasks namespace: triggers one run, and creates, fills and retrieves batches of runs.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @param clock the emulator clock
 * @author trigger-spring-boot contributors
 */
record TasksHandler(EmulatorState state, EmulatorClock clock) {

	static final int MAX_BATCH_RUN_COUNT = 1000;

	static final int MAX_TAGS = 10;

	static final String STORE = "application/store";

	static final int MAX_TAG_LENGTH = 128;

	/** The machine presets. */
	static final Set<String> MACHINES = Set.of("micro", "small-1x", "small-2x", "medium-1x", "medium-2x",
			"large-1x", "large-2x");

	ApiReply trigger(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		String taskId = call.params.get("taskId");
		principal.requireScope(PublicJwt.accepted("trigger", "tasks", List.of(taskId), "write:tasks"));
		checkKnownTask(taskId);
		JsonNode options = optionsOf(body.get("options"));
		String key = call.header("idempotency-key");
		String ttl = call.header("idempotency-key-ttl");
		Created created = createRun(principal.requireEnv(), taskId, body.get("payload"), options, key, ttl, null);
		return ApiReply.json(200, Json.object().put("id", created.run.id).put("isCached", created.cached))
			.header("x-trigger-jwt", jwt(principal.requireEnv(), List.of("read:runs:" + created.run.id,
					"write:inputStreams:" + created.run.id)))
			.header("x-trigger-jwt-claims", jwtClaims(principal.requireEnv()));
	}

	private void checkKnownTask(String taskId) {
		if (!this.state.knownTasks.isEmpty() && !this.state.knownTasks.contains(taskId)) {
			throw new ApiError(404, "Task not found");
		}
	}

	private static JsonNode optionsOf(@Nullable JsonNode options) {
		if (options == null || options.isNull()) {
			return Json.object();
		}
		if (!options.isObject()) {
			throw new ApiError(400, "Invalid request body: options must be an object");
		}
		return options;
	}

	private Created createRun(EnvRecord env, String taskId, @Nullable JsonNode payload, JsonNode options,
			@Nullable String headerKey, @Nullable String headerTtl, @Nullable BatchRecord batch) {
		Instant now = this.clock.instant();
		List<String> tags = tags(options.get("tags"));
		String machine = Json.text(options, "machine");
		if (options.has("machine") && (machine == null || !MACHINES.contains(machine))) {
			throw new ApiError(400, "Invalid machine preset '" + Json.display(options.get("machine"))
					+ "'. Expected one of " + new TreeSet<>(MACHINES));
		}
		String key = (headerKey != null) ? headerKey : Json.text(options, "idempotencyKey");
		String ttl = (headerTtl != null) ? headerTtl : Json.text(options, "idempotencyKeyTTL");
		if (key != null && key.length() > 2048) {
			throw new ApiError(400, "idempotencyKey must be at most 2048 characters");
		}
		if (key != null) {
			RunRecord existing = this.state.idempotentRun(env, taskId, key, now);
			if (existing != null) {
				return new Created(existing, true);
			}
		}
		if (batch == null) {
			checkMetadataSize(options.get("metadata"));
		}
		RunRecord run = this.state.newRun(env, taskId, now);
		run.payload = (payload != null) ? payload : null;
		run.payloadType = Json.text(options, "payloadType");
		if (STORE.equals(run.payloadType)) {
			resolveStoredPayload(run, env);
		}
		run.tags = tags;
		run.delayUntil = delay(options.get("delay"), now);
		JsonNode ttlNode = options.get("ttl");
		if (ttlNode != null && ttlNode.isNumber()) {
			run.ttl = ttlNode.asString();
			run.ttlDuration = EmulatorState.seconds(ttlNode);
		}
		else if (ttlNode != null && ttlNode.isString()) {
			run.ttl = ttlNode.stringValue();
			run.ttlDuration = EmulatorState.naturalDuration(run.ttl);
		}
		JsonNode queue = options.get("queue");
		if (queue != null && queue.isObject() && Json.text(queue, "name") != null) {
			run.queue = Json.text(queue, "name");
		}
		this.state.holdIfPaused(run);
		JsonNode concurrencyKey = options.get("concurrencyKey");
		if (concurrencyKey != null && !concurrencyKey.isNull()) {
			run.concurrencyKey = Json.display(concurrencyKey);
		}
		JsonNode metadata = options.get("metadata");
		if (metadata != null && !metadata.isNull()) {
			run.metadata = metadata;
		}
		run.machine = machine;
		run.maxAttempts = intOption(options, "maxAttempts");
		run.maxDuration = intOption(options, "maxDuration");
		JsonNode priority = options.get("priority");
		run.priority = (priority != null && priority.isNumber()) ? priority.asDouble() : null;
		run.region = Json.text(options, "region");
		run.version = Json.text(options, "lockToVersion");
		JsonNode test = options.get("test");
		run.test = test != null && test.asBoolean(false);
		if (batch != null) {
			run.batchId = batch.id;
			run.triggerFunction = "batchTrigger";
		}
		if (key != null) {
			this.state.rememberIdempotency(run, key, ttl, now);
		}
		return new Created(run, false);
	}

	/**
	 * Refuses metadata over the server's limit as its trigger route does (413, from
	 * {@code MetadataTooLargeError}); the size is that of the metadata written as JSON. A
	 * batch item's metadata is not checked: the server checks it when it processes the
	 * item, after the items call.
	 */
	private static void checkMetadataSize(JsonNode metadata) {
		if (metadata == null || metadata.isNull()) {
			return;
		}
		if (Json.write(metadata).getBytes(StandardCharsets.UTF_8).length > RunsHandler.MAX_METADATA_BYTES) {
			throw new ApiError(413, "Metadata exceeds maximum size of " + RunsHandler.MAX_METADATA_BYTES + " bytes");
		}
	}

	/**
	 * Replaces a stored payload's path by the packet uploaded there, as the task would
	 * read it; a path the emulated storage does not hold stays as it is, as on the
	 * server.
	 */
	private void resolveStoredPayload(RunRecord run, EnvRecord env) {
		if (run.payload == null || !run.payload.isString() || run.payload.stringValue().isEmpty()) {
			throw new ApiError(400, "Invalid request body: payload must be a non-empty string when payloadType is "
					+ STORE);
		}
		PacketRecord packet = this.state.packets.get(run.payload.stringValue());
		if (packet != null && packet.env == env && packet.data != null) {
			run.payload = StringNode.valueOf(packet.data);
			run.payloadType = packet.contentType;
		}
	}

	/**
	 * A numeric option such as {@code maxAttempts}, as an int.
	 * @param options the options
	 * @param name the option
	 * @return the value, {@code null} if it is not a number
	 * @throws ApiError 400 if it is a number out of an int's range
	 */
	static @Nullable Integer intOption(JsonNode options, String name) {
		JsonNode value = options.get(name);
		if (value == null || !value.isNumber()) {
			return null;
		}
		if (!value.canConvertToInt()) {
			throw new ApiError(400, "Invalid request body: " + name + " is out of range");
		}
		return value.asInt();
	}

	private static List<String> tags(@Nullable JsonNode node) {
		List<String> tags = new ArrayList<>();
		if (node == null || node.isNull()) {
			return tags;
		}
		if (node.isString()) {
			tags.add(node.stringValue());
		}
		else if (node.isArray()) {
			for (JsonNode tag : node) {
				if (!tag.isString()) {
					throw new ApiError(400, "Invalid request body: tags must be strings");
				}
				tags.add(tag.stringValue());
			}
		}
		else {
			throw new ApiError(400, "Invalid request body: tags must be a string or an array of strings");
		}
		for (String tag : tags) {
			if (tag.length() > MAX_TAG_LENGTH) {
				throw new ApiError(400, "Invalid request body: a tag must be at most 128 characters");
			}
		}
		if (tags.size() > MAX_TAGS) {
			throw new ApiError(422,
					"Runs can only have " + MAX_TAGS + " tags, you're trying to set " + tags.size() + ".");
		}
		return tags;
	}

	static @Nullable Instant delay(@Nullable JsonNode node, Instant now) {
		if (node == null || !node.isString()) {
			return null;
		}
		String text = node.stringValue();
		Duration duration = EmulatorState.naturalDuration(text);
		if (duration != null) {
			return now.plus(duration).truncatedTo(ChronoUnit.MILLIS);
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	ApiReply createBatch(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		JsonNode runCountNode = body.get("runCount");
		if (runCountNode == null || !runCountNode.canConvertToInt() || !runCountNode.isIntegralNumber()
				|| runCountNode.asInt() < 1) {
			throw new ApiError(400, "Invalid request body: runCount must be a positive integer");
		}
		int runCount = runCountNode.asInt();
		if (runCount > MAX_BATCH_RUN_COUNT) {
			throw new ApiError(400, "Batch runCount of " + runCount + " exceeds the maximum of "
					+ MAX_BATCH_RUN_COUNT + " items");
		}
		List<String> tasks = new ArrayList<>();
		body.path("taskIdentifiers").forEach((task) -> tasks.add(Json.display(task)));
		principal.requireScope(PublicJwt.accepted("batchTrigger", "tasks", tasks, "write:tasks"));
		String key = Json.text(body, "idempotencyKey");
		EnvRecord env = principal.requireEnv();
		if (key != null) {
			String existingId = this.state.batchIdempotency.get(env.id + "\u0000" + key);
			BatchRecord existing = (existingId != null) ? this.state.batches.get(existingId) : null;
			if (existing != null) {
				return batchCreated(existing, true);
			}
		}
		BatchRecord batch = new BatchRecord(Ids.friendly("batch_"), env, runCount, key,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.state.batches.put(batch.id, batch);
		if (key != null) {
			this.state.batchIdempotency.put(env.id + "\u0000" + key, batch.id);
		}
		return batchCreated(batch, false);
	}

	private ApiReply batchCreated(BatchRecord batch, boolean cached) {
		ObjectNode body = Json.object().put("id", batch.id).put("runCount", batch.runCount).put("isCached", cached);
		if (batch.idempotencyKey != null) {
			body.put("idempotencyKey", batch.idempotencyKey);
		}
		return ApiReply.json(202, body)
			.header("x-trigger-jwt", jwt(batch.env, List.of("read:batch:" + batch.id)))
			.header("x-trigger-jwt-claims", jwtClaims(batch.env));
	}

	ApiReply batchItems(ApiCall call, ApiPrincipal principal) {
		String lines = call.ndjsonBody();
		String batchId = call.params.get("batchId");
		BatchRecord batch = this.state.batches.get(batchId);
		if (batch == null || batch.env != principal.env()) {
			throw new ApiError(422, "Batch " + batchId + " not found");
		}
		if (batch.sealed()) {
			throw new ApiError(422, "Batch " + batch.id + " is already sealed and cannot accept more items");
		}
		List<JsonNode> items = new ArrayList<>();
		for (String line : lines.split("\r?\n")) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode item;
			try {
				item = Json.parse(line);
			}
			catch (JacksonException ex) {
				throw new ApiError(400, "Invalid JSON");
			}
			JsonNode index = (item != null) ? item.get("index") : null;
			if (item == null || !item.isObject() || index == null || !index.isIntegralNumber()
					|| index.bigIntegerValue().signum() < 0 || Json.text(item, "task") == null) {
				throw new ApiError(400, "Invalid batch item: expected {index, task, payload?, options?}");
			}
			if (!index.canConvertToInt() || index.asInt() >= batch.runCount) {
				throw new ApiError(422, "Item index " + index.asString() + " exceeds batch runCount " + batch.runCount);
			}
			items.add(item);
		}
		List<String> tasks = items.stream().map((item) -> Json.text(item, "task")).distinct().toList();
		List<String> scopes = new ArrayList<>(PublicJwt.accepted("batchTrigger", "tasks", tasks, "write:tasks"));
		scopes.add("write:batch:" + batch.id);
		principal.requireScope(scopes);
		int accepted = 0;
		int deduplicated = 0;
		for (JsonNode item : items) {
			int index = item.get("index").asInt();
			if (batch.runIdsByIndex.containsKey(index)) {
				deduplicated++;
				continue;
			}
			String task = Json.text(item, "task");
			checkKnownTask(task);
			Created created = createRun(batch.env, task, item.get("payload"), optionsOf(item.get("options")), null,
					null, batch);
			batch.runIdsByIndex.put(index, created.run.id);
			accepted++;
		}
		if (batch.sealed() && batch.sealedAt == null) {
			batch.sealedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		}
		ObjectNode body = Json.object()
			.put("id", batch.id)
			.put("itemsAccepted", accepted)
			.put("itemsDeduplicated", deduplicated)
			.put("sealed", batch.sealed())
			.put("enqueuedCount", batch.runIdsByIndex.size())
			.put("expectedCount", batch.runCount);
		return ApiReply.json(200, body);
	}

	ApiReply retrieveBatch(ApiCall call, ApiPrincipal principal) {
		BatchRecord batch = this.state.batches.get(call.params.get("batchId"));
		if (batch == null || batch.env != principal.env()) {
			throw new ApiError(404, "Batch not found");
		}
		principal.requireScope(PublicJwt.accepted("read", "batch", List.of(batch.id), "read:runs", "read:all"));
		ObjectNode body = Json.object()
			.put("id", batch.id)
			.put("status", batch.sealed() ? "COMPLETED" : "PENDING");
		if (batch.idempotencyKey != null) {
			body.put("idempotencyKey", batch.idempotencyKey);
		}
		body.put("createdAt", Json.date(batch.createdAt));
		body.put("updatedAt", Json.date((batch.sealedAt != null) ? batch.sealedAt : batch.createdAt));
		body.put("runCount", batch.runCount);
		ArrayNode runs = body.putArray("runs");
		batch.runIdsByIndex.values().forEach(runs::add);
		ObjectNode processing = body.putObject("processing");
		if (batch.sealedAt != null) {
			processing.put("completedAt", Json.date(batch.sealedAt));
		}
		processing.putArray("errors");
		return ApiReply.json(200, body);
	}

	/** The token a trigger or batch response hands out: the given scopes, for an hour. */
	private String jwt(EnvRecord env, List<String> scopes) {
		return PublicJwts.issue(this.state, env, scopes, this.clock.instant(), Duration.ofHours(1));
	}

	private static String jwtClaims(EnvRecord env) {
		return PublicJwts.claimsHeader(env);
	}

	private record Created(RunRecord run, boolean cached) {
	}

}
