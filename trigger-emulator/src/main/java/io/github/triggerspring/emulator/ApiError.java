package io.github.triggerspring.emulator;

import tools.jackson.databind.node.ObjectNode;

/**
 * Ends a call with an error reply, thrown by the handlers and answered by the router.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	final transient ApiReply reply;

	ApiError(int status, String message) {
		this(ApiReply.error(status, message));
	}

	ApiError(ApiReply reply) {
		super(null, null, false, false);
		this.reply = reply;
	}

	static ApiError query(String name, String message) {
		ObjectNode body = Json.error("Query Error");
		body.putArray("details").addObject().put("message", message).putArray("path").add(name);
		return new ApiError(ApiReply.json(400, body));
	}

}
