package io.github.triggerspring.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.triggerspring.emulator.ApiAuthenticator.Mode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes, authenticates and answers the HTTP calls of the emulated API.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiHandler implements HttpHandler {

	static final int MAX_TRIGGER_BODY = 3_145_728;

	static final int MAX_BATCH_RUN_COUNT = 1000;

	static final int MAX_TAGS = 10;

	static final int RATE_LIMIT = 1500;

	private static final Set<String> MACHINES = Set.of("micro", "small-1x", "small-2x", "medium-1x", "medium-2x",
			"large-1x", "large-2x");

	private final EmulatorState state;

	private final EmulatorClock clock;

	private final Journal journal;

	private final Faults faults;

	private final ApiAuthenticator authenticator;

	private final List<Route> routes = new ArrayList<>();

	private long rateLimitWindowEnd;

	private int rateLimitUsed;

	ApiHandler(EmulatorState state, EmulatorClock clock, Journal journal, Faults faults) {
		this.state = state;
		this.clock = clock;
		this.journal = journal;
		this.faults = faults;
		this.authenticator = new ApiAuthenticator(state);
		String envvars = "/api/v1/projects/{projectRef}/envvars/{env}";
		route("POST", "/api/v1/tasks/{taskId}/trigger", EmulatorEndpoint.TASK_TRIGGER, Mode.SECRET, this::trigger);
		route("POST", "/api/v3/batches", EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE, Mode.SECRET,
				this::createBatch);
		route("POST", "/api/v3/batches/{batchId}/items", EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS, Mode.SECRET,
				this::batchItems);
		route("GET", "/api/v2/batches/{batchId}", EmulatorEndpoint.BATCH_RETRIEVE, Mode.SECRET,
				this::retrieveBatch);
		route("GET", "/api/v1/runs", EmulatorEndpoint.RUNS_LIST, Mode.SECRET, this::listRuns);
		route("GET", "/api/v1/projects/{projectRef}/runs", EmulatorEndpoint.RUNS_LIST, Mode.ACCESS_TOKEN,
				this::listProjectRuns);
		route("GET", "/api/v3/runs/{runId}", EmulatorEndpoint.RUNS_RETRIEVE, Mode.SECRET, this::retrieveRun);
		route("POST", "/api/v2/runs/{runId}/cancel", EmulatorEndpoint.RUNS_CANCEL, Mode.SECRET, this::cancelRun);
		route("POST", "/api/v1/runs/{runId}/replay", EmulatorEndpoint.RUNS_REPLAY, Mode.SECRET, this::replayRun);
		route("GET", envvars, EmulatorEndpoint.ENVVARS_LIST, Mode.ANY, this::listEnvVars);
		route("POST", envvars, EmulatorEndpoint.ENVVARS_CREATE, Mode.ANY, this::createEnvVar);
		route("POST", envvars + "/import", EmulatorEndpoint.ENVVARS_UPLOAD, Mode.ANY, this::uploadEnvVars);
		route("GET", envvars + "/{name}", EmulatorEndpoint.ENVVARS_RETRIEVE, Mode.ANY, this::retrieveEnvVar);
		route("PUT", envvars + "/{name}", EmulatorEndpoint.ENVVARS_UPDATE, Mode.ANY, this::updateEnvVar);
		route("DELETE", envvars + "/{name}", EmulatorEndpoint.ENVVARS_DEL, Mode.ANY, this::deleteEnvVar);
		route("GET", "/api/v1/schedules", EmulatorEndpoint.SCHEDULES_LIST, Mode.SECRET, this::listSchedules);
		route("POST", "/api/v1/schedules", EmulatorEndpoint.SCHEDULES_CREATE, Mode.SECRET, this::createSchedule);
		route("GET", "/api/v1/schedules/{scheduleId}", EmulatorEndpoint.SCHEDULES_RETRIEVE, Mode.SECRET,
				this::retrieveSchedule);
		route("PUT", "/api/v1/schedules/{scheduleId}", EmulatorEndpoint.SCHEDULES_UPDATE, Mode.SECRET,
				this::updateSchedule);
		route("DELETE", "/api/v1/schedules/{scheduleId}", EmulatorEndpoint.SCHEDULES_DEL, Mode.SECRET,
				this::deleteSchedule);
		route("POST", "/api/v1/schedules/{scheduleId}/activate", EmulatorEndpoint.SCHEDULES_ACTIVATE,
				Mode.SECRET, (call, principal) -> setScheduleActive(call, principal, true));
		route("POST", "/api/v1/schedules/{scheduleId}/deactivate", EmulatorEndpoint.SCHEDULES_DEACTIVATE,
				Mode.SECRET, (call, principal) -> setScheduleActive(call, principal, false));
		route("GET", "/api/v1/timezones", EmulatorEndpoint.SCHEDULES_TIMEZONES, Mode.NONE, this::timezones);
	}

	private void route(String method, String pattern, EmulatorEndpoint endpoint, Mode auth, Handler handler) {
		this.routes.add(new Route(method, pattern.substring(1).split("/"), endpoint, auth, handler));
	}

	// ---------------------------------------------------------------- HTTP plumbing

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		RecordedRequest recorded = null;
		try {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			ApiCall call = new ApiCall(exchange, body);
			Route route = null;
			Set<String> allowed = new TreeSet<>();
			for (Route candidate : this.routes) {
				Map<String, String> params = candidate.match(call.segments);
				if (params != null) {
					allowed.add(candidate.method);
					if (route == null && candidate.method.equals(call.method)) {
						route = candidate;
						call.params = params;
					}
				}
			}
			recorded = this.journal.add(this.clock.instant(), call.method, call.path, call.query, call.headers, body,
					(route != null) ? route.endpoint.id() : null);
			List<String> faultKeys = new ArrayList<>();
			if (route != null) {
				faultKeys.add(route.endpoint.id());
				if (route.endpoint == EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE
						|| route.endpoint == EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS) {
					faultKeys.add(EmulatorEndpoint.TASK_BATCH_TRIGGER.id());
				}
			}
			ApiReply reply = null;
			for (Fault fault : this.faults.take(faultKeys)) {
				switch (fault.kind()) {
					case LATENCY -> sleep(fault.duration());
					case DROP_CONNECTION -> {
						recorded.respond(0, null);
						exchange.close();
						return;
					}
					case STATUS -> reply = faultReply(fault);
					case RATE_LIMITED -> reply = rateLimitedReply(fault,
							route != null && route.endpoint == EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE);
				}
			}
			if (reply == null) {
				reply = dispatch(call, route, allowed);
			}
			send(exchange, recorded, reply);
		}
		catch (RuntimeException | IOException | Error ex) {
			if (recorded != null && recorded.responseStatus() == 0) {
				recorded.respond(500, null);
			}
			try {
				send(exchange, null, ApiReply.error(500, "Internal Server Error"));
			}
			catch (IOException | RuntimeException ignored) {
				// the response may have been started already
			}
		}
		finally {
			exchange.close();
		}
	}

	private ApiReply dispatch(ApiCall call, Route route, Set<String> allowed) {
		if (route == null) {
			if (!allowed.isEmpty()) {
				return ApiReply.error(405, "Method not allowed").header("Allow", String.join(", ", allowed));
			}
			return ApiReply.error(404, "Not Found");
		}
		try {
			ApiPrincipal principal = this.authenticator.authenticate(call, route.auth);
			synchronized (this.state) {
				return route.handler.handle(call, principal);
			}
		}
		catch (ApiError ex) {
			return ex.reply;
		}
	}

	private void send(HttpExchange exchange, RecordedRequest recorded, ApiReply reply) throws IOException {
		byte[] bytes = (reply.body != null) ? reply.body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (recorded != null) {
			recorded.respond(reply.status, reply.body);
		}
		var headers = exchange.getResponseHeaders();
		if (reply.body != null) {
			headers.set("Content-Type", reply.contentType);
		}
		rateLimitHeaders(reply);
		reply.headers.forEach(headers::set);
		exchange.sendResponseHeaders(reply.status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private synchronized void rateLimitHeaders(ApiReply reply) {
		long now = System.currentTimeMillis();
		if (now >= this.rateLimitWindowEnd) {
			this.rateLimitWindowEnd = now + 60_000;
			this.rateLimitUsed = 0;
		}
		this.rateLimitUsed++;
		reply.headers.putIfAbsent("x-ratelimit-limit", String.valueOf(RATE_LIMIT));
		reply.headers.putIfAbsent("x-ratelimit-remaining", String.valueOf(Math.max(0, RATE_LIMIT - this.rateLimitUsed)));
		reply.headers.putIfAbsent("x-ratelimit-reset", String.valueOf(this.rateLimitWindowEnd));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ApiReply faultReply(Fault fault) {
		String body = fault.responseBody();
		if (body == null) {
			body = Json.write(Json.error(reasonPhrase(fault.statusCode())));
		}
		ApiReply reply = new ApiReply(fault.statusCode(), body);
		fault.headers().forEach(reply::header);
		return reply;
	}

	private static ApiReply rateLimitedReply(Fault fault, boolean batchLimiter) {
		long nowMs = System.currentTimeMillis();
		long resetMs = nowMs + fault.duration().toMillis();
		long seconds = Math.max(0, (fault.duration().toMillis() + 999) / 1000);
		ApiReply reply;
		if (batchLimiter) {
			reply = new ApiReply(429, (fault.responseBody() != null) ? fault.responseBody()
					: Json.write(Json.error("Batch rate limit exceeded. Please try again in " + seconds + " seconds.")));
			reply.header("X-RateLimit-Limit", "1200")
				.header("X-RateLimit-Remaining", "0")
				.header("X-RateLimit-Reset", String.valueOf((resetMs + 999) / 1000))
				.header("Retry-After", String.valueOf(seconds));
		}
		else {
			String detail = "Rate limit exceeded 0/" + RATE_LIMIT + " requests remaining. Retry in " + seconds
					+ " seconds.";
			ObjectNode body = Json.object()
				.put("title", "Rate Limit Exceeded")
				.put("status", 429)
				.put("type", "https://trigger.dev/docs/limits#rate-limits")
				.put("detail", detail)
				.put("reset", resetMs)
				.put("limit", RATE_LIMIT)
				.put("remaining", 0)
				.put("secondsUntilReset", seconds)
				.put("error", detail);
			reply = new ApiReply(429, (fault.responseBody() != null) ? fault.responseBody() : Json.write(body));
			if (fault.responseBody() == null) {
				reply.contentType = "application/problem+json";
			}
			reply.header("x-ratelimit-limit", String.valueOf(RATE_LIMIT))
				.header("x-ratelimit-remaining", "0")
				.header("x-ratelimit-reset", String.valueOf(resetMs));
		}
		fault.headers().forEach(reply::header);
		return reply;
	}

	private static String reasonPhrase(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 408 -> "Request Timeout";
			case 409 -> "Conflict";
			case 413 -> "Request body too large";
			case 422 -> "Unprocessable Entity";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "Emulated fault " + status;
		};
	}

	// ---------------------------------------------------------------- tasks and batches

	private ApiReply trigger(ApiCall call, ApiPrincipal principal) {
		if (call.body.length > MAX_TRIGGER_BODY) {
			throw new ApiError(413, "Request body too large");
		}
		JsonNode body = call.jsonBody();
		String taskId = call.params.get("taskId");
		checkKnownTask(taskId);
		JsonNode options = optionsOf(body.get("options"));
		String key = call.header("idempotency-key");
		String ttl = call.header("idempotency-key-ttl");
		Created created = createRun(principal.env(), taskId, body.get("payload"), options, key, ttl, null);
		return ApiReply.json(200, Json.object().put("id", created.run.id).put("isCached", created.cached))
			.header("x-trigger-jwt", jwt(principal.env(), List.of("read:runs:" + created.run.id,
					"write:inputStreams:" + created.run.id)))
			.header("x-trigger-jwt-claims", jwtClaims(principal.env()));
	}

	private void checkKnownTask(String taskId) {
		if (!this.state.knownTasks.isEmpty() && !this.state.knownTasks.contains(taskId)) {
			throw new ApiError(404, "Task not found");
		}
	}

	private static JsonNode optionsOf(JsonNode options) {
		if (options == null || options.isNull()) {
			return Json.object();
		}
		if (!options.isObject()) {
			throw new ApiError(400, "Invalid request body: options must be an object");
		}
		return options;
	}

	private Created createRun(EnvRecord env, String taskId, JsonNode payload, JsonNode options, String headerKey,
			String headerTtl, BatchRecord batch) {
		Instant now = this.clock.instant();
		List<String> tags = tags(options.get("tags"));
		String machine = Json.text(options, "machine");
		if (options.has("machine") && (machine == null || !MACHINES.contains(machine))) {
			throw new ApiError(400, "Invalid machine preset '" + options.get("machine").asString()
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
		RunRecord run = this.state.newRun(env, taskId, now);
		run.payload = (payload != null) ? payload : null;
		run.payloadType = Json.text(options, "payloadType");
		run.tags = tags;
		run.delayUntil = delay(options.get("delay"), now);
		JsonNode ttlNode = options.get("ttl");
		if (ttlNode != null && ttlNode.isNumber()) {
			run.ttl = ttlNode.asString();
			run.ttlDuration = Duration.ofSeconds(ttlNode.asLong());
		}
		else if (ttlNode != null && ttlNode.isString()) {
			run.ttl = ttlNode.stringValue();
			run.ttlDuration = EmulatorState.naturalDuration(run.ttl);
		}
		JsonNode queue = options.get("queue");
		if (queue != null && queue.isObject() && Json.text(queue, "name") != null) {
			run.queue = Json.text(queue, "name");
		}
		JsonNode concurrencyKey = options.get("concurrencyKey");
		if (concurrencyKey != null && !concurrencyKey.isNull()) {
			run.concurrencyKey = concurrencyKey.asString();
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

	private static Integer intOption(JsonNode options, String name) {
		JsonNode value = options.get(name);
		return (value != null && value.isNumber()) ? value.asInt() : null;
	}

	private static List<String> tags(JsonNode node) {
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
			if (tag.length() > 128) {
				throw new ApiError(400, "Invalid request body: a tag must be at most 128 characters");
			}
		}
		if (tags.size() > MAX_TAGS) {
			throw new ApiError(422,
					"Runs can only have " + MAX_TAGS + " tags, you're trying to set " + tags.size() + ".");
		}
		return tags;
	}

	private static Instant delay(JsonNode node, Instant now) {
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

	private ApiReply createBatch(ApiCall call, ApiPrincipal principal) {
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
		String key = Json.text(body, "idempotencyKey");
		EnvRecord env = principal.env();
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

	private ApiReply batchItems(ApiCall call, ApiPrincipal principal) {
		String lines = call.ndjsonBody();
		BatchRecord batch = this.state.batches.get(call.params.get("batchId"));
		if (batch == null || batch.env != principal.env()) {
			throw new ApiError(404, "Batch not found");
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
			if (item == null || !item.isObject() || index == null || !index.isIntegralNumber() || index.asInt() < 0
					|| Json.text(item, "task") == null) {
				throw new ApiError(400, "Invalid batch item: expected {index, task, payload?, options?}");
			}
			if (index.asInt() >= batch.runCount) {
				throw new ApiError(400, "Item index " + index.asInt() + " exceeds the batch runCount of "
						+ batch.runCount);
			}
			items.add(item);
		}
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

	private ApiReply retrieveBatch(ApiCall call, ApiPrincipal principal) {
		BatchRecord batch = this.state.batches.get(call.params.get("batchId"));
		if (batch == null || batch.env != principal.env()) {
			throw new ApiError(404, "Batch not found");
		}
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

	// ---------------------------------------------------------------- runs

	private ApiReply listRuns(ApiCall call, ApiPrincipal principal) {
		return runPage(call, (run) -> run.env == principal.env());
	}

	private ApiReply listProjectRuns(ApiCall call, ApiPrincipal principal) {
		ProjectRecord project = principal.accessibleProject(this.state, call.params.get("projectRef"));
		String filter = call.queryParam("filter[env]");
		EnvRecord env = null;
		if (filter != null) {
			for (String slug : filter.split(",")) {
				var type = TriggerEnvironment.fromSlug(slug.trim());
				if (type.isPresent()) {
					env = project.root(type.get());
					break;
				}
			}
		}
		if (env == null) {
			throw new ApiError(500, "Internal Server Error");
		}
		EnvRecord target = env;
		return runPage(call, (run) -> run.env == target);
	}

	private ApiReply runPage(ApiCall call, Predicate<RunRecord> scope) {
		Instant now = this.clock.instant();
		int size = 25;
		String sizeParam = call.queryParam("page[size]");
		if (sizeParam != null) {
			size = ApiCall.queryInt("page[size]", sizeParam);
			if (size < 1 || size > 100) {
				throw ApiError.query("page[size]", "Number must be between 1 and 100");
			}
		}
		Predicate<RunRecord> filter = scope.and(runFilter(call, now));
		List<RunRecord> matching = new ArrayList<>();
		for (RunRecord run : this.state.runs.values()) {
			if (filter.test(run)) {
				matching.add(run);
			}
		}
		matching.sort((a, b) -> {
			int byDate = b.createdAt.compareTo(a.createdAt);
			return (byDate != 0) ? byDate : Long.compare(b.sequence, a.sequence);
		});
		String after = call.queryParam("page[after]");
		String before = call.queryParam("page[before]");
		int from;
		int to;
		if (after != null) {
			int position = indexOf(matching, after);
			from = (position < 0) ? matching.size() : position + 1;
			to = Math.min(matching.size(), from + size);
		}
		else if (before != null) {
			int position = indexOf(matching, before);
			to = (position < 0) ? 0 : position;
			from = Math.max(0, to - size);
		}
		else {
			from = 0;
			to = Math.min(matching.size(), size);
		}
		ObjectNode body = Json.object();
		ArrayNode data = body.putArray("data");
		for (RunRecord run : matching.subList(from, to)) {
			data.add(runJson(run, now, false));
		}
		ObjectNode pagination = body.putObject("pagination");
		if (to < matching.size() && to > from) {
			pagination.put("next", matching.get(to - 1).id);
		}
		if (from > 0 && to > from) {
			pagination.put("previous", matching.get(from).id);
		}
		return ApiReply.json(200, body);
	}

	private static int indexOf(List<RunRecord> runs, String id) {
		for (int i = 0; i < runs.size(); i++) {
			if (runs.get(i).id.equals(id)) {
				return i;
			}
		}
		return -1;
	}

	private Predicate<RunRecord> runFilter(ApiCall call, Instant now) {
		List<Predicate<RunRecord>> filters = new ArrayList<>();
		Set<String> statuses = csv(call.queryParam("filter[status]"));
		if (statuses != null) {
			for (String status : statuses) {
				try {
					RunStatus.valueOf(status);
				}
				catch (IllegalArgumentException ex) {
					throw ApiError.query("filter[status]", "Invalid enum value '" + status + "'");
				}
			}
			filters.add((run) -> statuses.contains(run.status(now).name()));
		}
		Set<String> tasks = csv(call.queryParam("filter[taskIdentifier]"));
		if (tasks != null) {
			filters.add((run) -> tasks.contains(run.taskId));
		}
		Set<String> versions = csv(call.queryParam("filter[version]"));
		if (versions != null) {
			filters.add((run) -> versions.contains(run.version));
		}
		Set<String> tags = csv(call.queryParam("filter[tag]"));
		if (tags != null) {
			filters.add((run) -> run.tags.stream().anyMatch(tags::contains));
		}
		String schedule = call.queryParam("filter[schedule]");
		if (schedule != null) {
			filters.add((run) -> schedule.equals(run.scheduleId));
		}
		String isTest = call.queryParam("filter[isTest]");
		if (isTest != null) {
			if (!isTest.equals("true") && !isTest.equals("false")) {
				throw ApiError.query("filter[isTest]", "Expected 'true' or 'false'");
			}
			boolean test = Boolean.parseBoolean(isTest);
			filters.add((run) -> run.test == test);
		}
		String fromParam = call.queryParam("filter[createdAt][from]");
		if (fromParam != null) {
			Instant from = instantParam("filter[createdAt][from]", fromParam);
			filters.add((run) -> !run.createdAt.isBefore(from));
		}
		String toParam = call.queryParam("filter[createdAt][to]");
		if (toParam != null) {
			Instant to = instantParam("filter[createdAt][to]", toParam);
			filters.add((run) -> !run.createdAt.isAfter(to));
		}
		String period = call.queryParam("filter[createdAt][period]");
		if (period != null) {
			Duration duration = EmulatorState.naturalDuration(period);
			if (duration == null || duration.isZero()) {
				throw ApiError.query("filter[createdAt][period]", "Invalid period '" + period + "'");
			}
			Instant since = now.minus(duration);
			filters.add((run) -> !run.createdAt.isBefore(since));
		}
		String batch = call.queryParam("filter[batch]");
		if (batch != null) {
			filters.add((run) -> batch.equals(run.batchId));
		}
		Set<String> queues = csv(call.queryParam("filter[queue]"));
		if (queues != null) {
			filters.add((run) -> queues.contains(run.queue));
		}
		Set<String> machines = csv(call.queryParam("filter[machine]"));
		if (machines != null) {
			filters.add((run) -> machines.contains(run.machine));
		}
		Set<String> regions = csv(call.queryParam("filter[region]"));
		if (regions != null) {
			filters.add((run) -> regions.contains(run.region));
		}
		return (run) -> filters.stream().allMatch((filter) -> filter.test(run));
	}

	private static Set<String> csv(String value) {
		if (value == null) {
			return null;
		}
		Set<String> values = new LinkedHashSet<>();
		for (String part : value.split(",")) {
			if (!part.isBlank()) {
				values.add(part.trim());
			}
		}
		return values;
	}

	private static Instant instantParam(String name, String value) {
		try {
			if (value.matches("\\d+")) {
				return Instant.ofEpochMilli(Long.parseLong(value));
			}
			return ZonedDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw ApiError.query(name, "Invalid date '" + value + "'");
		}
	}

	private ObjectNode runJson(RunRecord run, Instant now, boolean detailed) {
		RunStatus status = run.status(now);
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
		if (status == RunStatus.EXPIRED && finishedAt != null) {
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
			node.set("payload", payload);
		}
		if (status == RunStatus.COMPLETED && run.behavior.output() != null) {
			node.set("output", Json.valueToTree(run.behavior.output()));
		}
		if (status == RunStatus.FAILED) {
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
				scheduleNode.set("generator", generator(schedule));
			}
		}
		node.putObject("relatedRuns");
		node.put("attemptCount", (startedAt != null) ? 1 : 0);
		node.putArray("attempts");
		return node;
	}

	private RunRecord runInEnv(ApiCall call, ApiPrincipal principal) {
		RunRecord run = this.state.runs.get(call.params.get("runId"));
		if (run == null || run.env != principal.env()) {
			throw new ApiError(404, "Run not found");
		}
		return run;
	}

	private ApiReply retrieveRun(ApiCall call, ApiPrincipal principal) {
		try {
			return ApiReply.json(200, runJson(runInEnv(call, principal), this.clock.instant(), true));
		}
		catch (ApiError ex) {
			ex.reply.header("x-should-retry", "true");
			throw ex;
		}
	}

	private ApiReply cancelRun(ApiCall call, ApiPrincipal principal) {
		RunRecord run = runInEnv(call, principal);
		Instant now = this.clock.instant();
		if (!run.status(now).isFinal()) {
			run.canceledAt = now.truncatedTo(ChronoUnit.MILLIS);
		}
		return ApiReply.json(200, Json.object().put("id", run.id));
	}

	private ApiReply replayRun(ApiCall call, ApiPrincipal principal) {
		RunRecord original = runInEnv(call, principal);
		RunRecord run = this.state.newRun(original.env, original.taskId, this.clock.instant());
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
		return ApiReply.json(200, Json.object().put("id", run.id));
	}

	// ---------------------------------------------------------------- env vars

	private EnvRecord envVarTarget(ApiCall call, ApiPrincipal principal) {
		String projectRef = call.params.get("projectRef");
		String slug = call.params.get("env");
		if (principal.env() != null) {
			if (!principal.env().project.ref.equals(projectRef)) {
				throw new ApiError(400, "Invalid project ref for this API key");
			}
			var type = TriggerEnvironment.fromEnvVarSlug(slug);
			if (type.isEmpty() || type.get() != principal.env().type) {
				throw new ApiError(400, "Invalid environment slug for this API key");
			}
			return principal.env();
		}
		ProjectRecord project = principal.accessibleProject(this.state, projectRef);
		var type = TriggerEnvironment.fromEnvVarSlug(slug);
		if (type.isEmpty()) {
			throw new ApiError(404, "Environment not found");
		}
		String branch = ApiAuthenticator.sanitizeBranch(call.header("x-trigger-branch"));
		if (type.get() == TriggerEnvironment.PREVIEW && branch != null) {
			EnvRecord env = project.branch(TriggerEnvironment.PREVIEW, branch);
			if (env == null) {
				throw new ApiError(404, "Branch not found");
			}
			return env;
		}
		return project.root(type.get());
	}

	private Map<String, EmulatorState.EnvVar> visibleVars(EnvRecord env) {
		Map<String, EmulatorState.EnvVar> result = new LinkedHashMap<>();
		if (env.parent != null) {
			result.putAll(this.state.vars(env.parent));
		}
		result.putAll(this.state.vars(env));
		return result;
	}

	private static ObjectNode varJson(String name, EmulatorState.EnvVar var) {
		return Json.object()
			.put("name", name)
			.put("value", var.secret ? "<redacted>" : var.value)
			.put("isSecret", var.secret);
	}

	private ApiReply listEnvVars(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		ArrayNode body = Json.array();
		visibleVars(env).forEach((name, var) -> body.add(varJson(name, var)));
		return ApiReply.json(200, body);
	}

	private ApiReply retrieveEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		String name = call.params.get("name");
		EmulatorState.EnvVar var = visibleVars(env).get(name);
		if (var == null) {
			throw new ApiError(404, "Environment variable not found");
		}
		return ApiReply.json(200, varJson(name, var));
	}

	private ApiReply createEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		JsonNode body = call.jsonBody();
		String name = Json.text(body, "name");
		String value = Json.text(body, "value");
		if (name == null || name.isEmpty() || value == null) {
			throw new ApiError(400, "Invalid request body");
		}
		JsonNode secret = body.get("isSecret");
		putVar(env, name, value, secret != null && secret.asBoolean(false), true);
		return success();
	}

	private void putVar(EnvRecord env, String name, String value, boolean secret, boolean override) {
		Map<String, EmulatorState.EnvVar> vars = this.state.vars(env);
		EmulatorState.EnvVar existing = vars.get(name);
		if (existing == null) {
			vars.put(name, new EmulatorState.EnvVar(value, secret));
		}
		else if (override) {
			existing.value = value;
			existing.secret = existing.secret || secret;
		}
	}

	private ApiReply updateEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		JsonNode body = call.jsonBody();
		String value = Json.text(body, "value");
		if (value == null) {
			throw new ApiError(400, "Invalid request body");
		}
		EmulatorState.EnvVar var = this.state.vars(env).get(call.params.get("name"));
		if (var == null) {
			throw new ApiError(404, "Environment variable not found");
		}
		var.value = value;
		return success();
	}

	private ApiReply deleteEnvVar(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		if (this.state.vars(env).remove(call.params.get("name")) == null) {
			throw new ApiError(404, "Environment variable not found");
		}
		return success();
	}

	private ApiReply uploadEnvVars(ApiCall call, ApiPrincipal principal) {
		EnvRecord env = envVarTarget(call, principal);
		JsonNode body = call.jsonBody();
		JsonNode variables = body.get("variables");
		if (variables == null || !variables.isObject()) {
			throw new ApiError(400, "Invalid request body");
		}
		JsonNode parentVariables = body.get("parentVariables");
		for (JsonNode group : new JsonNode[] { variables, parentVariables }) {
			if (group != null && !group.isNull()) {
				if (!group.isObject()) {
					throw new ApiError(400, "Invalid request body");
				}
				for (Map.Entry<String, JsonNode> entry : group.properties()) {
					if (!entry.getValue().isString()) {
						throw new ApiError(400, "Invalid request body: variable values must be strings");
					}
				}
			}
		}
		boolean override = body.has("override") && body.get("override").asBoolean(false);
		boolean secret = body.has("isSecret") && body.get("isSecret").asBoolean(false);
		for (Map.Entry<String, JsonNode> entry : variables.properties()) {
			putVar(env, entry.getKey(), entry.getValue().stringValue(), secret, override);
		}
		if (parentVariables != null && parentVariables.isObject() && env.parent != null) {
			for (Map.Entry<String, JsonNode> entry : parentVariables.properties()) {
				putVar(env.parent, entry.getKey(), entry.getValue().stringValue(), secret, override);
			}
		}
		return success();
	}

	private static ApiReply success() {
		return ApiReply.json(200, Json.object().put("success", true));
	}

	// ---------------------------------------------------------------- schedules

	private ApiReply listSchedules(ApiCall call, ApiPrincipal principal) {
		int page = 1;
		int perPage = 20;
		String pageParam = call.queryParam("page");
		if (pageParam != null) {
			page = ApiCall.queryInt("page", pageParam);
			if (page < 1) {
				throw ApiError.query("page", "Number must be greater than or equal to 1");
			}
		}
		String perPageParam = call.queryParam("perPage");
		if (perPageParam != null) {
			perPage = Math.max(1, Math.min(100, ApiCall.queryInt("perPage", perPageParam)));
		}
		List<ScheduleRecord> schedules = this.state.schedules.values()
			.stream()
			.filter((schedule) -> schedule.env == principal.env())
			.toList();
		int count = schedules.size();
		int totalPages = (count + perPage - 1) / perPage;
		ObjectNode body = Json.object();
		ArrayNode data = body.putArray("data");
		int from = Math.min(count, (page - 1) * perPage);
		for (ScheduleRecord schedule : schedules.subList(from, Math.min(count, from + perPage))) {
			data.add(scheduleJson(schedule));
		}
		body.putObject("pagination").put("currentPage", page).put("totalPages", totalPages).put("count", count);
		return ApiReply.json(200, body);
	}

	private ApiReply createSchedule(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		String deduplicationKey = Json.text(body, "deduplicationKey");
		String task = Json.text(body, "task");
		String cron = Json.text(body, "cron");
		if (task == null || cron == null || deduplicationKey == null) {
			throw new ApiError(400, "Invalid request body: task, cron and deduplicationKey are required");
		}
		String timezone = validateSchedule(cron, Json.text(body, "timezone"));
		ScheduleRecord schedule = this.state.scheduleByDeduplicationKey(principal.env(), deduplicationKey);
		if (schedule == null) {
			schedule = new ScheduleRecord(Ids.friendly("sched_"), principal.env(), deduplicationKey);
			this.state.schedules.put(schedule.id, schedule);
		}
		schedule.task = task;
		schedule.cron = cron.trim();
		schedule.timezone = timezone;
		schedule.externalId = Json.text(body, "externalId");
		return ApiReply.json(200, scheduleJson(schedule));
	}

	private static String validateSchedule(String cron, String timezone) {
		try {
			Cron.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiError(422, ex.getMessage());
		}
		String zone = (timezone != null) ? timezone : "UTC";
		try {
			ZoneId.of(zone);
		}
		catch (RuntimeException ex) {
			throw new ApiError(422, "Invalid timezone '" + zone + "'");
		}
		return zone;
	}

	private ScheduleRecord scheduleInEnv(ApiCall call, ApiPrincipal principal) {
		ScheduleRecord schedule = this.state.schedules.get(call.params.get("scheduleId"));
		if (schedule == null || schedule.env != principal.env()) {
			throw new ApiError(404, "Schedule not found");
		}
		return schedule;
	}

	private ApiReply retrieveSchedule(ApiCall call, ApiPrincipal principal) {
		return ApiReply.json(200, scheduleJson(scheduleInEnv(call, principal)));
	}

	private ApiReply updateSchedule(ApiCall call, ApiPrincipal principal) {
		ScheduleRecord schedule = scheduleInEnv(call, principal);
		JsonNode body = call.jsonBody();
		String task = Json.text(body, "task");
		String cron = Json.text(body, "cron");
		if (task == null || cron == null) {
			throw new ApiError(400, "Invalid request body: task and cron are required");
		}
		String timezone = validateSchedule(cron, Json.text(body, "timezone"));
		schedule.task = task;
		schedule.cron = cron.trim();
		schedule.timezone = timezone;
		if (body.has("externalId")) {
			schedule.externalId = Json.text(body, "externalId");
		}
		return ApiReply.json(200, scheduleJson(schedule));
	}

	private ApiReply setScheduleActive(ApiCall call, ApiPrincipal principal, boolean active) {
		ScheduleRecord schedule = scheduleInEnv(call, principal);
		schedule.active = active;
		return ApiReply.json(200, scheduleJson(schedule));
	}

	private ApiReply deleteSchedule(ApiCall call, ApiPrincipal principal) {
		ScheduleRecord schedule = scheduleInEnv(call, principal);
		this.state.schedules.remove(schedule.id);
		return ApiReply.json(200, Json.object().put("id", schedule.id));
	}

	private static ObjectNode generator(ScheduleRecord schedule) {
		Cron cron = Cron.parse(schedule.cron);
		return Json.object().put("type", "CRON").put("expression", cron.expression()).put("description",
				cron.describe());
	}

	ObjectNode scheduleJson(ScheduleRecord schedule) {
		ObjectNode node = Json.object()
			.put("id", schedule.id)
			.put("type", "IMPERATIVE")
			.put("task", schedule.task)
			.put("active", schedule.active)
			.put("deduplicationKey", schedule.deduplicationKey);
		if (schedule.externalId != null) {
			node.put("externalId", schedule.externalId);
		}
		node.set("generator", generator(schedule));
		node.put("timezone", schedule.timezone);
		if (schedule.active) {
			ZonedDateTime next = Cron.parse(schedule.cron)
				.next(this.clock.instant().atZone(ZoneId.of(schedule.timezone)));
			if (next != null) {
				node.put("nextRun", Json.date(next.toInstant()));
			}
		}
		ObjectNode environment = node.putArray("environments").addObject();
		environment.put("id", schedule.env.id).put("type", schedule.env.type.type());
		if (schedule.env.branch != null) {
			environment.put("branchName", schedule.env.branch);
		}
		return node;
	}

	private ApiReply timezones(ApiCall call, ApiPrincipal principal) {
		boolean excludeUtc = "true".equals(call.queryParam("excludeUtc"));
		ObjectNode body = Json.object();
		ArrayNode zones = body.putArray("timezones");
		if (!excludeUtc) {
			zones.add("UTC");
		}
		new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
			.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
			.forEach(zones::add);
		return ApiReply.json(200, body);
	}

	private static String jwt(EnvRecord env, List<String> scopes) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		long now = System.currentTimeMillis() / 1000;
		ObjectNode claims = Json.object().put("sub", env.id).put("pub", true);
		ArrayNode scopeArray = claims.putArray("scopes");
		scopes.forEach(scopeArray::add);
		claims.put("iss", "https://id.trigger.dev").put("aud", "https://api.trigger.dev").put("iat", now).put("exp",
				now + 3600);
		String header = encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
		String payload = encoder.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(("trigger-emulator-" + env.id).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
			return header + "." + payload + "." + encoder.encodeToString(signature);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String jwtClaims(EnvRecord env) {
		return Json.write(Json.object().put("sub", env.id).put("pub", true));
	}

	@FunctionalInterface
	interface Handler {

		ApiReply handle(ApiCall call, ApiPrincipal principal);

	}

	record Created(RunRecord run, boolean cached) {
	}

	static final class Route {

		final String method;

		final String[] pattern;

		final EmulatorEndpoint endpoint;

		final Mode auth;

		final Handler handler;

		Route(String method, String[] pattern, EmulatorEndpoint endpoint, Mode auth, Handler handler) {
			this.method = method;
			this.pattern = pattern;
			this.endpoint = endpoint;
			this.auth = auth;
			this.handler = handler;
		}

		Map<String, String> match(List<String> segments) {
			if (segments.size() != this.pattern.length) {
				return null;
			}
			Map<String, String> params = new LinkedHashMap<>();
			for (int i = 0; i < this.pattern.length; i++) {
				String part = this.pattern[i];
				if (part.startsWith("{")) {
					if (segments.get(i).isEmpty()) {
						return null;
					}
					params.put(part.substring(1, part.length() - 1), segments.get(i));
				}
				else if (!part.equals(segments.get(i))) {
					return null;
				}
			}
			return params;
		}

	}

}
