package io.github.triggerspring.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The endpoint/credential table: every management API endpoint the clients call, with
 * the kinds of credential it accepts. Rows follow the vendor's "Management API:
 * Authentication" page; endpoints added later join this table, with the credentials the
 * vendor's API reference gives them (a secret key for queues and deployments). Public
 * access tokens are accepted where the API reference's Auth column says JWT.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum TriggerEndpoint {

	/** Trigger one run of a task. */
	TASK_TRIGGER("task.trigger", Namespace.TASKS, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/** Trigger a batch of runs (both phases of the two-phase protocol). */
	TASK_BATCH_TRIGGER("task.batchTrigger", Namespace.TASKS, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/** List runs: environment-wide with a secret key, project-wide with an access token. */
	RUNS_LIST("runs.list", Namespace.RUNS, false, CredentialKind.SECRET_KEY, CredentialKind.PERSONAL_ACCESS_TOKEN,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/** Retrieve one run. */
	RUNS_RETRIEVE("runs.retrieve", Namespace.RUNS, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/** Cancel a run. */
	RUNS_CANCEL("runs.cancel", Namespace.RUNS, false, CredentialKind.SECRET_KEY),

	/** Replay a run as a new run. */
	RUNS_REPLAY("runs.replay", Namespace.RUNS, false, CredentialKind.SECRET_KEY),

	/** Move the start of a delayed run. */
	RUNS_RESCHEDULE("runs.reschedule", Namespace.RUNS, false, CredentialKind.SECRET_KEY),

	/** Add tags to a run (the REST endpoint behind the SDK's in-task {@code tags.add}). */
	RUNS_ADD_TAGS("runs.addTags", Namespace.RUNS, false, CredentialKind.SECRET_KEY),

	/** Read a run's metadata. */
	RUNS_RETRIEVE_METADATA("runs.retrieveMetadata", Namespace.RUNS, false, CredentialKind.SECRET_KEY),

	/** Replace a run's metadata or apply operations to it. */
	RUNS_UPDATE_METADATA("runs.updateMetadata", Namespace.RUNS, false, CredentialKind.SECRET_KEY),

	/** List the env vars of an environment. */
	ENVVARS_LIST("envvars.list", Namespace.ENVVARS, true, CredentialKind.SECRET_KEY,
			CredentialKind.PERSONAL_ACCESS_TOKEN),

	/** Retrieve one env var. */
	ENVVARS_RETRIEVE("envvars.retrieve", Namespace.ENVVARS, true, CredentialKind.SECRET_KEY,
			CredentialKind.PERSONAL_ACCESS_TOKEN),

	/** Import several env vars at once. */
	ENVVARS_UPLOAD("envvars.upload", Namespace.ENVVARS, true, CredentialKind.SECRET_KEY,
			CredentialKind.PERSONAL_ACCESS_TOKEN),

	/** Create (upsert) one env var. */
	ENVVARS_CREATE("envvars.create", Namespace.ENVVARS, true, CredentialKind.SECRET_KEY,
			CredentialKind.PERSONAL_ACCESS_TOKEN),

	/** Update the value of one env var. */
	ENVVARS_UPDATE("envvars.update", Namespace.ENVVARS, true, CredentialKind.SECRET_KEY,
			CredentialKind.PERSONAL_ACCESS_TOKEN),

	/** Delete one env var. */
	ENVVARS_DEL("envvars.del", Namespace.ENVVARS, true, CredentialKind.SECRET_KEY,
			CredentialKind.PERSONAL_ACCESS_TOKEN),

	/** List schedules. */
	SCHEDULES_LIST("schedules.list", Namespace.SCHEDULES, false, CredentialKind.SECRET_KEY),

	/** Create (or update by deduplication key) a schedule. */
	SCHEDULES_CREATE("schedules.create", Namespace.SCHEDULES, false, CredentialKind.SECRET_KEY),

	/** Retrieve one schedule. */
	SCHEDULES_RETRIEVE("schedules.retrieve", Namespace.SCHEDULES, false, CredentialKind.SECRET_KEY),

	/** Update a schedule. */
	SCHEDULES_UPDATE("schedules.update", Namespace.SCHEDULES, false, CredentialKind.SECRET_KEY),

	/** Activate a schedule. */
	SCHEDULES_ACTIVATE("schedules.activate", Namespace.SCHEDULES, false, CredentialKind.SECRET_KEY),

	/** Deactivate a schedule. */
	SCHEDULES_DEACTIVATE("schedules.deactivate", Namespace.SCHEDULES, false, CredentialKind.SECRET_KEY),

	/** Delete a schedule. */
	SCHEDULES_DEL("schedules.del", Namespace.SCHEDULES, false, CredentialKind.SECRET_KEY),

	/** List the IANA time zones that schedules accept; sent with no credential. */
	SCHEDULES_TIMEZONES("schedules.timezones", Namespace.SCHEDULES, false),

	/** List the queues of the environment. */
	QUEUES_LIST("queues.list", Namespace.QUEUES, false, CredentialKind.SECRET_KEY),

	/** Retrieve one queue. */
	QUEUES_RETRIEVE("queues.retrieve", Namespace.QUEUES, false, CredentialKind.SECRET_KEY),

	/** Pause a queue: no new runs start from it. */
	QUEUES_PAUSE("queues.pause", Namespace.QUEUES, false, CredentialKind.SECRET_KEY),

	/** Resume a paused queue. */
	QUEUES_RESUME("queues.resume", Namespace.QUEUES, false, CredentialKind.SECRET_KEY),

	/** Override the concurrency limit of a queue. */
	QUEUES_OVERRIDE_CONCURRENCY_LIMIT("queues.overrideConcurrencyLimit", Namespace.QUEUES, false,
			CredentialKind.SECRET_KEY),

	/** Reset the concurrency limit of a queue to the one defined in code. */
	QUEUES_RESET_CONCURRENCY_LIMIT("queues.resetConcurrencyLimit", Namespace.QUEUES, false,
			CredentialKind.SECRET_KEY),

	/** List the deployments of the environment. */
	DEPLOYMENTS_LIST("deployments.list", Namespace.DEPLOYMENTS, false, CredentialKind.SECRET_KEY),

	/** Retrieve the deployment that is current in the environment. */
	DEPLOYMENTS_RETRIEVE_CURRENT("deployments.retrieveCurrent", Namespace.DEPLOYMENTS, false,
			CredentialKind.SECRET_KEY),

	/** Retrieve one deployment by id. */
	DEPLOYMENTS_RETRIEVE("deployments.retrieve", Namespace.DEPLOYMENTS, false, CredentialKind.SECRET_KEY),

	/** Retrieve the latest unmanaged deployment. */
	DEPLOYMENTS_LATEST("deployments.latest", Namespace.DEPLOYMENTS, false, CredentialKind.SECRET_KEY),

	/** Promote a deployed version to be the current one. */
	DEPLOYMENTS_PROMOTE("deployments.promote", Namespace.DEPLOYMENTS, false, CredentialKind.SECRET_KEY),

	/**
	 * Trigger a batch whose items name their own tasks (both phases of the two-phase
	 * protocol).
	 */
	BATCH_TRIGGER("batch.trigger", Namespace.BATCH, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/** Retrieve a batch: its status, runs and processing errors. */
	BATCH_RETRIEVE("batch.retrieve", Namespace.BATCH, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/**
	 * Get a presigned URL for uploading a large payload to object storage before it is
	 * triggered ({@code PUT /api/v2/packets/{filename}}).
	 */
	PACKETS_UPLOAD("packets.upload", Namespace.TASKS, false, CredentialKind.SECRET_KEY),

	/**
	 * Get a presigned URL for downloading a packet that the server keeps in object storage
	 * ({@code GET /api/v1/packets/{filename}}), such as a large waitpoint output.
	 */
	PACKETS_RETRIEVE("packets.retrieve", Namespace.WAIT, false, CredentialKind.SECRET_KEY),

	/** Reset an idempotency key, so that the next trigger with it creates a new run. */
	IDEMPOTENCY_KEYS_RESET("idempotencyKeys.reset", Namespace.IDEMPOTENCY_KEYS, false, CredentialKind.SECRET_KEY),

	/** Subscribe to one run's changes ({@code GET /realtime/v1/runs/{runId}}). */
	RUNS_SUBSCRIBE_TO_RUN("runs.subscribeToRun", Namespace.RUNS, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/** Subscribe to the runs that carry tags ({@code GET /realtime/v1/runs?tags=…}). */
	RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG("runs.subscribeToRunsWithTag", Namespace.RUNS, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/** Subscribe to the runs of a batch ({@code GET /realtime/v1/batches/{batchId}}). */
	RUNS_SUBSCRIBE_TO_BATCH("runs.subscribeToBatch", Namespace.BATCH, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),
	/** Create a waitpoint token, which a run can wait for until it is completed. */
	WAIT_CREATE_TOKEN("wait.createToken", Namespace.WAIT, false, CredentialKind.SECRET_KEY),

	/** List the waitpoint tokens of the environment. */
	WAIT_LIST_TOKENS("wait.listTokens", Namespace.WAIT, false, CredentialKind.SECRET_KEY),

	/** Retrieve a waitpoint token with its output. */
	WAIT_RETRIEVE_TOKEN("wait.retrieveToken", Namespace.WAIT, false, CredentialKind.SECRET_KEY),

	/** Complete a waitpoint token, resuming the runs that wait for it. */
	WAIT_COMPLETE_TOKEN("wait.completeToken", Namespace.WAIT, false, CredentialKind.SECRET_KEY,
			CredentialKind.PUBLIC_ACCESS_TOKEN),

	/**
	 * Read the claims a root secret key signs public access tokens with
	 * ({@code POST /api/v1/auth/jwt/claims}).
	 */
	AUTH_JWT_CLAIMS("auth.jwtClaims", Namespace.AUTH, false, CredentialKind.SECRET_KEY),

	/**
	 * Have the server mint a public access token, for additional secret keys, which cannot
	 * sign one ({@code POST /api/v1/auth/public-tokens}).
	 */
	AUTH_PUBLIC_TOKENS("auth.publicTokens", Namespace.AUTH, false, CredentialKind.SECRET_KEY);

	private final String id;

	private final Namespace namespace;

	private final boolean projectScoped;

	private final Set<CredentialKind> accepts;

	TriggerEndpoint(String id, Namespace namespace, boolean projectScoped, CredentialKind... accepts) {
		this.id = id;
		this.namespace = namespace;
		this.projectScoped = projectScoped;
		this.accepts = (accepts.length != 0) ? Collections.unmodifiableSet(EnumSet.of(accepts[0], accepts))
				: Collections.emptySet();
	}

	/**
	 * Name of the endpoint as the vendor's documentation writes it, for example
	 * {@code runs.list}.
	 * @return the endpoint id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Client namespace that calls this endpoint.
	 * @return the namespace
	 */
	public Namespace namespace() {
		return this.namespace;
	}

	/**
	 * Whether the endpoint's path names a project and an environment, so that every call
	 * needs a project ref whatever the credential.
	 * @return whether the endpoint is project scoped
	 */
	public boolean isProjectScoped() {
		return this.projectScoped;
	}

	/**
	 * Kinds of credential the endpoint accepts; empty for an endpoint that is called
	 * without any credential.
	 * @return the accepted credential kinds
	 */
	public Set<CredentialKind> accepts() {
		return this.accepts;
	}

	/**
	 * Whether the endpoint accepts credentials of the given kind.
	 * @param kind the credential kind
	 * @return whether it is accepted
	 */
	public boolean accepts(CredentialKind kind) {
		return this.accepts.contains(kind);
	}

	/**
	 * Whether the endpoint is called without any credential.
	 * @return whether the endpoint is public
	 */
	public boolean isPublic() {
		return this.accepts.isEmpty();
	}

	@Override
	public String toString() {
		return this.id;
	}

	/**
	 * Client namespaces, one client type each.
	 */
	public enum Namespace {

		/** {@code tasks.*}. */
		TASKS,

		/** {@code runs.*}. */
		RUNS,

		/** {@code envvars.*}. */
		ENVVARS,

		/** {@code schedules.*}. */
		SCHEDULES,

		/** {@code queues.*}. */
		QUEUES,

		/** {@code deployments.*}. */
		DEPLOYMENTS,

		/** {@code batch.*}. */
		BATCH,

		/** {@code idempotencyKeys.*}. */
		IDEMPOTENCY_KEYS,

		/** {@code wait.*}: waitpoint tokens. */
		WAIT,

		/** {@code auth.*}. */
		AUTH

	}

}
