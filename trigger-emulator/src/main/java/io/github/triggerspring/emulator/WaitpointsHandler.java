package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The waitpoint-token namespace: creates tokens (deduplicated by idempotency key), lists,
 * retrieves and completes them, and serves the unauthenticated callback URL whose last
 * segment is the hex HMAC-SHA256 of the token id, keyed with the environment's API key.
 * Completion data is stored as the server stores it ({@code stringifyIO}): a string as
 * {@code text/plain}, anything else as superjson, and from 512 KiB on in object storage
 * ({@code application/store}).
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @param clock the emulator clock
 * @author trigger-spring-boot contributors
 */
record WaitpointsHandler(EmulatorState state, EmulatorClock clock) {

	/** Most tags a token may have. */
	static final int MAX_TAGS = 10;

	/** Longest tag. */
	static final int MAX_TAG_LENGTH = 128;

	/** Longest idempotency key. */
	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 2048;

	private static final Set<String> STATUSES = Set.of("WAITING", "COMPLETED", "TIMED_OUT");

	ApiReply createToken(ApiCall call, ApiPrincipal principal) {
		JsonNode body = (call.body.length == 0) ? Json.object() : call.jsonBody();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<String> tags = tags(body.get("tags"));
		String key = Json.text(body, "idempotencyKey");
		if (key != null && key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new ApiError(400, "Invalid request body");
		}
		EnvRecord env = principal.requireEnv();
		if (key != null) {
			WaitpointRecord existing = this.state.idempotentWaitpoint(env, key, now);
			if (existing != null) {
				return created(call, existing, true);
			}
		}
		WaitpointRecord token = this.state.newWaitpoint(env, now, timeout(body.get("timeout"), now), tags);
		if (key != null) {
			this.state.rememberWaitpointIdempotency(token, key, Json.text(body, "idempotencyKeyTTL"), now);
		}
		return created(call, token, false);
	}

	/**
	 * The created (or cached) token, with a public access token that may complete it, for
	 * 24 hours, as the server mints it.
	 */
	private ApiReply created(ApiCall call, WaitpointRecord token, boolean cached) {
		return ApiReply
			.json(200, Json.object().put("id", token.id).put("isCached", cached).put("url", callbackUrl(call, token)))
			.header("x-trigger-jwt", PublicJwts.issue(this.state, token.env, List.of("write:waitpoints:" + token.id),
					this.clock.instant(), Duration.ofHours(24)))
			.header("x-trigger-jwt-claims", PublicJwts.claimsHeader(token.env));
	}

	private static List<String> tags(@Nullable JsonNode tags) {
		List<String> values = new ArrayList<>();
		if (tags == null || tags.isNull()) {
			return values;
		}
		if (tags.isString()) {
			values.add(tags.stringValue());
		}
		else if (tags.isArray()) {
			tags.forEach((tag) -> values.add(tag.isString() ? tag.stringValue() : null));
		}
		boolean malformed = !tags.isString() && !tags.isArray() || values.contains(null);
		if (malformed || values.stream().anyMatch((tag) -> tag.length() > MAX_TAG_LENGTH)) {
			throw new ApiError(400, "Invalid request body");
		}
		if (values.size() > MAX_TAGS) {
			throw new ApiError(422, "Waitpoints can only have " + MAX_TAGS + " tags, you're trying to set "
					+ values.size() + ".");
		}
		return values;
	}

	/**
	 * The timeout as the server's {@code parseDelay} reads it: an ISO date in the future,
	 * or a time span from now; anything else, and a date in the past, means no timeout.
	 */
	private static @Nullable Instant timeout(@Nullable JsonNode timeout, Instant now) {
		if (timeout == null || !timeout.isString() || timeout.stringValue().isEmpty()) {
			return null;
		}
		String text = timeout.stringValue();
		try {
			Instant at = Instant.parse(text);
			return at.isAfter(now) ? at.truncatedTo(ChronoUnit.MILLIS) : null;
		}
		catch (DateTimeParseException ex) {
			Duration duration = EmulatorState.naturalDuration(text);
			return (duration != null) ? now.plus(duration) : null;
		}
	}

	ApiReply listTokens(ApiCall call, ApiPrincipal principal) {
		Instant now = this.clock.instant();
		QueryParams query = new QueryParams(call);
		int size = query.pageSize(25);
		Predicate<WaitpointRecord> filter = filter(query, now);
		List<WaitpointRecord> matching = new ArrayList<>();
		for (WaitpointRecord token : this.state.waitpoints.values()) {
			if (token.env == principal.env() && filter.test(token.settle(now))) {
				matching.add(token);
			}
		}
		matching.sort((a, b) -> {
			int byDate = b.createdAt.compareTo(a.createdAt);
			return (byDate != 0) ? byDate : Long.compare(b.sequence, a.sequence);
		});
		String after = query.text("page[after]");
		String before = query.text("page[before]");
		int from;
		int to;
		if (before != null) {
			int position = indexOf(matching, before);
			to = (position < 0) ? 0 : position;
			from = Math.max(0, to - size);
		}
		else if (after != null) {
			int position = indexOf(matching, after);
			from = (position < 0) ? matching.size() : position + 1;
			to = Math.min(matching.size(), from + size);
		}
		else {
			from = 0;
			to = Math.min(matching.size(), size);
		}
		ObjectNode body = Json.object();
		ArrayNode data = body.putArray("data");
		for (WaitpointRecord token : matching.subList(from, to)) {
			data.add(tokenJson(call, token));
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

	private static int indexOf(List<WaitpointRecord> tokens, String id) {
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).id.equals(id)) {
				return i;
			}
		}
		return -1;
	}

	private static Predicate<WaitpointRecord> filter(QueryParams query, Instant now) {
		List<Predicate<WaitpointRecord>> filters = new ArrayList<>();
		Set<String> statuses = query.values("filter[status]", STATUSES, "status");
		if (statuses != null) {
			filters.add((token) -> statuses.contains(token.status().name()));
		}
		String key = query.text("filter[idempotencyKey]");
		if (key != null) {
			filters.add((token) -> key.equals(token.idempotencyKey));
		}
		Set<String> tags = query.values("filter[tags]");
		if (tags != null) {
			filters.add((token) -> token.tags.stream().anyMatch(tags::contains));
		}
		String period = query.text("filter[createdAt][period]");
		if (period != null) {
			Duration duration = EmulatorState.naturalDuration(period);
			if (duration != null && !duration.isZero()) {
				Instant since = now.minus(duration);
				filters.add((token) -> !token.createdAt.isBefore(since));
			}
		}
		Instant from = query.date("filter[createdAt][from]");
		if (from != null) {
			filters.add((token) -> !token.createdAt.isBefore(from));
		}
		Instant to = query.date("filter[createdAt][to]");
		if (to != null) {
			filters.add((token) -> !token.createdAt.isAfter(to));
		}
		return (token) -> filters.stream().allMatch((filter) -> filter.test(token));
	}

	private ObjectNode tokenJson(ApiCall call, WaitpointRecord token) {
		ObjectNode node = Json.object()
			.put("id", token.id)
			.put("url", callbackUrl(call, token))
			.put("status", token.status().name());
		if (token.completedAt != null) {
			node.put("completedAt", Json.date(token.completedAt));
		}
		if (token.timeoutAt != null) {
			node.put("timeoutAt", Json.date(token.timeoutAt));
			node.put("completedAfter", Json.date(token.timeoutAt));
		}
		if (token.idempotencyKey != null) {
			node.put("idempotencyKey", token.idempotencyKey);
		}
		if (token.idempotencyKeyExpiresAt != null) {
			node.put("idempotencyKeyExpiresAt", Json.date(token.idempotencyKeyExpiresAt));
		}
		ArrayNode tags = node.putArray("tags");
		token.tags.forEach(tags::add);
		node.put("createdAt", Json.date(token.createdAt));
		return node;
	}

	ApiReply retrieveToken(ApiCall call, ApiPrincipal principal) {
		WaitpointRecord token = tokenInEnv(call, principal);
		ObjectNode node = tokenJson(call, token);
		if (token.output != null) {
			node.put("output", token.output);
		}
		node.put("outputType", (token.outputType != null) ? token.outputType : "application/json");
		node.put("outputIsError", token.outputIsError);
		return ApiReply.json(200, node);
	}

	ApiReply completeToken(ApiCall call, ApiPrincipal principal) {
		principal.requireScope(PublicJwt.accepted("write", "waitpoints", List.of(call.params.get("waitpointId"))));
		WaitpointRecord token = tokenInEnv(call, principal);
		JsonNode body = call.jsonBody();
		if (token.completedAt == null) {
			complete(token, body.get("data"));
		}
		return success();
	}

	ApiReply callback(ApiCall call, ApiPrincipal principal) {
		if (call.header("Content-Length") == null) {
			throw new ApiError(411, "Content-Length header is required");
		}
		WaitpointRecord token = this.state.waitpoints.get(call.params.get("waitpointId"));
		if (token == null) {
			throw new ApiError(404, "Waitpoint not found");
		}
		byte[] expected = callbackHash(token).getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(expected, call.params.get("hash").getBytes(StandardCharsets.UTF_8))) {
			throw new ApiError(401, "Invalid URL, hash doesn't match");
		}
		if (token.settle(this.clock.instant()).completedAt == null) {
			JsonNode data;
			try {
				data = (call.body.length == 0) ? Json.object() : Json.parse(call.body);
			}
			catch (JacksonException ex) {
				data = Json.object();
			}
			complete(token, data);
		}
		return success();
	}

	private static ApiReply success() {
		return ApiReply.json(200, Json.object().put("success", true));
	}

	private WaitpointRecord tokenInEnv(ApiCall call, ApiPrincipal principal) {
		WaitpointRecord token = this.state.waitpoints.get(call.params.get("waitpointId"));
		if (token == null || token.env != principal.env()) {
			throw new ApiError(404, "Waitpoint not found");
		}
		return token.settle(this.clock.instant());
	}

	/**
	 * Completes a token with data as the server stores it: no data, no output; a string
	 * as text; anything else as superjson, kept in object storage from 512 KiB on.
	 * @param token the waiting token
	 * @param data the data, or {@code null}
	 */
	void complete(WaitpointRecord token, @Nullable JsonNode data) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (data == null || data.isMissingNode()) {
			token.complete(now, null, null, false);
			return;
		}
		String output = data.isString() ? data.stringValue() : "{\"json\":" + Json.write(data) + "}";
		String outputType = data.isString() ? "text/plain" : "application/super+json";
		if (output.getBytes(StandardCharsets.UTF_8).length >= RunsHandler.OFFLOAD_THRESHOLD_BYTES) {
			String filename = token.id + "-token." + (data.isString() ? "txt" : "json");
			PacketRecord packet = new PacketRecord(token.env, PacketsHandler.storagePath(token.env, filename));
			packet.contentType = outputType;
			packet.data = output;
			this.state.packets.put(packet.storagePath, packet);
			token.complete(now, filename, "application/store", false);
			return;
		}
		token.complete(now, output, outputType, false);
	}

	/**
	 * The data a token was completed with, as a task receives it: superjson gives its
	 * {@code json} member, a stored packet is read from object storage.
	 * @param state the emulator data
	 * @param token the token
	 * @return the data, {@code null} when it has none
	 */
	static @Nullable JsonNode data(EmulatorState state, WaitpointRecord token) {
		String output = token.output;
		String type = token.outputType;
		if ("application/store".equals(type)) {
			PacketRecord packet = state.packets.get(PacketsHandler.storagePath(token.env, output));
			output = packet.data;
			type = packet.contentType;
		}
		if (output == null) {
			return null;
		}
		if ("text/plain".equals(type)) {
			return Json.valueToTree(output);
		}
		return Json.decodePayload(Json.valueToTree(output), type);
	}

	private String callbackUrl(ApiCall call, WaitpointRecord token) {
		return "http://" + call.header("Host") + "/api/v1/waitpoints/tokens/" + token.id + "/callback/"
				+ callbackHash(token);
	}

	/** Hex HMAC-SHA256 of the token id, keyed with the API key of the token's environment. */
	private String callbackHash(WaitpointRecord token) {
		return hmacHex(this.state.apiKey(token.env), token.id);
	}

	static String hmacHex(String key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
