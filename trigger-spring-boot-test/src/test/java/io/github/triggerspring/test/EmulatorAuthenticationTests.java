package io.github.triggerspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.emulator.DeploymentSeed;
import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.ScheduleSeed;
import io.github.triggerspring.emulator.TaskBehavior;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.envvars.CreateEnvVarRequest;
import io.github.triggerspring.envvars.EnvVarUpload;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.auth.Secrets;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.queues.QueueRef;
import io.github.triggerspring.runs.MetadataUpdate;
import io.github.triggerspring.schedules.CreateScheduleRequest;
import io.github.triggerspring.schedules.UpdateScheduleRequest;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.BatchTaskItem;
import io.github.triggerspring.tasks.IdempotencyKeys;
import io.github.triggerspring.tokens.TokenExpiration;
import io.github.triggerspring.tokens.TokenScopes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the emulator's authentication through the real clients: every endpoint of the
 * credential table called with every kind of seeded credential.
 *
 * @author trigger-spring-boot contributors
 */
class EmulatorAuthenticationTests {

	/** Endpoints whose calls are subscriptions, cancelled on their first state. */
	private static final Set<TriggerEndpoint> SUBSCRIPTIONS = EnumSet.of(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUN,
			TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG, TriggerEndpoint.RUNS_SUBSCRIBE_TO_BATCH);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final TriggerEmulatorExtension trigger = new TriggerEmulatorExtension();

	/**
	 * A seeded credential.
	 * @param name display name
	 * @param kind the credential kind
	 * @param credentials the client credentials
	 * @param environment the environment the calls reach
	 * @param branch the preview branch, or {@code null}
	 */
	record Credential(String name, CredentialKind kind, TriggerCredentials credentials, EmulatedEnvironment environment,
			@Nullable String branch) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * Resources of the credential's environment that the calls address.
	 * @param runId a queued run
	 * @param delayedRunId a delayed run
	 * @param scheduleId a schedule
	 * @param deploymentId a deployed deployment
	 * @param batchId a batch
	 */
	record Fixture(String runId, String delayedRunId, String scheduleId, String deploymentId, String batchId) {
	}

	private static final Map<TriggerEndpoint, BiFunction<EmulatorClients, Fixture, Mono<?>>> CALLS = calls();

	/**
	 * Endpoints that are only called after another one of the same call, which is refused
	 * first: {@code packets.retrieve} downloads the output that {@code wait.retrieveToken}
	 * answered.
	 */
	private static final Map<TriggerEndpoint, TriggerEndpoint> REFUSED_FIRST = Map
		.of(TriggerEndpoint.PACKETS_RETRIEVE, TriggerEndpoint.WAIT_RETRIEVE_TOKEN);

	private static Map<TriggerEndpoint, BiFunction<EmulatorClients, Fixture, Mono<?>>> calls() {
		Map<TriggerEndpoint, BiFunction<EmulatorClients, Fixture, Mono<?>>> calls = new java.util.EnumMap<>(
				TriggerEndpoint.class);
		calls.put(TriggerEndpoint.TASK_TRIGGER, (c, f) -> c.tasks().trigger("my-task", Map.of("n", 1)));
		calls.put(TriggerEndpoint.TASK_BATCH_TRIGGER,
				(c, f) -> c.tasks().batchTrigger("my-task", List.of(BatchItem.of(Map.of("n", 1)))));
		calls.put(TriggerEndpoint.RUNS_LIST, (c, f) -> c.runs().list().collectList());
		calls.put(TriggerEndpoint.RUNS_RETRIEVE, (c, f) -> c.runs().retrieve(f.runId()));
		calls.put(TriggerEndpoint.RUNS_CANCEL, (c, f) -> c.runs().cancel(f.runId()));
		calls.put(TriggerEndpoint.RUNS_REPLAY, (c, f) -> c.runs().replay(f.runId()));
		calls.put(TriggerEndpoint.RUNS_RESCHEDULE, (c, f) -> c.runs().reschedule(f.delayedRunId(), "2h"));
		calls.put(TriggerEndpoint.RUNS_ADD_TAGS, (c, f) -> c.runs().addTags(f.runId(), List.of("tag")));
		calls.put(TriggerEndpoint.RUNS_RETRIEVE_METADATA, (c, f) -> c.runs().retrieveMetadata(f.runId()));
		calls.put(TriggerEndpoint.RUNS_UPDATE_METADATA,
				(c, f) -> c.runs().updateMetadata(f.runId(), MetadataUpdate.replace(Map.of("a", 1))));
		calls.put(TriggerEndpoint.ENVVARS_LIST, (c, f) -> c.envVars().list().collectList());
		calls.put(TriggerEndpoint.ENVVARS_RETRIEVE, (c, f) -> c.envVars().retrieve("EXISTING"));
		calls.put(TriggerEndpoint.ENVVARS_UPLOAD,
				(c, f) -> c.envVars().upload(EnvVarUpload.builder().variable("A", "1").build()).thenReturn(true));
		calls.put(TriggerEndpoint.ENVVARS_CREATE,
				(c, f) -> c.envVars().create(CreateEnvVarRequest.of("B", "2")).thenReturn(true));
		calls.put(TriggerEndpoint.ENVVARS_UPDATE, (c, f) -> c.envVars().update("EXISTING", "3").thenReturn(true));
		calls.put(TriggerEndpoint.ENVVARS_DEL, (c, f) -> c.envVars().del("EXISTING").thenReturn(true));
		calls.put(TriggerEndpoint.SCHEDULES_LIST, (c, f) -> c.schedules().list().collectList());
		calls.put(TriggerEndpoint.SCHEDULES_CREATE, (c, f) -> c.schedules()
			.create(CreateScheduleRequest.builder().task("t").cron("0 * * * *").deduplicationKey("k").build()));
		calls.put(TriggerEndpoint.SCHEDULES_RETRIEVE, (c, f) -> c.schedules().retrieve(f.scheduleId()));
		calls.put(TriggerEndpoint.SCHEDULES_UPDATE, (c, f) -> c.schedules()
			.update(f.scheduleId(), UpdateScheduleRequest.builder().task("t").cron("5 * * * *").build()));
		calls.put(TriggerEndpoint.SCHEDULES_ACTIVATE, (c, f) -> c.schedules().activate(f.scheduleId()));
		calls.put(TriggerEndpoint.SCHEDULES_DEACTIVATE, (c, f) -> c.schedules().deactivate(f.scheduleId()));
		calls.put(TriggerEndpoint.SCHEDULES_DEL, (c, f) -> c.schedules().del(f.scheduleId()));
		calls.put(TriggerEndpoint.SCHEDULES_TIMEZONES, (c, f) -> c.schedules().timezones());
		QueueRef queue = QueueRef.task("seeded-task");
		calls.put(TriggerEndpoint.QUEUES_LIST, (c, f) -> c.queues().list().collectList());
		calls.put(TriggerEndpoint.QUEUES_RETRIEVE, (c, f) -> c.queues().retrieve(queue));
		calls.put(TriggerEndpoint.QUEUES_PAUSE, (c, f) -> c.queues().pause(queue));
		calls.put(TriggerEndpoint.QUEUES_RESUME, (c, f) -> c.queues().resume(queue));
		calls.put(TriggerEndpoint.QUEUES_OVERRIDE_CONCURRENCY_LIMIT,
				(c, f) -> c.queues().overrideConcurrencyLimit(queue, 1));
		// the override only prepares the reset: where it is refused, the reset's own refusal is checked
		calls.put(TriggerEndpoint.QUEUES_RESET_CONCURRENCY_LIMIT, (c, f) -> c.queues()
			.overrideConcurrencyLimit(queue, 1)
			.onErrorResume(UnsupportedCredentialException.class, (ex) -> Mono.empty())
			.then(c.queues().resetConcurrencyLimit(queue)));
		calls.put(TriggerEndpoint.DEPLOYMENTS_LIST, (c, f) -> c.deployments().list().collectList());
		calls.put(TriggerEndpoint.DEPLOYMENTS_RETRIEVE_CURRENT, (c, f) -> c.deployments().retrieveCurrent());
		calls.put(TriggerEndpoint.DEPLOYMENTS_RETRIEVE, (c, f) -> c.deployments().retrieve(f.deploymentId()));
		calls.put(TriggerEndpoint.DEPLOYMENTS_LATEST, (c, f) -> c.deployments().latest());
		calls.put(TriggerEndpoint.DEPLOYMENTS_PROMOTE, (c, f) -> c.deployments().promote("20250301.1"));
		calls.put(TriggerEndpoint.BATCH_TRIGGER, (c, f) -> c.batch()
			.trigger(List.of(BatchTaskItem.of("my-task", Map.of("n", 1)), BatchTaskItem.of("other-task", "x"))));
		calls.put(TriggerEndpoint.BATCH_RETRIEVE, (c, f) -> c.batch().retrieve(f.batchId()));
		calls.put(TriggerEndpoint.PACKETS_UPLOAD, (c, f) -> c.tasks().trigger("my-task", "x".repeat(131_072)));
		calls.put(TriggerEndpoint.IDEMPOTENCY_KEYS_RESET, (c, f) -> c.idempotencyKeys().reset("seeded-task", "seeded-key"));
		// a subscription's first state is its snapshot; taking it cancels before any live poll
		calls.put(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUN, (c, f) -> c.runs().subscribe(f.runId()).next());
		calls.put(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG,
				(c, f) -> c.runs().subscribeToTag("seeded-tag", Duration.ofHours(1)).next());
		calls.put(TriggerEndpoint.RUNS_SUBSCRIBE_TO_BATCH, (c, f) -> c.batch().subscribe(f.batchId()).next());
		calls.put(TriggerEndpoint.WAIT_CREATE_TOKEN, (c, f) -> c.waitpoints().createToken());
		calls.put(TriggerEndpoint.WAIT_LIST_TOKENS, (c, f) -> c.waitpoints().listTokens().collectList());
		calls.put(TriggerEndpoint.WAIT_RETRIEVE_TOKEN,
				(c, f) -> waitpointToken(c).flatMap((id) -> c.waitpoints().retrieveToken(id)));
		calls.put(TriggerEndpoint.WAIT_COMPLETE_TOKEN,
				(c, f) -> waitpointToken(c).flatMap((id) -> c.waitpoints().completeToken(id, "ok").thenReturn(id)));
		// an output of 512 KiB or more is kept in object storage: retrieving it asks for its download URL
		calls.put(TriggerEndpoint.PACKETS_RETRIEVE, (c, f) -> waitpointToken(c)
			.flatMap((id) -> c.waitpoints()
				.completeToken(id, "x".repeat(524_288))
				.onErrorResume(UnsupportedCredentialException.class, (ex) -> Mono.empty())
				.then(c.waitpoints().retrieveToken(id))));
		calls.put(TriggerEndpoint.AUTH_JWT_CLAIMS,
				(c, f) -> c.auth().createPublicToken(TokenScopes.of("read:runs"), TokenExpiration.DEFAULT));
		// the client calls this row only with an additional key; the row's credentials are checked at the HTTP layer
		calls.put(TriggerEndpoint.AUTH_PUBLIC_TOKENS, (c, f) -> c.http()
			.retrieve(TriggerEndpoint.AUTH_PUBLIC_TOKENS, AuthOptions.DEFAULT, RequestOptions.none(),
					(authorization) -> TriggerRequest.post("/api/v1/auth/public-tokens")
						.withBody(Map.of("scopes", List.of("read:runs"))),
					Map.class));
		return calls;
	}

	/**
	 * A token to address; where creating one is refused, an id that only the call's own
	 * refusal is checked with.
	 */
	private static Mono<String> waitpointToken(EmulatorClients clients) {
		return clients.waitpoints()
			.createToken()
			.map((created) -> created.id())
			.onErrorResume(UnsupportedCredentialException.class, (ex) -> Mono.just("waitpoint_refused"));
	}

	static List<Credential> credentials() {
		List<Credential> credentials = new ArrayList<>();
		for (TriggerEnvironment environment : TriggerEnvironment.values()) {
			EmulatedEnvironment target = TriggerEmulatorConnectionDetails.emulatorEnvironment(environment);
			String branch = (environment == TriggerEnvironment.PREVIEW) ? EmulatorAccount.PREVIEW_BRANCH : null;
			credentials.add(new Credential(environment.pathSegment() + " secret key", CredentialKind.SECRET_KEY,
					TriggerCredentials.of(EmulatorAccount.secretKey(target), null, EmulatorAccount.PROJECT_REF, null,
							branch),
					target, branch));
		}
		credentials.add(new Credential("personal access token", CredentialKind.PERSONAL_ACCESS_TOKEN,
				TriggerCredentials.of(null, EmulatorAccount.PERSONAL_ACCESS_TOKEN, EmulatorAccount.PROJECT_REF,
						TriggerEnvironment.STAGING, null),
				EmulatedEnvironment.STAGING, null));
		credentials.add(new Credential("organization access token", CredentialKind.PERSONAL_ACCESS_TOKEN,
				TriggerCredentials.of(null, EmulatorAccount.ORGANIZATION_ACCESS_TOKEN, EmulatorAccount.PROJECT_REF,
						TriggerEnvironment.PREVIEW, EmulatorAccount.PREVIEW_BRANCH),
				EmulatedEnvironment.PREVIEW, EmulatorAccount.PREVIEW_BRANCH));
		return credentials;
	}

	static Stream<Arguments> endpointsAndCredentials() {
		return Arrays.stream(TriggerEndpoint.values())
			.flatMap((endpoint) -> credentials().stream().map((credential) -> Arguments.of(endpoint, credential)));
	}

	@Test
	void everyEndpointOfTheTableHasACall() {
		assertThat(CALLS.keySet()).containsExactlyInAnyOrder(TriggerEndpoint.values());
	}

	@ParameterizedTest(name = "{0} with the {1}")
	@MethodSource("endpointsAndCredentials")
	void acceptedCredentialsReachTheEmulatorAndOthersAreRefusedBeforeTheWire(TriggerEndpoint endpoint,
			Credential credential) {
		TriggerEmulator emulator = trigger.emulator();
		Fixture fixture = seed(emulator, credential);
		EmulatorClients clients = EmulatorClients.of(emulator, credential.credentials());
		Mono<?> call = CALLS.get(endpoint).apply(clients, fixture);
		if (endpoint.isPublic() || endpoint.accepts(credential.kind())) {
			StepVerifier.create(call).expectNextCount(1).expectComplete().verify(TIMEOUT);
			// the presigned upload to object storage and the download from it carry no credential and no API header
			List<RecordedRequest> apiCalls = emulator.journal()
				.requests()
				.stream()
				.filter((request) -> !request.isFor(EmulatorEndpoint.PACKETS_OBJECT_STORE)
						&& !request.isFor(EmulatorEndpoint.PACKETS_DOWNLOAD))
				.toList();
			assertThat(Stream.concat(emulator.journal().requests(EmulatorEndpoint.PACKETS_OBJECT_STORE).stream(),
					emulator.journal().requests(EmulatorEndpoint.PACKETS_DOWNLOAD).stream())).allSatisfy((request) -> {
				assertThat(request.header("Authorization")).isEmpty();
				assertThat(request.header("x-trigger-branch")).isEmpty();
			});
			if (SUBSCRIPTIONS.contains(endpoint)) {
				// a subscription taken with next() stops at its snapshot: no live poll follows
				assertThat(apiCalls).hasSize(1);
			}
			assertThat(apiCalls).isNotEmpty().allSatisfy((request) -> {
				assertThat(request.responseStatus()).isBetween(200, 299);
				assertThat(request.header("x-trigger-branch")).isEqualTo(java.util.Optional
					.ofNullable(endpoint.isPublic() ? null : credential.branch()));
			});
			String token = clientToken(credential);
			assertThat(apiCalls).allSatisfy((request) -> {
				if (endpoint.isPublic()) {
					assertThat(request.header("Authorization")).isEmpty();
				}
				else {
					assertThat(request.header("Authorization")).hasValue("Bearer " + Secrets.mask(token));
					assertThat(request.hasCredential(token)).isTrue();
				}
			});
		}
		else {
			StepVerifier.create(call)
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
						UnsupportedCredentialException.class,
						(unsupported) -> assertThat(unsupported.getEndpoint())
							.isEqualTo(REFUSED_FIRST.getOrDefault(endpoint, endpoint))))
				.verify(TIMEOUT);
			assertThat(emulator.journal().count()).isZero();
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { EmulatorAccount.DEV_SECRET_KEY, EmulatorAccount.STAGING_SECRET_KEY,
			EmulatorAccount.PROD_SECRET_KEY, EmulatorAccount.PREVIEW_SECRET_KEY, EmulatorAccount.PERSONAL_ACCESS_TOKEN,
			EmulatorAccount.ORGANIZATION_ACCESS_TOKEN, "tr_dev_sk_abcdefghijklmnopqrstuvwx", "pk_dev_public",
			"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJlbnZfMSJ9.c2lnbmF0dXJl", "garbage" })
	void journalMasksEveryCredentialLikeTheClient(String token) {
		TriggerEmulator emulator = trigger.emulator();
		EmulatorHttp.getRuns(emulator, token);
		RecordedRequest request = emulator.journal().last();
		assertThat(request.header("Authorization")).hasValue("Bearer " + Secrets.mask(token));
		assertThat(request.headers().toString()).doesNotContain(token);
		assertThat(request.hasCredential(token)).isTrue();
	}

	private static String clientToken(Credential credential) {
		TriggerCredentials credentials = credential.credentials();
		return credentials.token(credential.kind());
	}

	private static Fixture seed(TriggerEmulator emulator, Credential credential) {
		String runId = emulator.seedRun(RunSeed.of("seeded-task")
			.in(credential.environment())
			.branch(credential.branch())
			.behavior(TaskBehavior.staysQueued())
			.tags("seeded-tag")
			.idempotencyKey(IdempotencyKeys.hash("seeded-key")));
		String delayedRunId = emulator.seedRun(RunSeed.of("seeded-task")
			.in(credential.environment())
			.branch(credential.branch())
			.delayedUntil(emulator.clock().instant().plus(Duration.ofHours(1))));
		String batchId = emulator.seedBatch(EmulatorAccount.PROJECT_REF, credential.environment(), credential.branch(),
				runId);
		String scheduleId = emulator.seedSchedule(ScheduleSeed.of("seeded-task", "0 0 * * *", "seeded")
			.in(credential.environment())
			.branch(credential.branch()));
		emulator.seedEnvVar(EmulatorAccount.PROJECT_REF, credential.environment(), credential.branch(), "EXISTING",
				"1");
		String deploymentId = emulator.seedDeployment(DeploymentSeed.of("20250301.1")
			.in(credential.environment())
			.branch(credential.branch()));
		return new Fixture(runId, delayedRunId, scheduleId, deploymentId, batchId);
	}

}
