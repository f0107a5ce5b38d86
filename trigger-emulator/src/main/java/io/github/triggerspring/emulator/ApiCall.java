package io.github.triggerspring.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP call: decoded path and query, headers, body (read once the route is known)
 * and the route's path parameters, with the checks of a JSON or NDJSON body. The
 * transport marks the call when its client closes the connection before the response,
 * so that a handler holding the call, such as a realtime long poll, lets it go.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiCall {

	final String method;

	final String path;

	final List<String> segments = new ArrayList<>();

	final Map<String, List<String>> query = new LinkedHashMap<>();

	final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	byte[] body = new byte[0];

	Map<String, String> params = Map.of();

	private volatile boolean clientClosed;

	/**
	 * Decode a call.
	 * @param method the request method
	 * @param uri the request target as sent, path and optional query, still encoded
	 * @param headers the request headers
	 */
	ApiCall(String method, String uri, Map<String, List<String>> headers) {
		this.method = method.toUpperCase(Locale.ROOT);
		int question = uri.indexOf('?');
		String rawPath = (question < 0) ? uri : uri.substring(0, question);
		String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
		if (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		StringBuilder decoded = new StringBuilder();
		for (String segment : trimmed.split("/", -1)) {
			String value = decode(segment.replace("+", "%2B"));
			this.segments.add(value);
			decoded.append('/').append(value);
		}
		this.path = decoded.toString();
		String rawQuery = (question < 0) ? null : uri.substring(question + 1);
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode((equals < 0) ? pair : pair.substring(0, equals));
				String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
				this.query.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
		}
		headers.forEach((name, values) -> this.headers.put(name, List.copyOf(values)));
	}

	/**
	 * Record that the client closed the connection before the response was sent.
	 */
	void clientClosed() {
		this.clientClosed = true;
	}

	/**
	 * Whether the client closed the connection before the response was sent.
	 * @return whether the client is gone
	 */
	boolean isClientClosed() {
		return this.clientClosed;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	@Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	@Nullable String queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	@Nullable String contentType() {
		String contentType = header("content-type");
		if (contentType == null) {
			return null;
		}
		int semicolon = contentType.indexOf(';');
		return ((semicolon < 0) ? contentType : contentType.substring(0, semicolon)).trim()
			.toLowerCase(Locale.ROOT);
	}

	JsonNode jsonBody() {
		String contentType = contentType();
		if (!"application/json".equals(contentType)) {
			throw new ApiError(415, "Content-Type must be application/json");
		}
		if (this.body.length == 0) {
			throw new ApiError(400, "Request body is empty");
		}
		JsonNode parsed;
		try {
			parsed = Json.parse(this.body);
		}
		catch (JacksonException ex) {
			throw new ApiError(400, "Invalid JSON");
		}
		if (parsed == null || !parsed.isObject()) {
			throw new ApiError(400, "Invalid request body: expected a JSON object");
		}
		return parsed;
	}

	String ndjsonBody() {
		String contentType = contentType();
		if (!"application/x-ndjson".equals(contentType) && !"application/ndjson".equals(contentType)) {
			throw new ApiError(415, "Content-Type must be application/x-ndjson or application/ndjson");
		}
		return new String(this.body, StandardCharsets.UTF_8);
	}

	static int queryInt(String name, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw ApiError.query(name, "Expected number, received '" + value + "'");
		}
	}

}
