package io.github.triggerspring.test;

import java.time.Clock;
import java.time.Duration;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerHttpSettings;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.tasks.IdempotencyKeysClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tokens.PublicTokensClient;
import io.github.triggerspring.waitpoints.WaitpointsClient;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Real Trigger.dev clients pointed at an in-JVM emulator, with fast retries.
 *
 * @author trigger-spring-boot contributors
 */
final class EmulatorClients {

	/** Fast retries for tests: 5 attempts, 10 ms doubling, capped at 40 ms, no jitter. */
	static final TriggerRetryPolicy FAST_RETRY = new TriggerRetryPolicy(5, Duration.ofMillis(10),
			Duration.ofMillis(40), 2, 0);

	/** Response timeout of each attempt; it is timed on the clients' scheduler too. */
	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	/** No retries: the first failure is the call's error. */
	static final TriggerRetryPolicy NO_RETRY = new TriggerRetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0);

	private final TriggerHttpClient http;

	private final DefaultTriggerAuthStrategy authStrategy;

	private EmulatorClients(TriggerEmulator emulator, TriggerCredentials credentials) {
		this(emulator, credentials, FAST_RETRY, Clock.systemUTC(), Schedulers.parallel());
	}

	private EmulatorClients(TriggerEmulator emulator, TriggerCredentials credentials, TriggerRetryPolicy retryPolicy,
			Clock clock, Scheduler scheduler) {
		this.authStrategy = new DefaultTriggerAuthStrategy(credentials);
		this.http = TriggerHttpClient
			.builder(WebClient.builder().baseUrl(emulator.baseUrl()).build(), this.authStrategy,
					JsonMapper.builder().build())
			.settings(TriggerHttpSettings.defaults().withRetry(retryPolicy).withResponseTimeout(RESPONSE_TIMEOUT))
			.clock(clock)
			.scheduler(scheduler)
			.random(() -> 0L) // the policies here have no jitter: nothing is drawn
			.build();
	}

	/**
	 * Clients with the given credentials.
	 * @param emulator the emulator
	 * @param credentials the credentials
	 * @return the clients
	 */
	static EmulatorClients of(TriggerEmulator emulator, TriggerCredentials credentials) {
		return new EmulatorClients(emulator, credentials);
	}

	/**
	 * Clients with the seeded {@code dev} secret key.
	 * @param emulator the emulator
	 * @return the clients
	 */
	static EmulatorClients devKey(TriggerEmulator emulator) {
		return of(emulator, TriggerCredentials.of(EmulatorAccount.DEV_SECRET_KEY, null, EmulatorAccount.PROJECT_REF,
				null, null));
	}

	/**
	 * Clients with the seeded {@code dev} secret key that read rate-limit resets on the
	 * given clock and time their retry waits on the given scheduler.
	 * @param emulator the emulator
	 * @param retryPolicy the retry policy
	 * @param clock the clock, for example the emulator's own
	 * @param scheduler the scheduler, for example a virtual-time one
	 * @return the clients
	 */
	static EmulatorClients devKey(TriggerEmulator emulator, TriggerRetryPolicy retryPolicy, Clock clock,
			Scheduler scheduler) {
		return new EmulatorClients(emulator, TriggerCredentials.of(EmulatorAccount.DEV_SECRET_KEY, null,
				EmulatorAccount.PROJECT_REF, null, null), retryPolicy, clock, scheduler);
	}

	/**
	 * Clients with the seeded credentials of {@link TriggerEmulatorConnectionDetails}.
	 * @param emulator the emulator
	 * @param credentials which credentials
	 * @param environment the environment
	 * @return the clients
	 */
	static EmulatorClients of(TriggerEmulator emulator, EmulatorCredentials credentials,
			TriggerEnvironment environment) {
		TriggerEmulatorConnectionDetails details = TriggerEmulatorConnectionDetails.of(emulator, credentials,
				environment);
		return of(emulator, TriggerCredentials.of(details.getSecretKey(), details.getPersonalAccessToken(),
				details.getProjectRef(), environment, details.getPreviewBranch()));
	}

	/**
	 * Clients with the given access token, targeting an environment.
	 * @param emulator the emulator
	 * @param token the personal or organization access token
	 * @param environment the environment
	 * @param branch the preview branch, or {@code null}
	 * @return the clients
	 */
	static EmulatorClients accessToken(TriggerEmulator emulator, String token, TriggerEnvironment environment,
			@Nullable String branch) {
		return of(emulator, TriggerCredentials.of(null, token, EmulatorAccount.PROJECT_REF, environment, branch));
	}

	TriggerHttpClient http() {
		return this.http;
	}

	RunsClient runs() {
		return new RunsClient(this.http);
	}

	TasksClient tasks() {
		return new TasksClient(this.http, FAST_RETRY);
	}

	EnvVarsClient envVars() {
		return new EnvVarsClient(this.http);
	}

	SchedulesClient schedules() {
		return new SchedulesClient(this.http);
	}

	QueuesClient queues() {
		return new QueuesClient(this.http);
	}

	DeploymentsClient deployments() {
		return new DeploymentsClient(this.http);
	}

	BatchesClient batch() {
		return new BatchesClient(this.http, FAST_RETRY);
	}

	IdempotencyKeysClient idempotencyKeys() {
		return new IdempotencyKeysClient(this.http);
	}

	WaitpointsClient waitpoints() {
		return new WaitpointsClient(this.http);
	}

	PublicTokensClient auth() {
		return new PublicTokensClient(this.http, this.authStrategy);
	}

}
