package io.github.triggerspring.emulator;

import java.util.Optional;

/**
 * The endpoints the emulator serves, named like the SDK functions in the Trigger.dev
 * authentication table. The {@link #id()} is what {@link Faults} and {@link Journal}
 * accept as an endpoint id.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum EmulatorEndpoint {

	/** {@code POST /api/v1/tasks/{taskId}/trigger}. */
	TASK_TRIGGER("task.trigger"),
	/**
	 * Both phases of a batch trigger; as a fault target it matches
	 * {@link #TASK_BATCH_TRIGGER_CREATE} and {@link #TASK_BATCH_TRIGGER_ITEMS}.
	 */
	TASK_BATCH_TRIGGER("task.batchTrigger"),
	/** Phase 1 of a batch trigger: {@code POST /api/v3/batches}. */
	TASK_BATCH_TRIGGER_CREATE("task.batchTrigger.create"),
	/** Phase 2 of a batch trigger: {@code POST /api/v3/batches/{id}/items}. */
	TASK_BATCH_TRIGGER_ITEMS("task.batchTrigger.items"),
	/** {@code GET /api/v2/batches/{id}}. */
	BATCH_RETRIEVE("batch.retrieve"),
	/** {@code GET /api/v1/runs} and {@code GET /api/v1/projects/{projectRef}/runs}. */
	RUNS_LIST("runs.list"),
	/** {@code GET /api/v3/runs/{id}}. */
	RUNS_RETRIEVE("runs.retrieve"),
	/** {@code POST /api/v2/runs/{id}/cancel}. */
	RUNS_CANCEL("runs.cancel"),
	/** {@code POST /api/v1/runs/{id}/replay}. */
	RUNS_REPLAY("runs.replay"),
	/** {@code POST /api/v1/runs/{id}/reschedule}. */
	RUNS_RESCHEDULE("runs.reschedule"),
	/** {@code POST /api/v1/runs/{id}/tags}. */
	RUNS_ADD_TAGS("runs.addTags"),
	/** {@code GET /realtime/v1/runs/{id}}: a realtime subscription to one run. */
	RUNS_SUBSCRIBE_TO_RUN("runs.subscribeToRun"),
	/** {@code GET /realtime/v1/runs?tags=…}: a realtime subscription to tagged runs. */
	RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG("runs.subscribeToRunsWithTag"),
	/** {@code GET /realtime/v1/batches/{id}}: a realtime subscription to a batch's runs. */
	RUNS_SUBSCRIBE_TO_BATCH("runs.subscribeToBatch"),
	/** {@code GET /api/v1/runs/{id}/metadata}. */
	RUNS_RETRIEVE_METADATA("runs.retrieveMetadata"),
	/** {@code PUT /api/v1/runs/{id}/metadata}. */
	RUNS_UPDATE_METADATA("runs.updateMetadata"),
	/**
	 * {@code GET /packets/{runId}/{file}}: the presigned URL of an offloaded payload or
	 * output, and {@code GET /packets/{token}}: a presigned download URL of a stored packet
	 * (no authentication, like an object-storage URL).
	 */
	PACKETS_DOWNLOAD("packets.download"),
	/** {@code GET /api/v1/projects/{projectRef}/envvars/{env}}. */
	ENVVARS_LIST("envvars.list"),
	/** {@code GET /api/v1/projects/{projectRef}/envvars/{env}/{name}}. */
	ENVVARS_RETRIEVE("envvars.retrieve"),
	/** {@code POST /api/v1/projects/{projectRef}/envvars/{env}/import}. */
	ENVVARS_UPLOAD("envvars.upload"),
	/** {@code POST /api/v1/projects/{projectRef}/envvars/{env}}. */
	ENVVARS_CREATE("envvars.create"),
	/** {@code PUT /api/v1/projects/{projectRef}/envvars/{env}/{name}}. */
	ENVVARS_UPDATE("envvars.update"),
	/** {@code DELETE /api/v1/projects/{projectRef}/envvars/{env}/{name}}. */
	ENVVARS_DEL("envvars.del"),
	/** {@code GET /api/v1/schedules}. */
	SCHEDULES_LIST("schedules.list"),
	/** {@code POST /api/v1/schedules}. */
	SCHEDULES_CREATE("schedules.create"),
	/** {@code GET /api/v1/schedules/{id}}. */
	SCHEDULES_RETRIEVE("schedules.retrieve"),
	/** {@code PUT /api/v1/schedules/{id}}. */
	SCHEDULES_UPDATE("schedules.update"),
	/** {@code POST /api/v1/schedules/{id}/activate}. */
	SCHEDULES_ACTIVATE("schedules.activate"),
	/** {@code POST /api/v1/schedules/{id}/deactivate}. */
	SCHEDULES_DEACTIVATE("schedules.deactivate"),
	/** {@code DELETE /api/v1/schedules/{id}}. */
	SCHEDULES_DEL("schedules.del"),
	/** {@code GET /api/v1/timezones} (no authentication). */
	SCHEDULES_TIMEZONES("schedules.timezones"),
	/** {@code GET /api/v1/queues}. */
	QUEUES_LIST("queues.list"),
	/** {@code GET /api/v1/queues/{queue}}. */
	QUEUES_RETRIEVE("queues.retrieve"),
	/** {@code POST /api/v1/queues/{queue}/pause} with {@code "action": "pause"}. */
	QUEUES_PAUSE("queues.pause"),
	/** {@code POST /api/v1/queues/{queue}/pause} with {@code "action": "resume"}. */
	QUEUES_RESUME("queues.resume"),
	/** {@code POST /api/v1/queues/{queue}/concurrency/override}. */
	QUEUES_OVERRIDE_CONCURRENCY_LIMIT("queues.overrideConcurrencyLimit"),
	/** {@code POST /api/v1/queues/{queue}/concurrency/reset}. */
	QUEUES_RESET_CONCURRENCY_LIMIT("queues.resetConcurrencyLimit"),
	/** {@code GET /api/v1/deployments} (deployment limiter). */
	DEPLOYMENTS_LIST("deployments.list"),
	/** {@code GET /api/v1/deployments/current} (general limiter). */
	DEPLOYMENTS_RETRIEVE_CURRENT("deployments.retrieveCurrent"),
	/** {@code GET /api/v1/deployments/{id}} (deployment limiter). */
	DEPLOYMENTS_RETRIEVE("deployments.retrieve"),
	/** {@code GET /api/v1/deployments/latest} (deployment limiter). */
	DEPLOYMENTS_LATEST("deployments.latest"),
	/** {@code POST /api/v1/deployments/{version}/promote} (deployment limiter). */
	DEPLOYMENTS_PROMOTE("deployments.promote"),

	/** {@code POST /api/v1/idempotencyKeys/{key}/reset}. */
	IDEMPOTENCY_KEYS_RESET("idempotencyKeys.reset"),
	/** {@code PUT /api/v2/packets/{filename}}: a presigned URL for a large payload. */
	PACKETS_UPLOAD("packets.upload"),
	/**
	 * {@code PUT /packets/{token}}: the emulated object storage behind the presigned
	 * URLs (no authentication).
	 */
	PACKETS_OBJECT_STORE("packets.objectStore"),
	/**
	 * {@code GET /api/v1/packets/{filename}}: a presigned URL for downloading a stored
	 * packet, such as a large waitpoint output.
	 */
	PACKETS_RETRIEVE("packets.retrieve"),
	/** {@code POST /api/v1/waitpoints/tokens}. */
	WAIT_CREATE_TOKEN("wait.createToken"),
	/** {@code GET /api/v1/waitpoints/tokens}. */
	WAIT_LIST_TOKENS("wait.listTokens"),
	/** {@code GET /api/v1/waitpoints/tokens/{id}}. */
	WAIT_RETRIEVE_TOKEN("wait.retrieveToken"),
	/** {@code POST /api/v1/waitpoints/tokens/{id}/complete}. */
	WAIT_COMPLETE_TOKEN("wait.completeToken"),
	/**
	 * {@code POST /api/v1/waitpoints/tokens/{id}/callback/{hash}}: the callback URL of a
	 * token (no authentication; the hash is the credential).
	 */
	WAIT_TOKEN_CALLBACK("wait.tokenCallback"),
	/** {@code POST /api/v1/auth/jwt/claims}: the claims a root key signs tokens with. */
	AUTH_JWT_CLAIMS("auth.jwtClaims"),
	/** {@code POST /api/v1/auth/public-tokens}: a token minted by the server. */
	AUTH_PUBLIC_TOKENS("auth.publicTokens");

	private final String id;

	EmulatorEndpoint(String id) {
		this.id = id;
	}

	/**
	 * The endpoint id, for example {@code task.trigger}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Find an endpoint by id.
	 * @param id the id
	 * @return the endpoint, if any
	 */
	public static Optional<EmulatorEndpoint> fromId(String id) {
		for (EmulatorEndpoint endpoint : values()) {
			if (endpoint.id.equals(id)) {
				return Optional.of(endpoint);
			}
		}
		return Optional.empty();
	}

}
