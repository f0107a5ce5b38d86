package io.github.triggerspring.emulator;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The response to a call: status, body, content type and headers.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiReply {

	final int status;

	final @Nullable String body;

	String contentType = "application/json";

	final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	ApiReply(int status, @Nullable String body) {
		this.status = status;
		this.body = body;
	}

	static ApiReply json(int status, JsonNode body) {
		return new ApiReply(status, Json.write(body));
	}

	static ApiReply error(int status, String message) {
		return json(status, Json.error(message));
	}

	ApiReply contentType(String contentType) {
		this.contentType = contentType;
		return this;
	}

	ApiReply header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

}
