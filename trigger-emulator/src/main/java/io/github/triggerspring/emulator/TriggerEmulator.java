package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

/**
 * An in-memory emulator of the Trigger.dev management API, served over HTTP by Reactor
 * Netty. It starts in milliseconds and is meant for tests:
 *
 * <pre class="code">
 * try (TriggerEmulator emulator = TriggerEmulator.start()) {
 *     // point a client at emulator.baseUrl() with EmulatorAccount.DEV_SECRET_KEY
 *     emulator.taskBehavior("send-email", TaskBehavior.fails("SMTP down"));
 *     emulator.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.status(503).times(2));
 *     ...
 *     assertThat(emulator.journal().triggers("send-email")).hasSize(1);
 * }
 * </pre>
 *
 * The emulator starts with the account described by {@link EmulatorAccount};
 * {@link #reset()} returns to it. Like the API, it answers 413 to request bodies over the
 * API's size limits without reading them whole. Large payloads are offloaded as on the
 * real API: {@code PUT /api/v2/packets/{filename}} hands out a presigned URL of the
 * emulator's own ({@code /packets/{token}}, no credential), and a run whose payload is
 * {@code application/store} is recorded with the packet uploaded there. Its
 * {@link #journal() journal} masks credentials. All methods are thread-safe.
 * <p>
 * The emulator notices at once when a client closes a connection while it holds a
 * realtime live long poll, as a subscriber that cancels does: it releases the poll and
 * counts the close ({@link #closedRealtimeConnections()},
 * {@link RecordedRequest#clientClosed()}).
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TriggerEmulator implements AutoCloseable {

	private final EmulatorState state = new EmulatorState();

	private final Journal journal = new Journal();

	private final Faults faults = new Faults();

	private final RateLimitWindow rateLimitWindow = new RateLimitWindow();

	private final RateLimitWindow deploymentRateLimitWindow = new RateLimitWindow();

	private final EmulatorClock clock;

	private final ApiRouter.Sleeper sleeper;

	private final String host;

	private final int requestedPort;

	private @Nullable ApiServer server;

	private TriggerEmulator(Builder builder) {
		this.clock = builder.clock;
		this.sleeper = builder.sleeper;
		this.host = builder.host;
		this.requestedPort = builder.port;
	}

	/**
	 * Start an emulator on a random free port of {@code 127.0.0.1}.
	 * @return the running emulator
	 */
	public static TriggerEmulator start() {
		return builder().build().start();
	}

	/**
	 * Create a builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private synchronized TriggerEmulator start0() {
		if (this.server != null) {
			throw new IllegalStateException("The emulator is already started");
		}
		this.server = ApiServer.start(new ApiRouter(this.state, this.clock, this.journal, this.faults,
				this.rateLimitWindow, this.deploymentRateLimitWindow, this.sleeper), this.host, this.requestedPort);
		return this;
	}

	/**
	 * Base URL to configure clients with, for example {@code http://127.0.0.1:54321}
	 * (no trailing slash).
	 * @return the base URL
	 */
	public String baseUrl() {
		String address = this.host.equals("0.0.0.0") ? "127.0.0.1" : this.host;
		if (address.contains(":")) {
			address = "[" + address + "]";
		}
		return "http://" + address + ":" + port();
	}

	/**
	 * The port the emulator listens on.
	 * @return the port
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("The emulator is not running");
		}
		return this.server.port();
	}

	/**
	 * Whether the emulator accepts connections.
	 * @return whether it is running
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Stop the server: close its connections and release the held realtime long polls.
	 * Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	/**
	 * Return to the seeded default state: forget runs, batches, schedules, env vars,
	 * queues, deployments, added projects and credentials, task behaviours, the journal,
	 * the faults and the requests counted in the current rate-limit windows. The clock is
	 * left as it is.
	 */
	public void reset() {
		synchronized (this.state) {
			this.state.reset();
		}
		this.journal.clear();
		this.faults.clear();
		this.rateLimitWindow.reset();
		this.deploymentRateLimitWindow.reset();
	}

	/**
	 * The requests received so far.
	 * @return the journal
	 */
	public Journal journal() {
		return this.journal;
	}

	/**
	 * The injected faults.
	 * @return the fault registry
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * The clock that drives run timestamps and statuses, rate-limit resets and token
	 * timestamps.
	 * @return the clock
	 */
	public EmulatorClock clock() {
		return this.clock;
	}

	// ------------------------------------------------------------ tasks

	/**
	 * Set how runs of a task behave from now on (runs already created keep theirs).
	 * @param taskId the task identifier
	 * @param behavior the behaviour
	 * @return this emulator
	 */
	public TriggerEmulator taskBehavior(String taskId, TaskBehavior behavior) {
		Objects.requireNonNull(taskId, "taskId");
		Objects.requireNonNull(behavior, "behavior");
		synchronized (this.state) {
			this.state.behaviors.put(taskId, behavior);
		}
		return this;
	}

	/**
	 * Set how runs of tasks without a specific behaviour behave (by default they complete
	 * at once).
	 * @param behavior the behaviour
	 * @return this emulator
	 */
	public TriggerEmulator defaultTaskBehavior(TaskBehavior behavior) {
		Objects.requireNonNull(behavior, "behavior");
		synchronized (this.state) {
			this.state.defaultBehavior = behavior;
		}
		return this;
	}

	/**
	 * Declare the deployed tasks. Once any task is registered, triggering an unknown task
	 * answers 404 {@code {"error":"Task not found"}}; by default every task id is
	 * accepted.
	 * @param taskIds the task identifiers
	 * @return this emulator
	 */
	public TriggerEmulator registerTasks(String... taskIds) {
		synchronized (this.state) {
			this.state.knownTasks.addAll(List.of(taskIds));
		}
		return this;
	}

	// ------------------------------------------------------------ account

	/**
	 * Add a project with the four environments and a generated secret key each. The
	 * default access tokens do not get access to it.
	 * @param projectRef the project ref, for example {@code proj_other}
	 * @return the project and its keys
	 */
	public EmulatorProject addProject(String projectRef) {
		Objects.requireNonNull(projectRef, "projectRef");
		synchronized (this.state) {
			ProjectRecord project = this.state.addProject(projectRef);
			Map<EmulatedEnvironment, String> keys = new EnumMap<>(EmulatedEnvironment.class);
			for (EmulatedEnvironment type : EmulatedEnvironment.values()) {
				String key = Ids.secretKey(type);
				this.state.secretKeys.put(key, project.root(type));
				keys.put(type, key);
			}
			return new EmulatorProject(projectRef, keys);
		}
	}

	/**
	 * Register an additional secret key for an environment of a project.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @param secretKey the key; must start with the environment's prefix
	 * @return this emulator
	 */
	public TriggerEmulator addSecretKey(String projectRef, EmulatedEnvironment environment, String secretKey) {
		if (!secretKey.startsWith(environment.keyPrefix())) {
			throw new IllegalArgumentException("A " + environment.slug() + " key must start with "
					+ environment.keyPrefix());
		}
		synchronized (this.state) {
			this.state.secretKeys.put(secretKey, this.state.project(projectRef).root(environment));
		}
		return this;
	}

	/**
	 * Restrict what a secret key may grant when the server mints public access tokens for
	 * it ({@code POST /api/v1/auth/public-tokens}), as for an additional key with limited
	 * rights: a requested scope is granted if it is listed, or if its type-level scope
	 * (for example {@code read:runs} for {@code read:runs:run_1}) is; others are denied
	 * with a 403 that lists them.
	 * @param secretKey a registered secret key
	 * @param grantableScopes the scopes the key may grant
	 * @return this emulator
	 */
	public TriggerEmulator restrictSecretKey(String secretKey, String... grantableScopes) {
		synchronized (this.state) {
			if (!this.state.secretKeys.containsKey(secretKey)) {
				throw new IllegalArgumentException("Unknown secret key");
			}
			this.state.grantableScopes.put(secretKey, Set.of(grantableScopes));
		}
		return this;
	}

	/**
	 * Add a preview branch to a project.
	 * @param projectRef the project ref
	 * @param branch the branch name
	 * @return this emulator
	 */
	public TriggerEmulator addPreviewBranch(String projectRef, String branch) {
		synchronized (this.state) {
			this.state.project(projectRef).addPreviewBranch(Objects.requireNonNull(branch, "branch"));
		}
		return this;
	}

	/**
	 * Create a personal access token ({@code tr_pat_…}) with access to the given
	 * projects.
	 * @param projectRefs the projects
	 * @return the token
	 */
	public String addPersonalAccessToken(String... projectRefs) {
		return addAccessToken(Ids.personalAccessToken(), projectRefs);
	}

	/**
	 * Create an organization access token ({@code tr_oat_…}) with access to the given
	 * projects.
	 * @param projectRefs the projects
	 * @return the token
	 */
	public String addOrganizationAccessToken(String... projectRefs) {
		return addAccessToken(Ids.organizationAccessToken(), projectRefs);
	}

	private String addAccessToken(String token, String... projectRefs) {
		Set<String> refs = new LinkedHashSet<>(List.of(projectRefs));
		synchronized (this.state) {
			refs.forEach(this.state::project);
			this.state.accessTokens.put(token, new EmulatorState.AccessToken(token, refs));
		}
		return token;
	}

	// ------------------------------------------------------------ seeding

	/**
	 * Add a run without going through the API.
	 * @param seed the run description
	 * @return the run id
	 */
	public String seedRun(RunSeed seed) {
		synchronized (this.state) {
			EnvRecord env = this.state.env(seed.projectRef, seed.environment, seed.branch);
			java.time.Instant now = this.clock.instant();
			java.time.Instant createdAt = (seed.createdAt != null) ? seed.createdAt.truncatedTo(ChronoUnit.MILLIS)
					: now;
			RunRecord run = this.state.newRun(env, seed.taskId, createdAt);
			if (seed.behavior != null) {
				run.behavior = seed.behavior;
			}
			run.fixedStatus = seed.status;
			if (seed.payload != null) {
				run.payload = Json.valueToTree(seed.payload);
			}
			run.tags = new java.util.ArrayList<>(seed.tags);
			run.version = seed.version;
			run.test = seed.test;
			run.metadata = (seed.metadata != null) ? Json.valueToTree(seed.metadata) : null;
			run.machine = seed.machine;
			if (seed.queue != null) {
				run.queue = seed.queue;
			}
			run.region = seed.region;
			run.scheduleId = seed.scheduleId;
			run.bulkActionId = seed.bulkActionId;
			if (seed.delayedUntil != null) {
				run.delayUntil = seed.delayedUntil.truncatedTo(ChronoUnit.MILLIS);
			}
			if (seed.idempotencyKey != null) {
				this.state.rememberIdempotency(run, seed.idempotencyKey, null, now);
			}
			return run.id;
		}
	}

	/**
	 * Create a sealed batch of seeded runs without going through the API.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @param branch the preview branch, or {@code null} for the environment itself
	 * @param runIds the batch's runs, in item order; each must be a run of that
	 * environment
	 * @return the batch id
	 * @throws IllegalArgumentException if a run does not exist in that environment
	 */
	public String seedBatch(String projectRef, EmulatedEnvironment environment, @Nullable String branch,
			String... runIds) {
		synchronized (this.state) {
			EnvRecord env = this.state.env(projectRef, environment, branch);
			java.time.Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			BatchRecord batch = new BatchRecord(Ids.friendly("batch_"), env, runIds.length, null, now);
			for (String runId : runIds) {
				RunRecord run = this.state.runs.get(runId);
				if (run == null || run.env != env) {
					throw new IllegalArgumentException("No run " + runId + " in " + environment);
				}
				run.batchId = batch.id;
				batch.runIdsByIndex.put(batch.runIdsByIndex.size(), runId);
			}
			batch.sealedAt = now;
			this.state.batches.put(batch.id, batch);
			return batch.id;
		}
	}

	/**
	 * Current status of a run, on the emulator clock.
	 * @param runId the run id
	 * @return the status
	 * @throws IllegalArgumentException if there is no such run
	 */
	public EmulatedRunStatus runStatus(String runId) {
		synchronized (this.state) {
			RunRecord run = this.state.runs.get(runId);
			if (run == null) {
				throw new IllegalArgumentException("Unknown run '" + runId + "'");
			}
			return run.status(this.clock.instant());
		}
	}

	/**
	 * Expires every realtime shape, as the server does when a shape is rotated: the next
	 * request of each subscription, or its long poll in progress, is answered 409 with a
	 * {@code must-refetch} control message and a new handle, and the subscriber restarts
	 * from a snapshot.
	 * @return how many shapes were expired
	 */
	public int forceRealtimeRefetch() {
		synchronized (this.state) {
			this.state.realtimeShapes.values().forEach((shape) -> shape.expired = true);
			this.state.notifyAll();
			return this.state.realtimeShapes.size();
		}
	}

	/**
	 * Number of realtime live long polls the emulator holds now, each waiting for a
	 * change of its subscription's runs.
	 * @return the count
	 */
	public int heldRealtimePolls() {
		synchronized (this.state) {
			return this.state.heldRealtimePolls;
		}
	}

	/**
	 * Wait until the emulator holds at least a number of realtime live long polls, for
	 * example before a test cancels a subscriber while its poll is held.
	 * @param count the number of held polls to wait for
	 * @param timeout how long to wait at most
	 * @return whether that many polls were held within the timeout; {@code false} when
	 * the waiting thread is interrupted, which keeps its interrupt status
	 */
	public boolean awaitHeldRealtimePolls(int count, Duration timeout) {
		return await((state) -> state.heldRealtimePolls, count, timeout);
	}

	/**
	 * Number of realtime connections that their client closed while the emulator held
	 * their live long poll, since the start or the last {@link #reset()}: a subscriber
	 * that cancels closes its request, and the emulator notices at once and releases the
	 * poll. Each such request is in the {@link #journal()} with
	 * {@link RecordedRequest#clientClosed()}.
	 * @return the count
	 */
	public int closedRealtimeConnections() {
		synchronized (this.state) {
			return this.state.closedRealtimeConnections;
		}
	}

	/**
	 * Wait until at least a number of realtime connections were closed by their client
	 * while their live long poll was held (see {@link #closedRealtimeConnections()}).
	 * @param count the number of closed connections to wait for
	 * @param timeout how long to wait at most
	 * @return whether that many connections were closed within the timeout; {@code false}
	 * when the waiting thread is interrupted, which keeps its interrupt status
	 */
	public boolean awaitClosedRealtimeConnections(int count, Duration timeout) {
		return await((state) -> state.closedRealtimeConnections, count, timeout);
	}

	/**
	 * Wait on the state's monitor, which every call and every held poll notifies, until
	 * a count reaches a value.
	 */
	private boolean await(ToIntFunction<EmulatorState> counter, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.state) {
			while (counter.applyAsInt(this.state) < count) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.state, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	/**
	 * Completes a waitpoint token as {@code POST /api/v1/waitpoints/tokens/{id}/complete}
	 * would, for tests of code that waits for it: a string is stored as text, anything
	 * else as superjson. A token that is no longer waiting is left as it is.
	 * @param tokenId the token id
	 * @param data the data, converted to JSON; {@code null} completes it without data
	 * @return this emulator
	 * @throws IllegalArgumentException if there is no such token
	 */
	public TriggerEmulator completeWaitpointToken(String tokenId, @Nullable Object data) {
		synchronized (this.state) {
			WaitpointRecord token = waitpoint(tokenId);
			if (token.completedAt == null) {
				new WaitpointsHandler(this.state, this.clock).complete(token,
						(data != null) ? Json.valueToTree(data) : null);
			}
			return this;
		}
	}

	/**
	 * Times a waiting waitpoint token out now, as if its timeout had passed: it becomes
	 * {@link EmulatedWaitpointStatus#TIMED_OUT} with the server's timeout error as output.
	 * (Advancing {@link #clock()} past a token's timeout has the same effect.)
	 * @param tokenId the token id
	 * @return this emulator
	 * @throws IllegalArgumentException if there is no such token
	 */
	public TriggerEmulator timeOutWaitpointToken(String tokenId) {
		synchronized (this.state) {
			WaitpointRecord token = waitpoint(tokenId);
			if (token.completedAt == null) {
				token.timeOut(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
			}
			return this;
		}
	}

	/**
	 * Current status of a waitpoint token, on the emulator clock.
	 * @param tokenId the token id
	 * @return the status
	 * @throws IllegalArgumentException if there is no such token
	 */
	public EmulatedWaitpointStatus waitpointTokenStatus(String tokenId) {
		synchronized (this.state) {
			return waitpoint(tokenId).status();
		}
	}

	/**
	 * Data a waitpoint token was completed with, decoded as a task's {@code wait.forToken}
	 * receives it (maps, lists, strings, numbers, booleans).
	 * @param tokenId the token id
	 * @return the data; {@code null} while it waits, when it timed out or when it was
	 * completed without data
	 * @throws IllegalArgumentException if there is no such token
	 */
	public @Nullable Object waitpointTokenOutput(String tokenId) {
		synchronized (this.state) {
			WaitpointRecord token = waitpoint(tokenId);
			return token.outputIsError ? null : Json.toJava(WaitpointsHandler.data(this.state, token));
		}
	}

	private WaitpointRecord waitpoint(String tokenId) {
		WaitpointRecord token = this.state.waitpoints.get(tokenId);
		if (token == null) {
			throw new IllegalArgumentException("Unknown waitpoint token '" + tokenId + "'");
		}
		return token.settle(this.clock.instant());
	}

	/**
	 * Number of runs in all projects and environments.
	 * @return the count
	 */
	public int runCount() {
		synchronized (this.state) {
			return this.state.runs.size();
		}
	}

	/**
	 * Add a schedule without going through the API (upserting by deduplication key like
	 * the API).
	 * @param seed the schedule description
	 * @return the schedule id
	 */
	public String seedSchedule(ScheduleSeed seed) {
		Cron.parse(seed.cron);
		java.time.ZoneId.of(seed.timezone);
		synchronized (this.state) {
			EnvRecord env = this.state.env(seed.projectRef, seed.environment, seed.branch);
			ScheduleRecord schedule = this.state.scheduleByDeduplicationKey(env, seed.deduplicationKey);
			if (schedule == null) {
				schedule = new ScheduleRecord(Ids.friendly("sched_"), env, seed.deduplicationKey);
				this.state.schedules.put(schedule.id, schedule);
			}
			schedule.task = seed.task;
			schedule.cron = seed.cron.trim();
			schedule.timezone = seed.timezone;
			schedule.externalId = seed.externalId;
			schedule.active = seed.active;
			return schedule.id;
		}
	}

	/**
	 * Add a deployment without going through the API. A {@code DEPLOYED} deployment
	 * becomes its environment's current one; its tasks get their queues.
	 * @param seed the deployment description
	 * @return the deployment id
	 */
	public String seedDeployment(DeploymentSeed seed) {
		synchronized (this.state) {
			EnvRecord env = this.state.env(seed.projectRef, seed.environment, seed.branch);
			java.time.Instant createdAt = (seed.createdAt != null) ? seed.createdAt : this.clock.instant();
			return this.state.addDeployment(env, seed.version, seed.status, createdAt, seed.tasks).id;
		}
	}

	/**
	 * Set an environment variable without going through the API.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @param branch the preview branch, or {@code null} for the environment itself
	 * @param name the variable name
	 * @param value the value
	 * @return this emulator
	 */
	public TriggerEmulator seedEnvVar(String projectRef, EmulatedEnvironment environment, @Nullable String branch,
			String name, String value) {
		return seedEnvVar(projectRef, environment, branch, name, value, false);
	}

	/**
	 * Set an environment variable without going through the API.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @param branch the preview branch, or {@code null} for the environment itself
	 * @param name the variable name
	 * @param value the value
	 * @param secret whether the value is redacted when listed
	 * @return this emulator
	 */
	public TriggerEmulator seedEnvVar(String projectRef, EmulatedEnvironment environment, @Nullable String branch,
			String name, String value, boolean secret) {
		synchronized (this.state) {
			EnvRecord env = this.state.env(projectRef, environment, branch);
			this.state.vars(env).put(name, new EmulatorState.EnvVar(value, secret));
		}
		return this;
	}

	/**
	 * Current (unredacted) value of an environment variable set directly on an
	 * environment or branch.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @param branch the preview branch, or {@code null}
	 * @param name the variable name
	 * @return the value, or {@code null}
	 */
	public @Nullable String envVar(String projectRef, EmulatedEnvironment environment, @Nullable String branch,
			String name) {
		synchronized (this.state) {
			EmulatorState.EnvVar var = this.state.vars(this.state.env(projectRef, environment, branch)).get(name);
			return (var != null) ? var.value : null;
		}
	}

	@Override
	public String toString() {
		return "TriggerEmulator[" + (isRunning() ? baseUrl() : "stopped") + "]";
	}

	/**
	 * Builder for a {@link TriggerEmulator}.
	 */
	public static final class Builder {

		private int port;

		private String host = "127.0.0.1";

		private @Nullable EmulatorClock clock;

		private ApiRouter.Sleeper sleeper = ApiRouter.Sleeper.THREAD;

		private Builder() {
		}

		/**
		 * Port to listen on; {@code 0} (the default) picks a free port.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Invalid port " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Address to bind to; {@code 127.0.0.1} by default. Use {@code 0.0.0.0} inside a
		 * container.
		 * @param host the address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host");
			return this;
		}

		/**
		 * Clock to use; {@link EmulatorClock#system()} by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(EmulatorClock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * How {@link Fault#latency(java.time.Duration) latency faults} wait; real time by
		 * default.
		 * @param sleeper the sleeper
		 * @return this builder
		 */
		Builder sleeper(ApiRouter.Sleeper sleeper) {
			this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
			return this;
		}

		/**
		 * Create the (not yet started) emulator.
		 * @return the emulator
		 */
		public Startable build() {
			if (this.clock == null) {
				this.clock = EmulatorClock.system();
			}
			return new Startable(new TriggerEmulator(this));
		}

	}

	/**
	 * A configured emulator that has not been started yet.
	 */
	public static final class Startable {

		private final TriggerEmulator emulator;

		private Startable(TriggerEmulator emulator) {
			this.emulator = emulator;
		}

		/**
		 * Start listening.
		 * @return the running emulator
		 */
		public TriggerEmulator start() {
			return this.emulator.start0();
		}

	}

}
