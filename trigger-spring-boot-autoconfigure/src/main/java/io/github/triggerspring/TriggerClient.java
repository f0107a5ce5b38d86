package io.github.triggerspring;

import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.tasks.IdempotencyKeysClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tokens.PublicTokensClient;
import io.github.triggerspring.waitpoints.WaitpointsClient;

/**
 * Entry point to every namespace of the Trigger.dev management API, for code that uses
 * several of them. Each namespace client can also be injected on its own.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerClient {

	private final TasksClient tasks;

	private final RunsClient runs;

	private final EnvVarsClient envVars;

	private final SchedulesClient schedules;

	private final QueuesClient queues;

	private final DeploymentsClient deployments;
	private final BatchesClient batch;

	private final IdempotencyKeysClient idempotencyKeys;

	private final WaitpointsClient waitpoints;
	private final PublicTokensClient auth;

	/**
	 * Creates a client from the namespace clients.
	 * @param tasks the tasks client
	 * @param runs the runs client
	 * @param envVars the env-vars client
	 * @param schedules the schedules client
	 * @param queues the queues client
	 * @param deployments the deployments client
	 * @param batch the batches client
	 * @param idempotencyKeys the idempotency-keys client
	 * @param waitpoints the waitpoints client
	 * @param auth the public-tokens client
	 */
	public TriggerClient(TasksClient tasks, RunsClient runs, EnvVarsClient envVars, SchedulesClient schedules,
			QueuesClient queues, DeploymentsClient deployments, BatchesClient batch,
			IdempotencyKeysClient idempotencyKeys, WaitpointsClient waitpoints, PublicTokensClient auth) {
		this.tasks = tasks;
		this.runs = runs;
		this.envVars = envVars;
		this.schedules = schedules;
		this.queues = queues;
		this.deployments = deployments;
		this.batch = batch;
		this.idempotencyKeys = idempotencyKeys;
		this.waitpoints = waitpoints;
		this.auth = auth;
	}

	/**
	 * Client for {@code tasks.*}.
	 * @return the tasks client
	 */
	public TasksClient tasks() {
		return this.tasks;
	}

	/**
	 * Client for {@code runs.*}.
	 * @return the runs client
	 */
	public RunsClient runs() {
		return this.runs;
	}

	/**
	 * Client for {@code envvars.*}.
	 * @return the env-vars client
	 */
	public EnvVarsClient envVars() {
		return this.envVars;
	}

	/**
	 * Client for {@code schedules.*}.
	 * @return the schedules client
	 */
	public SchedulesClient schedules() {
		return this.schedules;
	}

	/**
	 * Client for {@code queues.*}.
	 * @return the queues client
	 */
	public QueuesClient queues() {
		return this.queues;
	}

	/**
	 * Client for {@code deployments.*}.
	 * @return the deployments client
	 */
	public DeploymentsClient deployments() {
		return this.deployments;
	}

	/**
	 * Client for {@code batch.*}.
	 * @return the batches client
	 */
	public BatchesClient batch() {
		return this.batch;
	}

	/**
	 * Client for {@code idempotencyKeys.*}.
	 * @return the idempotency-keys client
	 */
	public IdempotencyKeysClient idempotencyKeys() {
		return this.idempotencyKeys;
	}

	/**
	 * Client for {@code wait.*}: waitpoint tokens.
	 * @return the waitpoints client
	 */
	public WaitpointsClient waitpoints() {
		return this.waitpoints;
	}

	/**
	 * Client for {@code auth.*}: public access tokens for frontends.
	 * @return the public-tokens client
	 */
	public PublicTokensClient auth() {
		return this.auth;
	}

}
