package io.github.triggerspring.emulator;

import tools.jackson.databind.JsonNode;

/**
 * The idempotency-keys namespace: resets a task's idempotency key, as the server's
 * {@code ResetIdempotencyKeyService} does: every run of the task in the environment that
 * holds the key loses it, and a key that no run holds is a 404.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @author trigger-spring-boot contributors
 */
record IdempotencyKeysHandler(EmulatorState state) {

	ApiReply reset(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		String taskId = Json.text(body, "taskIdentifier");
		if (taskId == null || taskId.isEmpty()) {
			throw new ApiError(400, "Invalid request body: taskIdentifier is required");
		}
		String key = call.params.get("key");
		if (this.state.resetIdempotency(principal.requireEnv(), taskId, key) == 0) {
			throw new ApiError(404, "No runs found with idempotency key: " + key + " and task: " + taskId);
		}
		return ApiReply.json(200, Json.object().put("id", key));
	}

}
