package io.github.triggerspring.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The queues namespace: the queues of the environment's tasks and custom queues, with
 * their paused flag and concurrency limit override.
 * <p>
 * The queue is named in the path as the SDK sends it: by id, task or custom name
 * according to {@code type}, with a {@code /} in the name written as {@code %252F}, so
 * the path segment is decoded twice.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @param clock the emulator clock
 * @author trigger-spring-boot contributors
 */
record QueuesHandler(EmulatorState state, EmulatorClock clock) {

	static final int MAX_CONCURRENCY_LIMIT = 100_000;

	private static final List<String> TYPES = List.of("id", QueueRecord.TASK, QueueRecord.CUSTOM);

	ApiReply listQueues(ApiCall call, ApiPrincipal principal) {
		int page = 1;
		int perPage = 25;
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
		List<QueueRecord> queues = this.state.queues(principal.requireEnv());
		int count = queues.size();
		int totalPages = (count + perPage - 1) / perPage;
		ObjectNode body = Json.object();
		ArrayNode data = body.putArray("data");
		int from = (int) Math.min(count, (page - 1L) * perPage);
		for (QueueRecord queue : queues.subList(from, Math.min(count, from + perPage))) {
			data.add(queueJson(queue, principal));
		}
		body.putObject("pagination").put("currentPage", page).put("totalPages", totalPages).put("count", count);
		return ApiReply.json(200, body);
	}

	ApiReply retrieveQueue(ApiCall call, ApiPrincipal principal) {
		String type = call.queryParam("type");
		if (type != null && !TYPES.contains(type)) {
			throw ApiError.query("type", "Invalid enum value. Expected 'id' | 'task' | 'custom', received '" + type
					+ "'");
		}
		return ApiReply.json(200, queueJson(find(call, principal, type), principal));
	}

	/**
	 * Whether a call to the pause route asks to resume; read before the call is handled,
	 * to journal it under {@code queues.resume}.
	 */
	static boolean isResume(ApiCall call) {
		try {
			return "resume".equals(Json.text(Json.parse(call.body), "action"));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	ApiReply pauseQueue(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		String action = Json.text(body, "action");
		if (!"pause".equals(action) && !"resume".equals(action)) {
			throw new ApiError(400, "Invalid request body: action must be 'pause' or 'resume'");
		}
		QueueRecord queue = find(call, principal, bodyType(body));
		boolean pause = "pause".equals(action);
		if (pause != queue.paused) {
			hold(queue, pause);
		}
		queue.paused = pause;
		return ApiReply.json(200, queueJson(queue, principal));
	}

	/**
	 * Pausing holds the queue's runs that have not started (queued or delayed) until the
	 * queue is resumed; runs that are executing go on. Resuming releases them: they start
	 * now, or later if their delay or time in the queue is not over.
	 */
	private void hold(QueueRecord queue, boolean pause) {
		Instant now = this.clock.instant();
		for (RunRecord run : this.state.runs.values()) {
			if (run.env != queue.env || !queue.runQueue().equals(run.queue)) {
				continue;
			}
			if (pause && !run.held && run.fixedStatus == null && run.status(now).isQueued()) {
				run.held = true;
			}
			else if (!pause && run.held) {
				run.held = false;
				run.releasedAt = now.truncatedTo(ChronoUnit.MILLIS);
			}
		}
	}

	ApiReply overrideConcurrencyLimit(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		JsonNode limit = body.get("concurrencyLimit");
		if (limit == null || !limit.isIntegralNumber() || !limit.canConvertToInt() || limit.asLong() < 0
				|| limit.asLong() > MAX_CONCURRENCY_LIMIT) {
			throw new ApiError(400, "Invalid request body: concurrencyLimit must be an integer from 0 to "
					+ MAX_CONCURRENCY_LIMIT);
		}
		QueueRecord queue = find(call, principal, bodyType(body));
		if (queue.overrideLimit == null) {
			queue.overriddenAt = this.clock.instant();
		}
		queue.overrideLimit = limit.asInt();
		return ApiReply.json(200, queueJson(queue, principal));
	}

	ApiReply resetConcurrencyLimit(ApiCall call, ApiPrincipal principal) {
		JsonNode body = (call.body.length > 0) ? call.jsonBody() : Json.object();
		QueueRecord queue = find(call, principal, bodyType(body));
		if (queue.overrideLimit == null) {
			throw new ApiError(400, "Queue is not overridden");
		}
		queue.overrideLimit = null;
		queue.overriddenAt = null;
		return ApiReply.json(200, queueJson(queue, principal));
	}

	private static @Nullable String bodyType(JsonNode body) {
		String type = Json.text(body, "type");
		if (type != null && !TYPES.contains(type)) {
			throw new ApiError(400, "Invalid request body: type must be 'id', 'task' or 'custom'");
		}
		return type;
	}

	/**
	 * The queue the path names; a missing type means {@code id}.
	 */
	private QueueRecord find(ApiCall call, ApiPrincipal principal, @Nullable String type) {
		String name = URLDecoder.decode(call.params.get("queue").replace("+", "%2B"), StandardCharsets.UTF_8);
		String kind = (type != null) ? type : "id";
		for (QueueRecord queue : this.state.queues(principal.requireEnv())) {
			boolean matches = "id".equals(kind) ? queue.id.equals(name)
					: queue.type.equals(kind) && queue.name.equals(name);
			if (matches) {
				return queue;
			}
		}
		throw new ApiError(404, "Queue not found");
	}

	private ObjectNode queueJson(QueueRecord queue, ApiPrincipal principal) {
		int running = 0;
		int queued = 0;
		for (RunRecord run : this.state.runs.values()) {
			if (run.env == principal.env() && queue.runQueue().equals(run.queue)) {
				EmulatedRunStatus status = run.status(this.clock.instant());
				running += status.isExecuting() ? 1 : 0;
				queued += status.isQueued() ? 1 : 0;
			}
		}
		ObjectNode node = Json.object()
			.put("id", queue.id)
			.put("name", queue.name)
			.put("type", queue.type)
			.put("running", running)
			.put("queued", queued)
			.put("paused", queue.paused)
			.put("concurrencyLimit", queue.overrideLimit);
		node.putObject("concurrency")
			.put("current", queue.overrideLimit)
			.putNull("base")
			.put("override", queue.overrideLimit)
			.put("overriddenAt", (queue.overriddenAt != null) ? Json.date(queue.overriddenAt) : null)
			.putNull("overriddenBy");
		return node;
	}

}
