package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * All mutable emulator data. Callers synchronize on the instance.
 *
 * @author trigger-spring-boot contributors
 */
final class EmulatorState {

	static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofDays(30);

	/**
	 * Longest duration the emulator reads from a request, what a JavaScript {@code Date}
	 * spans from the epoch (8.64e15 ms): a time this far from now cannot be a date on the
	 * server either, and stays within {@link Instant}'s range.
	 */
	static final Duration MAX_DURATION = Duration.ofMillis(8_640_000_000_000_000L);

	private static final Pattern IDEMPOTENCY_TTL = Pattern.compile("^(\\d+)([smhd])$");

	private static final Pattern NATURAL_DURATION = Pattern
		.compile("^(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$");

	final Map<String, ProjectRecord> projects = new LinkedHashMap<>();

	final Map<String, EnvRecord> secretKeys = new LinkedHashMap<>();

	final Map<String, AccessToken> accessTokens = new LinkedHashMap<>();

	final Map<String, RunRecord> runs = new LinkedHashMap<>();

	/** The runs of {@link #runs}, per environment, in the order the runs list pages them. */
	final RunIndex runIndex = new RunIndex();

	final Map<String, String> idempotency = new HashMap<>();

	final Map<String, BatchRecord> batches = new LinkedHashMap<>();

	final Map<String, String> batchIdempotency = new HashMap<>();

	final Map<String, ScheduleRecord> schedules = new LinkedHashMap<>();

	/** Packets in the emulated object storage, by storage path. */
	final Map<String, PacketRecord> packets = new HashMap<>();

	/** Storage paths of the presigned upload URLs, by the URL's token. */
	final Map<String, String> packetUploads = new HashMap<>();

	/** Storage paths of the presigned download URLs, by the URL's token. */
	final Map<String, String> packetDownloads = new HashMap<>();

	final Map<String, WaitpointRecord> waitpoints = new LinkedHashMap<>();

	/** Waitpoint token ids by environment and idempotency key. */
	final Map<String, String> waitpointIdempotency = new HashMap<>();

	final Map<EnvRecord, Map<String, EnvVar>> envVars = new HashMap<>();

	final Map<String, TaskBehavior> behaviors = new HashMap<>();

	final Set<String> knownTasks = new LinkedHashSet<>();

	final Map<String, QueueRecord> queues = new LinkedHashMap<>();

	final Map<String, DeploymentRecord> deployments = new LinkedHashMap<>();

	/** Realtime shapes by handle. */
	final Map<String, RealtimeShape> realtimeShapes = new HashMap<>();

	/** Realtime live requests held now, waiting for a change. */
	int heldRealtimePolls;

	/** Held realtime live requests whose client closed the connection, since the last reset. */
	int closedRealtimeConnections;

	final Map<EnvRecord, DeploymentRecord> currentDeployments = new HashMap<>();

	/** One-time public access tokens that were used already. */
	final Set<String> usedOneTimeTokens = new HashSet<>();

	/** Scopes that a restricted secret key may grant with public tokens, by key. */
	final Map<String, Set<String>> grantableScopes = new HashMap<>();

	TaskBehavior defaultBehavior = TaskBehavior.completes();

	private long runSequence;

	private long deploymentSequence;

	private long waitpointSequence;

	EmulatorState() {
		seedDefaults();
	}

	void reset() {
		this.projects.clear();
		this.secretKeys.clear();
		this.accessTokens.clear();
		this.runs.clear();
		this.runIndex.clear();
		this.idempotency.clear();
		this.batches.clear();
		this.batchIdempotency.clear();
		this.schedules.clear();
		this.packets.clear();
		this.packetUploads.clear();
		this.packetDownloads.clear();
		this.waitpoints.clear();
		this.waitpointIdempotency.clear();
		this.envVars.clear();
		this.behaviors.clear();
		this.knownTasks.clear();
		this.queues.clear();
		this.deployments.clear();
		this.currentDeployments.clear();
		this.realtimeShapes.clear();
		this.closedRealtimeConnections = 0;
		this.usedOneTimeTokens.clear();
		this.grantableScopes.clear();
		this.defaultBehavior = TaskBehavior.completes();
		seedDefaults();
	}

	private void seedDefaults() {
		ProjectRecord project = addProject(EmulatorAccount.PROJECT_REF);
		for (EmulatedEnvironment type : EmulatedEnvironment.values()) {
			this.secretKeys.put(EmulatorAccount.secretKey(type), project.root(type));
		}
		project.addPreviewBranch(EmulatorAccount.PREVIEW_BRANCH);
		this.accessTokens.put(EmulatorAccount.PERSONAL_ACCESS_TOKEN,
				new AccessToken(EmulatorAccount.PERSONAL_ACCESS_TOKEN, Set.of(EmulatorAccount.PROJECT_REF)));
		this.accessTokens.put(EmulatorAccount.ORGANIZATION_ACCESS_TOKEN,
				new AccessToken(EmulatorAccount.ORGANIZATION_ACCESS_TOKEN, Set.of(EmulatorAccount.PROJECT_REF)));
	}

	ProjectRecord addProject(String ref) {
		if (this.projects.containsKey(ref)) {
			throw new IllegalArgumentException("Project '" + ref + "' already exists");
		}
		ProjectRecord project = new ProjectRecord(ref);
		this.projects.put(ref, project);
		return project;
	}

	/**
	 * Environment with the given id, a root environment or a preview branch.
	 * @param id the environment id, may be {@code null}
	 * @return the environment, or {@code null}
	 */
	@Nullable EnvRecord envById(@Nullable String id) {
		for (ProjectRecord project : this.projects.values()) {
			for (EnvRecord env : project.roots.values()) {
				if (env.id.equals(id)) {
					return env;
				}
			}
			for (EnvRecord env : project.previewBranches.values()) {
				if (env.id.equals(id)) {
					return env;
				}
			}
		}
		return null;
	}

	/**
	 * Key that signs and verifies the public access tokens of an environment: the first
	 * root (not additional) secret key of the environment, or of its parent for a preview
	 * branch.
	 * @param env the environment
	 * @return the key
	 */
	String signingKey(EnvRecord env) {
		EnvRecord root = (env.parent != null) ? env.parent : env;
		for (Map.Entry<String, EnvRecord> entry : this.secretKeys.entrySet()) {
			if (entry.getValue() == root && !entry.getKey().matches("^tr_[a-z]+_sk_.*")) {
				return entry.getKey();
			}
		}
		throw new IllegalStateException("No root secret key for " + root);
	}

	ProjectRecord project(String ref) {
		ProjectRecord project = this.projects.get(ref);
		if (project == null) {
			throw new IllegalArgumentException("Unknown project '" + ref + "'");
		}
		return project;
	}

	EnvRecord env(String projectRef, EmulatedEnvironment type, @Nullable String branch) {
		ProjectRecord project = project(projectRef);
		if (branch == null) {
			return project.root(type);
		}
		EnvRecord env = (type == EmulatedEnvironment.PREVIEW) ? project.previewBranch(branch) : null;
		if (env == null) {
			throw new IllegalArgumentException((type == EmulatedEnvironment.PREVIEW)
					? "Unknown preview branch '" + branch + "'" : "Only the preview environment has branches");
		}
		return env;
	}

	RunRecord newRun(EnvRecord env, String taskId, Instant now) {
		RunRecord run = new RunRecord(Ids.friendly("run_"), ++this.runSequence, env, taskId,
				now.truncatedTo(ChronoUnit.MILLIS));
		run.behavior = this.behaviors.getOrDefault(taskId, this.defaultBehavior);
		this.runs.put(run.id, run);
		this.runIndex.add(run);
		return run;
	}

	/** Live run for an idempotency key, if any (failed and expired keys do not count). */
	@Nullable RunRecord idempotentRun(EnvRecord env, String taskId, String key, Instant now) {
		String runId = this.idempotency.get(idempotencyScope(env, taskId, key));
		RunRecord run = (runId != null) ? this.runs.get(runId) : null;
		if (run == null || run.idempotencyKeyExpiresAt == null || !now.isBefore(run.idempotencyKeyExpiresAt)) {
			return null;
		}
		EmulatedRunStatus status = run.status(now);
		if (status.isFailed()) {
			return null;
		}
		return run;
	}

	void rememberIdempotency(RunRecord run, String key, @Nullable String ttl, Instant now) {
		run.idempotencyKey = key;
		run.idempotencyKeyExpiresAt = now.plus(idempotencyTtl(ttl));
		this.idempotency.put(idempotencyScope(run.env, run.taskId, key), run.id);
	}

	/**
	 * Clears an idempotency key from every run of a task that holds it, so that the next
	 * trigger with the key creates a new run.
	 * @return how many runs held the key
	 */
	int resetIdempotency(EnvRecord env, String taskId, String key) {
		int count = 0;
		for (RunRecord run : this.runs.values()) {
			if (run.env == env && run.taskId.equals(taskId) && key.equals(run.idempotencyKey)) {
				run.idempotencyKey = null;
				run.idempotencyKeyExpiresAt = null;
				count++;
			}
		}
		this.idempotency.remove(idempotencyScope(env, taskId, key));
		return count;
	}

	private static String idempotencyScope(EnvRecord env, String taskId, String key) {
		return env.id + "\u0000" + taskId + "\u0000" + key;
	}

	WaitpointRecord newWaitpoint(EnvRecord env, Instant now, @Nullable Instant timeoutAt, List<String> tags) {
		WaitpointRecord token = new WaitpointRecord(Ids.friendly("waitpoint_"), ++this.waitpointSequence, env,
				now.truncatedTo(ChronoUnit.MILLIS), timeoutAt, tags);
		this.waitpoints.put(token.id, token);
		return token;
	}

	/** Token of an environment whose idempotency key is still valid, if any. */
	@Nullable WaitpointRecord idempotentWaitpoint(EnvRecord env, String key, Instant now) {
		String id = this.waitpointIdempotency.get(env.id + "\u0000" + key);
		WaitpointRecord token = (id != null) ? this.waitpoints.get(id) : null;
		if (token == null || !now.isBefore(token.idempotencyKeyExpiresAt)) {
			return null;
		}
		return token;
	}

	void rememberWaitpointIdempotency(WaitpointRecord token, String key, @Nullable String ttl, Instant now) {
		token.idempotencyKey = key;
		token.idempotencyKeyExpiresAt = now.plus(idempotencyTtl(ttl));
		this.waitpointIdempotency.put(token.env.id + "\u0000" + key, token.id);
	}

	/**
	 * The API key of an environment, the one its callback URLs are signed with: a preview
	 * branch uses the key of the preview environment.
	 */
	String apiKey(EnvRecord env) {
		EnvRecord root = (env.parent != null) ? env.parent : env;
		for (Map.Entry<String, EnvRecord> entry : this.secretKeys.entrySet()) {
			if (entry.getValue() == root) {
				return entry.getKey();
			}
		}
		throw new IllegalStateException("No API key for " + env);
	}

	/**
	 * The time an idempotency key is kept: {@code 30s}, {@code 10m}, {@code 2h} or
	 * {@code 3d}, 30 days otherwise; one longer than {@link #MAX_DURATION} is kept that
	 * long.
	 */
	static Duration idempotencyTtl(@Nullable String ttl) {
		if (ttl != null) {
			Matcher matcher = IDEMPOTENCY_TTL.matcher(ttl);
			if (matcher.matches()) {
				long unit = switch (matcher.group(2)) {
					case "s" -> 1;
					case "m" -> 60;
					case "h" -> 3600;
					default -> 86400;
				};
				Duration duration = seconds(matcher.group(1), unit);
				return (duration != null) ? duration : MAX_DURATION;
			}
		}
		return DEFAULT_IDEMPOTENCY_TTL;
	}

	/**
	 * Parse {@code "1h30m"}-style durations (weeks to seconds).
	 * @param text the text
	 * @return the duration, or {@code null} if it is not such a duration or is longer
	 * than {@link #MAX_DURATION}
	 */
	static @Nullable Duration naturalDuration(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		Matcher matcher = NATURAL_DURATION.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		long[] units = { 604800, 86400, 3600, 60, 1 };
		Duration total = Duration.ZERO;
		for (int i = 0; i < 5; i++) {
			if (matcher.group(i + 1) != null) {
				Duration part = seconds(matcher.group(i + 1), units[i]);
				if (part == null) {
					return null;
				}
				total = total.plus(part);
			}
		}
		return (total.compareTo(MAX_DURATION) <= 0) ? total : null;
	}

	/**
	 * A number of seconds sent as a JSON number, such as a run's {@code ttl}.
	 * @param number the number
	 * @return the duration, or {@code null} if it is not a whole number of seconds of at
	 * most {@link #MAX_DURATION}
	 */
	static @Nullable Duration seconds(JsonNode number) {
		if (!number.canConvertToLong() || Math.abs(number.asLong()) > MAX_DURATION.getSeconds()) {
			return null;
		}
		return Duration.ofSeconds(number.asLong());
	}

	/**
	 * {@code digits} units of {@code unitSeconds} seconds, or {@code null} if that is
	 * longer than {@link #MAX_DURATION}.
	 */
	private static @Nullable Duration seconds(String digits, long unitSeconds) {
		try {
			Duration duration = Duration.ofSeconds(Math.multiplyExact(Long.parseLong(digits), unitSeconds));
			return (duration.compareTo(MAX_DURATION) <= 0) ? duration : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	Map<String, EnvVar> vars(EnvRecord env) {
		return this.envVars.computeIfAbsent(env, (key) -> new LinkedHashMap<>());
	}

	@Nullable ScheduleRecord scheduleByDeduplicationKey(EnvRecord env, String key) {
		for (ScheduleRecord schedule : this.schedules.values()) {
			if (schedule.env == env && schedule.deduplicationKey.equals(key)) {
				return schedule;
			}
		}
		return null;
	}

	/**
	 * The queues of an environment, by name: one per task that is registered, deployed to
	 * the environment or run in it, and one per custom queue its runs were triggered on.
	 * Queues are created on first sight and keep their state.
	 * @param env the environment
	 * @return the queues, ordered by name
	 */
	List<QueueRecord> queues(EnvRecord env) {
		Set<String> tasks = new LinkedHashSet<>(this.knownTasks);
		Set<String> custom = new LinkedHashSet<>();
		this.deployments.values()
			.stream()
			.filter((deployment) -> deployment.env == env)
			.forEach((deployment) -> tasks.addAll(deployment.tasks));
		for (RunRecord run : this.runs.values()) {
			if (run.env == env) {
				tasks.add(run.taskId);
				if (run.queue != null && !run.queue.startsWith("task/")) {
					custom.add(run.queue);
				}
			}
		}
		tasks.forEach((task) -> queue(env, QueueRecord.TASK, task));
		custom.forEach((name) -> queue(env, QueueRecord.CUSTOM, name));
		return this.queues.values()
			.stream()
			.filter((queue) -> queue.env == env)
			.sorted(Comparator.comparing((QueueRecord queue) -> queue.name).thenComparing((queue) -> queue.type))
			.toList();
	}

	private QueueRecord queue(EnvRecord env, String type, String name) {
		for (QueueRecord queue : this.queues.values()) {
			if (queue.env == env && queue.type.equals(type) && queue.name.equals(name)) {
				return queue;
			}
		}
		QueueRecord queue = new QueueRecord(Ids.friendly("queue_"), env, type, name);
		this.queues.put(queue.id, queue);
		return queue;
	}

	/**
	 * Holds a new run in its queue if the queue is paused, as the server does not start
	 * runs from a paused queue.
	 * @param run the new run, its queue set
	 */
	void holdIfPaused(RunRecord run) {
		for (QueueRecord queue : this.queues.values()) {
			if (queue.env == run.env && queue.paused && queue.runQueue().equals(run.queue)) {
				run.held = true;
				return;
			}
		}
	}

	DeploymentRecord addDeployment(EnvRecord env, String version, EmulatedDeploymentStatus status, Instant createdAt,
			List<String> tasks) {
		DeploymentRecord deployment = new DeploymentRecord(Ids.friendly("deployment_"), ++this.deploymentSequence, env,
				version, Ids.random(Ids.LOWER_ALNUM, 8), status, createdAt.truncatedTo(ChronoUnit.MILLIS), tasks);
		this.deployments.put(deployment.id, deployment);
		if (status == EmulatedDeploymentStatus.DEPLOYED) {
			this.currentDeployments.put(env, deployment);
		}
		return deployment;
	}

	/**
	 * The deployments of an environment, most recent first.
	 * @param env the environment
	 * @return the deployments
	 */
	List<DeploymentRecord> deployments(EnvRecord env) {
		return this.deployments.values()
			.stream()
			.filter((deployment) -> deployment.env == env)
			.sorted(Comparator.comparing((DeploymentRecord deployment) -> deployment.createdAt)
				.thenComparingLong((deployment) -> deployment.sequence)
				.reversed())
			.toList();
	}

	/**
	 * A personal or organization access token and the projects it may access.
	 */
	static final class AccessToken {

		final String token;

		final Set<String> projectRefs;

		AccessToken(String token, Set<String> projectRefs) {
			this.token = token;
			this.projectRefs = new HashSet<>(projectRefs);
		}

		boolean organization() {
			return this.token.startsWith("tr_oat_");
		}

	}

	/**
	 * An environment variable value.
	 */
	static final class EnvVar {

		String value;

		boolean secret;

		EnvVar(String value, boolean secret) {
			this.value = value;
			this.secret = secret;
		}

	}

}
