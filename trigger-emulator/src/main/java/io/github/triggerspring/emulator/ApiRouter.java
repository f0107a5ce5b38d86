package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.triggerspring.emulator.ApiAuthenticator.Mode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes the HTTP calls of the emulated API: matches method and path (404, 405), gives
 * the route's {@link BodyLimit} to the transport (413 without reading the rest), records
 * each call in the journal, injects the armed faults (injected or random), authenticates
 * and hands the call to the handler of its namespace under the state lock, then tells
 * the transport ({@link ApiServer}) what to send, with a {@code Date} on the emulator
 * clock and the rate-limit headers. The deployment routes other than {@code /current}
 * count against a window of their own, as the API's deployment limiter does.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiRouter {

	static final int RATE_LIMIT = 1500;

	/** The {@code Date} of a response, an HTTP date (IMF-fixdate). */
	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final EmulatorState state;

	private final EmulatorClock clock;

	private final Journal journal;

	private final Faults faults;

	private final RateLimitWindow rateLimitWindow;

	private final RateLimitWindow deploymentRateLimitWindow;

	private final Sleeper sleeper;

	private final ApiAuthenticator authenticator;

	private final List<Route> routes = new ArrayList<>();

	ApiRouter(EmulatorState state, EmulatorClock clock, Journal journal, Faults faults,
			RateLimitWindow rateLimitWindow, RateLimitWindow deploymentRateLimitWindow, Sleeper sleeper) {
		this.state = state;
		this.clock = clock;
		this.journal = journal;
		this.faults = faults;
		this.rateLimitWindow = rateLimitWindow;
		this.deploymentRateLimitWindow = deploymentRateLimitWindow;
		this.sleeper = sleeper;
		this.authenticator = new ApiAuthenticator(state, clock);
		TasksHandler tasks = new TasksHandler(state, clock);
		RunsHandler runs = new RunsHandler(state, clock);
		EnvVarsHandler envVars = new EnvVarsHandler(state);
		SchedulesHandler schedules = new SchedulesHandler(state, clock);
		QueuesHandler queues = new QueuesHandler(state, clock);
		DeploymentsHandler deployments = new DeploymentsHandler(state, clock);
		IdempotencyKeysHandler idempotencyKeys = new IdempotencyKeysHandler(state);
		PacketsHandler packets = new PacketsHandler(state);
		RealtimeHandler realtime = new RealtimeHandler(state, clock);
		WaitpointsHandler waitpoints = new WaitpointsHandler(state, clock);
		String tokens = "/api/v1/waitpoints/tokens";
		AuthHandler auth = new AuthHandler(state, clock);
		String envvars = "/api/v1/projects/{projectRef}/envvars/{env}";
		route("POST", "/api/v1/tasks/{taskId}/trigger", EmulatorEndpoint.TASK_TRIGGER, Mode.JWT, tasks::trigger);
		route("POST", "/api/v3/batches", EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE, Mode.JWT,
				tasks::createBatch);
		route("POST", "/api/v3/batches/{batchId}/items", EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS, Mode.JWT,
				tasks::batchItems);
		route("GET", "/api/v2/batches/{batchId}", EmulatorEndpoint.BATCH_RETRIEVE, Mode.JWT, tasks::retrieveBatch);
		route("GET", "/api/v1/runs", EmulatorEndpoint.RUNS_LIST, Mode.JWT, runs::listRuns);
		route("GET", "/api/v1/projects/{projectRef}/runs", EmulatorEndpoint.RUNS_LIST, Mode.ACCESS_TOKEN,
				runs::listProjectRuns);
		route("GET", "/api/v3/runs/{runId}", EmulatorEndpoint.RUNS_RETRIEVE, Mode.JWT, runs::retrieveRun);
		route("POST", "/api/v2/runs/{runId}/cancel", EmulatorEndpoint.RUNS_CANCEL, Mode.SECRET, runs::cancelRun);
		route("POST", "/api/v1/runs/{runId}/replay", EmulatorEndpoint.RUNS_REPLAY, Mode.SECRET, runs::replayRun);
		route("GET", "/packets/{runId}/{file}", EmulatorEndpoint.PACKETS_DOWNLOAD, Mode.NONE, runs::downloadPacket);
		route("POST", "/api/v1/runs/{runId}/reschedule", EmulatorEndpoint.RUNS_RESCHEDULE, Mode.SECRET,
				runs::rescheduleRun);
		route("POST", "/api/v1/runs/{runId}/tags", EmulatorEndpoint.RUNS_ADD_TAGS, Mode.SECRET, runs::addTags);
		route("GET", "/api/v1/runs/{runId}/metadata", EmulatorEndpoint.RUNS_RETRIEVE_METADATA, Mode.SECRET,
				runs::retrieveMetadata);
		route("PUT", "/api/v1/runs/{runId}/metadata", EmulatorEndpoint.RUNS_UPDATE_METADATA, Mode.SECRET,
				runs::updateMetadata);
		route("GET", "/realtime/v1/runs/{runId}", EmulatorEndpoint.RUNS_SUBSCRIBE_TO_RUN, Mode.JWT,
				realtime::subscribeToRun);
		route("GET", "/realtime/v1/runs", EmulatorEndpoint.RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG, Mode.JWT,
				realtime::subscribeToRunsWithTag);
		route("GET", "/realtime/v1/batches/{batchId}", EmulatorEndpoint.RUNS_SUBSCRIBE_TO_BATCH, Mode.JWT,
				realtime::subscribeToBatch);
		route("GET", envvars, EmulatorEndpoint.ENVVARS_LIST, Mode.ANY, envVars::listEnvVars);
		route("POST", envvars, EmulatorEndpoint.ENVVARS_CREATE, Mode.ANY, envVars::createEnvVar);
		route("POST", envvars + "/import", EmulatorEndpoint.ENVVARS_UPLOAD, Mode.ANY, envVars::uploadEnvVars);
		route("GET", envvars + "/{name}", EmulatorEndpoint.ENVVARS_RETRIEVE, Mode.ANY, envVars::retrieveEnvVar);
		route("PUT", envvars + "/{name}", EmulatorEndpoint.ENVVARS_UPDATE, Mode.ANY, envVars::updateEnvVar);
		route("DELETE", envvars + "/{name}", EmulatorEndpoint.ENVVARS_DEL, Mode.ANY, envVars::deleteEnvVar);
		route("GET", "/api/v1/schedules", EmulatorEndpoint.SCHEDULES_LIST, Mode.SECRET, schedules::listSchedules);
		route("POST", "/api/v1/schedules", EmulatorEndpoint.SCHEDULES_CREATE, Mode.SECRET, schedules::createSchedule);
		route("GET", "/api/v1/schedules/{scheduleId}", EmulatorEndpoint.SCHEDULES_RETRIEVE, Mode.SECRET,
				schedules::retrieveSchedule);
		route("PUT", "/api/v1/schedules/{scheduleId}", EmulatorEndpoint.SCHEDULES_UPDATE, Mode.SECRET,
				schedules::updateSchedule);
		route("DELETE", "/api/v1/schedules/{scheduleId}", EmulatorEndpoint.SCHEDULES_DEL, Mode.SECRET,
				schedules::deleteSchedule);
		route("POST", "/api/v1/schedules/{scheduleId}/activate", EmulatorEndpoint.SCHEDULES_ACTIVATE, Mode.SECRET,
				(call, principal) -> schedules.setScheduleActive(call, principal, true));
		route("POST", "/api/v1/schedules/{scheduleId}/deactivate", EmulatorEndpoint.SCHEDULES_DEACTIVATE, Mode.SECRET,
				(call, principal) -> schedules.setScheduleActive(call, principal, false));
		route("GET", "/api/v1/timezones", EmulatorEndpoint.SCHEDULES_TIMEZONES, Mode.NONE, schedules::timezones);
		route("GET", "/api/v1/queues", EmulatorEndpoint.QUEUES_LIST, Mode.SECRET, queues::listQueues);
		route("GET", "/api/v1/queues/{queue}", EmulatorEndpoint.QUEUES_RETRIEVE, Mode.SECRET, queues::retrieveQueue);
		route("POST", "/api/v1/queues/{queue}/pause", EmulatorEndpoint.QUEUES_PAUSE, Mode.SECRET, queues::pauseQueue,
				(call) -> QueuesHandler.isResume(call) ? EmulatorEndpoint.QUEUES_RESUME : EmulatorEndpoint.QUEUES_PAUSE);
		route("POST", "/api/v1/queues/{queue}/concurrency/override",
				EmulatorEndpoint.QUEUES_OVERRIDE_CONCURRENCY_LIMIT, Mode.SECRET, queues::overrideConcurrencyLimit);
		route("POST", "/api/v1/queues/{queue}/concurrency/reset", EmulatorEndpoint.QUEUES_RESET_CONCURRENCY_LIMIT,
				Mode.SECRET, queues::resetConcurrencyLimit);
		route("GET", "/api/v1/deployments", EmulatorEndpoint.DEPLOYMENTS_LIST, Mode.SECRET,
				deployments::listDeployments);
		route("GET", "/api/v1/deployments/current", EmulatorEndpoint.DEPLOYMENTS_RETRIEVE_CURRENT, Mode.SECRET,
				deployments::currentDeployment);
		route("GET", "/api/v1/deployments/latest", EmulatorEndpoint.DEPLOYMENTS_LATEST, Mode.SECRET,
				deployments::latestDeployment);
		route("GET", "/api/v1/deployments/{deploymentId}", EmulatorEndpoint.DEPLOYMENTS_RETRIEVE, Mode.SECRET,
				deployments::retrieveDeployment);
		route("POST", "/api/v1/deployments/{version}/promote", EmulatorEndpoint.DEPLOYMENTS_PROMOTE, Mode.SECRET,
				deployments::promoteDeployment);
		route("POST", "/api/v1/idempotencyKeys/{key}/reset", EmulatorEndpoint.IDEMPOTENCY_KEYS_RESET, Mode.SECRET,
				idempotencyKeys::reset);
		route("PUT", "/api/v2/packets/{filename}", EmulatorEndpoint.PACKETS_UPLOAD, Mode.SECRET, packets::presign);
		route("PUT", PacketsHandler.OBJECT_STORE_PATH + "{token}", EmulatorEndpoint.PACKETS_OBJECT_STORE, Mode.NONE,
				packets::store);
		route("GET", "/api/v1/packets/{filename}", EmulatorEndpoint.PACKETS_RETRIEVE, Mode.SECRET,
				packets::presignDownload);
		route("GET", PacketsHandler.OBJECT_STORE_PATH + "{token}", EmulatorEndpoint.PACKETS_DOWNLOAD, Mode.NONE,
				packets::download);
		route("POST", tokens, EmulatorEndpoint.WAIT_CREATE_TOKEN, Mode.SECRET, waitpoints::createToken);
		route("GET", tokens, EmulatorEndpoint.WAIT_LIST_TOKENS, Mode.SECRET, waitpoints::listTokens);
		route("GET", tokens + "/{waitpointId}", EmulatorEndpoint.WAIT_RETRIEVE_TOKEN, Mode.SECRET,
				waitpoints::retrieveToken);
		route("POST", tokens + "/{waitpointId}/complete", EmulatorEndpoint.WAIT_COMPLETE_TOKEN, Mode.JWT,
				waitpoints::completeToken);
		route("POST", tokens + "/{waitpointId}/callback/{hash}", EmulatorEndpoint.WAIT_TOKEN_CALLBACK, Mode.NONE,
				waitpoints::callback);
		route("POST", "/api/v1/auth/jwt/claims", EmulatorEndpoint.AUTH_JWT_CLAIMS, Mode.SECRET, auth::claims);
		route("POST", "/api/v1/auth/public-tokens", EmulatorEndpoint.AUTH_PUBLIC_TOKENS, Mode.SECRET,
				auth::publicToken);
	}

	private void route(String method, String pattern, EmulatorEndpoint endpoint, Mode auth, Handler handler) {
		route(method, pattern, endpoint, auth, handler, (call) -> endpoint);
	}

	/**
	 * A route whose endpoint depends on the body, such as pause and resume, which share a
	 * path.
	 */
	private void route(String method, String pattern, EmulatorEndpoint endpoint, Mode auth, Handler handler,
			Function<ApiCall, EmulatorEndpoint> endpointOfCall) {
		this.routes.add(new Route(method, pattern.substring(1).split("/"), endpoint, auth, handler, endpointOfCall));
	}

	// ---------------------------------------------------------------- calls

	/**
	 * Find the route of a call and set the call's path parameters. Runs on the
	 * transport's event loop: it does not block.
	 * @param call the call
	 * @return the route, or none with the methods the path allows
	 */
	Routing route(ApiCall call) {
		@Nullable Route route = null;
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
		return new Routing(route, allowed);
	}

	/**
	 * Handle a call whose body has been read, or refused as too large: record it,
	 * inject the armed faults, authenticate and dispatch it, and tell the transport what
	 * to send. Blocking (latency faults, realtime long polls): the transport runs it off
	 * its event loop.
	 * @param call the call, with its body
	 * @param routing the call's routing
	 * @param tooLarge the 413 reply of a body over its limit, or {@code null}
	 * @return what to send
	 */
	Outcome handle(ApiCall call, Routing routing, @Nullable ApiReply tooLarge) {
		@Nullable RecordedRequest recorded = null;
		try {
			Route route = routing.route();
			EmulatorEndpoint endpoint = (route == null) ? null
					: (tooLarge != null) ? route.endpoint : route.endpointOfCall.apply(call);
			recorded = this.journal.add(this.clock.instant(), call.method, call.path, call.query, call.headers,
					call.body, (endpoint != null) ? endpoint.id() : null);
			List<String> faultKeys = new ArrayList<>();
			if (endpoint != null) {
				faultKeys.add(endpoint.id());
				if (endpoint == EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE
						|| endpoint == EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS) {
					faultKeys.add(EmulatorEndpoint.TASK_BATCH_TRIGGER.id());
				}
			}
			@Nullable ApiReply reply = null;
			@Nullable Fault afterHandling = null;
			for (Fault fault : this.faults.take(faultKeys, requestHash(faultKeys, call))) {
				switch (fault.kind()) {
					case LATENCY -> sleep(fault.duration());
					case DROP_CONNECTION -> {
						return Outcome.DROP;
					}
					case DROP_CONNECTION_AFTER_HANDLING, TRUNCATED_BODY -> afterHandling = fault;
					case STATUS -> reply = faultReply(fault);
					case RATE_LIMITED -> reply = rateLimitedReply(fault, this.clock.instant(),
							endpoint == EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE);
				}
			}
			if (reply == null && tooLarge != null) {
				reply = tooLarge;
			}
			if (reply == null) {
				reply = dispatch(call, route, routing.allowed(), recorded);
			}
			if (call.isClientClosed()) {
				recorded.markClientClosed();
				return Outcome.CLIENT_CLOSED;
			}
			if (afterHandling != null && afterHandling.kind() == Fault.Kind.DROP_CONNECTION_AFTER_HANDLING) {
				return Outcome.DROP;
			}
			recorded.respond(reply.status, reply.body);
			return new Outcome((afterHandling != null) ? Outcome.Kind.TRUNCATED : Outcome.Kind.RESPOND,
					withHeaders(reply, endpoint));
		}
		catch (RuntimeException | Error ex) {
			if (recorded != null && recorded.responseStatus() == 0) {
				recorded.respond(500, null);
			}
			return new Outcome(Outcome.Kind.RESPOND,
					withHeaders(ApiReply.error(500, "Internal Server Error"), null));
		}
	}

	/**
	 * Wake the held realtime long polls, so that one whose client closed the connection
	 * lets its call go at once.
	 */
	void wakeHeldCalls() {
		synchronized (this.state) {
			this.state.notifyAll();
		}
	}

	private ApiReply dispatch(ApiCall call, @Nullable Route route, Set<String> allowed, RecordedRequest recorded) {
		if (route == null) {
			if (!allowed.isEmpty()) {
				return ApiReply.error(405, "Method not allowed").header("Allow", String.join(", ", allowed));
			}
			return ApiReply.error(404, "Not Found");
		}
		long start = System.nanoTime();
		try {
			ApiPrincipal principal = this.authenticator.authenticate(call, route.auth);
			synchronized (this.state) {
				try {
					return route.handler.handle(call, principal);
				}
				finally {
					// under the lock, as the handler counts a closed realtime connection
					recorded.handled(System.nanoTime() - start);
					if (call.isClientClosed()) {
						recorded.markClientClosed();
					}
					// wakes the realtime long polls, which look for changes
					this.state.notifyAll();
				}
			}
		}
		catch (ApiError ex) {
			recorded.handled(System.nanoTime() - start);
			return ex.reply;
		}
	}

	/**
	 * The reply with its content type, its {@code Date} on the emulator clock, as the
	 * API's servers send one, and the rate-limit headers, its own headers winning.
	 */
	private ApiReply withHeaders(ApiReply reply, @Nullable EmulatorEndpoint endpoint) {
		if (reply.body != null) {
			reply.headers.putIfAbsent("Content-Type", reply.contentType);
		}
		reply.headers.putIfAbsent("Date", HTTP_DATE.format(this.clock.instant()));
		rateLimitHeaders(reply, endpoint);
		return reply;
	}

	/**
	 * Hash of a call's endpoint, query and body, from which random faults are drawn.
	 */
	static long requestHash(List<String> faultKeys, ApiCall call) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : (faultKeys + " " + call.query).getBytes(StandardCharsets.UTF_8)) {
			hash = (hash ^ b) * 0x100000001b3L;
		}
		for (byte b : call.body) {
			hash = (hash ^ b) * 0x100000001b3L;
		}
		return hash;
	}

	private void rateLimitHeaders(ApiReply reply, @Nullable EmulatorEndpoint endpoint) {
		RateLimitWindow window = isDeploymentLimited(endpoint) ? this.deploymentRateLimitWindow
				: this.rateLimitWindow;
		RateLimitWindow.Usage usage = window.record(this.clock.instant());
		reply.headers.putIfAbsent("x-ratelimit-limit", String.valueOf(RATE_LIMIT));
		reply.headers.putIfAbsent("x-ratelimit-remaining", String.valueOf(usage.remaining()));
		reply.headers.putIfAbsent("x-ratelimit-reset", String.valueOf(usage.reset().toEpochMilli()));
	}

	/**
	 * Whether the deployment limiter, not the general one, counts calls to the endpoint:
	 * every deployment route except {@code /current}.
	 */
	static boolean isDeploymentLimited(@Nullable EmulatorEndpoint endpoint) {
		return endpoint != null && endpoint.id().startsWith("deployments.")
				&& endpoint != EmulatorEndpoint.DEPLOYMENTS_RETRIEVE_CURRENT;
	}

	private void sleep(Duration duration) {
		try {
			this.sleeper.sleep(duration);
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

	private static ApiReply rateLimitedReply(Fault fault, Instant now, boolean batchLimiter) {
		long resetMs = now.plus(fault.duration()).toEpochMilli();
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

	/**
	 * The route of a call, or none with the methods its path allows.
	 *
	 * @param route the route, or {@code null}
	 * @param allowed the methods of the routes matching the path
	 */
	record Routing(@Nullable Route route, Set<String> allowed) {

		/**
		 * The size limit of the call's body.
		 * @return the limit
		 */
		BodyLimit bodyLimit() {
			return BodyLimit.of((this.route != null) ? this.route.endpoint : null);
		}

	}

	/**
	 * What the transport sends for a call.
	 *
	 * @param kind how to answer
	 * @param reply the reply, with all its headers; {@code null} when nothing is sent
	 */
	record Outcome(Kind kind, @Nullable ApiReply reply) {

		/** Close the connection without a response. */
		static final Outcome DROP = new Outcome(Kind.DROP, null);

		/** Nothing to send: the client closed the connection. */
		static final Outcome CLIENT_CLOSED = new Outcome(Kind.CLIENT_CLOSED, null);

		/**
		 * How to answer a call.
		 */
		enum Kind {

			/** Send the reply. */
			RESPOND,
			/**
			 * Send the status, the headers with the full length and the first half of the
			 * body, then close the connection.
			 */
			TRUNCATED,
			/** Close the connection without a response. */
			DROP,
			/** Send nothing: the client is gone. */
			CLIENT_CLOSED

		}

	}

	@FunctionalInterface
	interface Handler {

		ApiReply handle(ApiCall call, ApiPrincipal principal);

	}

	/**
	 * Waits in real time for {@link Fault#latency(Duration) latency faults}; tests replace
	 * it to observe the waits.
	 */
	@FunctionalInterface
	interface Sleeper {

		Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

		void sleep(Duration duration) throws InterruptedException;

	}

	static final class Route {

		final String method;

		final String[] pattern;

		final EmulatorEndpoint endpoint;

		final Mode auth;

		final Handler handler;

		final Function<ApiCall, EmulatorEndpoint> endpointOfCall;

		Route(String method, String[] pattern, EmulatorEndpoint endpoint, Mode auth, Handler handler,
				Function<ApiCall, EmulatorEndpoint> endpointOfCall) {
			this.method = method;
			this.pattern = pattern;
			this.endpoint = endpoint;
			this.auth = auth;
			this.handler = handler;
			this.endpointOfCall = endpointOfCall;
		}

		@Nullable Map<String, String> match(List<String> segments) {
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
