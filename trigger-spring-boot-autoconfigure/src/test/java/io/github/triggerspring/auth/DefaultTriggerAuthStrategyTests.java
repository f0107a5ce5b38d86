package io.github.triggerspring.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DefaultTriggerAuthStrategy}: the seed's whole decision table.
 *
 * @author trigger-spring-boot contributors
 */
class DefaultTriggerAuthStrategyTests {

	private static final String KEY = "tr_dev_0123456789abcdefABCDEF01";

	private static final String PREVIEW_KEY = "tr_preview_0123456789abcdefABCDEF";

	private static final String PAT = "tr_pat_123456789abcdefghijkmnopqrstuvwxyz12345";

	private static final String PROJECT = "proj_rrrrrrrrrrrrrrrrrrrr";

	private static final TriggerCredentials SECRET_KEY_ONLY = TriggerCredentials.of(KEY, null, PROJECT, null,
			"ignored-branch");

	private static final TriggerCredentials PAT_ONLY = TriggerCredentials.of(null, PAT, PROJECT,
			TriggerEnvironment.STAGING, "feature-x");

	private static final TriggerCredentials BOTH = TriggerCredentials.of(KEY, PAT, PROJECT,
			TriggerEnvironment.DEV, null);

	/** The seed's table, written out independently of {@link TriggerEndpoint}. */
	private static final List<String> SEED_SECRET_KEY_ONLY = List.of("task.trigger", "task.batchTrigger",
			"runs.retrieve", "runs.cancel", "runs.replay", "schedules.list", "schedules.create", "schedules.retrieve",
			"schedules.update", "schedules.activate", "schedules.deactivate", "schedules.del");

	private static final List<String> SEED_BOTH_KINDS = List.of("runs.list", "envvars.list", "envvars.retrieve",
			"envvars.upload", "envvars.create", "envvars.update", "envvars.del");

	/**
	 * Rows added after the seed: the API reference (notes §1.3) gives every other
	 * endpoint a secret key only (the realtime rows also accept a public access token
	 * with a read scope, notes §6.6a, once that credential kind exists).
	 */
	private static final List<String> ADDED_SECRET_KEY_ONLY = List.of("queues.list", "queues.retrieve",
			"queues.pause", "queues.resume", "queues.overrideConcurrencyLimit", "queues.resetConcurrencyLimit",
			"deployments.list", "deployments.retrieveCurrent", "deployments.retrieve", "deployments.latest",
			"deployments.promote", "batch.trigger", "batch.retrieve", "idempotencyKeys.reset", "packets.upload",
			"runs.reschedule", "runs.addTags", "runs.retrieveMetadata", "runs.updateMetadata", "wait.createToken",
			"wait.listTokens", "wait.retrieveToken", "wait.completeToken", "packets.retrieve", "runs.subscribeToRun",
			"runs.subscribeToRunsWithTag", "runs.subscribeToBatch", "auth.jwtClaims", "auth.publicTokens");

	/**
	 * Rows that also accept a public access token: the JWT entries of the notes' Auth
	 * columns (§2.1–§2.4); every other row refuses one.
	 */
	private static final List<String> ACCEPT_PUBLIC_TOKEN = List.of("task.trigger", "task.batchTrigger",
			"batch.trigger", "runs.list", "runs.retrieve", "batch.retrieve", "runs.subscribeToRun",
			"runs.subscribeToRunsWithTag", "runs.subscribeToBatch", "wait.completeToken");

	@Test
	void tableHoldsTheSeedsNineteenRowsTheAddedRowsAndThePublicTimezonesEndpoint() {
		List<TriggerEndpoint> authenticated = Arrays.stream(TriggerEndpoint.values())
			.filter((endpoint) -> !endpoint.isPublic())
			.toList();
		List<String> seedRows = new ArrayList<>(SEED_SECRET_KEY_ONLY);
		seedRows.addAll(SEED_BOTH_KINDS);
		assertThat(seedRows).hasSize(19);
		assertThat(authenticated).extracting(TriggerEndpoint::id)
			.containsExactlyInAnyOrderElementsOf(concat(seedRows, ADDED_SECRET_KEY_ONLY));
		for (String id : concat(SEED_SECRET_KEY_ONLY, ADDED_SECRET_KEY_ONLY)) {
			assertThat(configurableKinds(endpoint(id))).as(id).containsExactly(CredentialKind.SECRET_KEY);
		}
		for (String id : SEED_BOTH_KINDS) {
			assertThat(configurableKinds(endpoint(id))).as(id)
				.containsExactlyInAnyOrder(CredentialKind.SECRET_KEY, CredentialKind.PERSONAL_ACCESS_TOKEN);
		}
		for (TriggerEndpoint endpoint : authenticated) {
			assertThat(endpoint.accepts(CredentialKind.PUBLIC_ACCESS_TOKEN)).as(endpoint.id())
				.isEqualTo(ACCEPT_PUBLIC_TOKEN.contains(endpoint.id()));
		}
		assertThat(TriggerEndpoint.SCHEDULES_TIMEZONES.isPublic()).isTrue();
	}

	private static List<CredentialKind> configurableKinds(TriggerEndpoint endpoint) {
		return endpoint.accepts().stream().filter((kind) -> kind != CredentialKind.PUBLIC_ACCESS_TOKEN).toList();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	static Stream<Arguments> decisionTable() {
		Stream.Builder<Arguments> rows = Stream.builder();
		for (String id : concat(SEED_SECRET_KEY_ONLY, ADDED_SECRET_KEY_ONLY)) {
			rows.add(Arguments.of(id, "secret key", expect(CredentialKind.SECRET_KEY, KEY, null, TriggerEnvironment.DEV)));
			rows.add(Arguments.of(id, "PAT", null));
			rows.add(Arguments.of(id, "both", expect(CredentialKind.SECRET_KEY, KEY, null, TriggerEnvironment.DEV)));
		}
		rows.add(Arguments.of("runs.list", "secret key",
				expect(CredentialKind.SECRET_KEY, KEY, null, TriggerEnvironment.DEV)));
		rows.add(Arguments.of("runs.list", "PAT",
				expect(CredentialKind.PERSONAL_ACCESS_TOKEN, PAT, PROJECT, TriggerEnvironment.STAGING)));
		rows.add(Arguments.of("runs.list", "both", expect(CredentialKind.SECRET_KEY, KEY, null, TriggerEnvironment.DEV)));
		for (String id : SEED_BOTH_KINDS.subList(1, SEED_BOTH_KINDS.size())) {
			rows.add(Arguments.of(id, "secret key",
					expect(CredentialKind.SECRET_KEY, KEY, PROJECT, TriggerEnvironment.DEV)));
			rows.add(Arguments.of(id, "PAT",
					expect(CredentialKind.PERSONAL_ACCESS_TOKEN, PAT, PROJECT, TriggerEnvironment.STAGING)));
			rows.add(Arguments.of(id, "both", expect(CredentialKind.SECRET_KEY, KEY, PROJECT, TriggerEnvironment.DEV)));
		}
		return rows.build();
	}

	private static Expected expect(CredentialKind kind, String token, @Nullable String projectRef,
			TriggerEnvironment environment) {
		return new Expected(kind, token, projectRef, environment);
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("decisionTable")
	void decidesEveryEndpointForEveryCredentialSetup(String endpointId, String setup, @Nullable Expected expected) {
		TriggerEndpoint endpoint = endpoint(endpointId);
		TriggerCredentials credentials = switch (setup) {
			case "secret key" -> SECRET_KEY_ONLY;
			case "PAT" -> PAT_ONLY;
			default -> BOTH;
		};
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(credentials);
		if (expected == null) {
			assertThat(strategy.canCall(endpoint)).isFalse();
			StepVerifier.create(strategy.authorize(endpoint, AuthOptions.DEFAULT))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(UnsupportedCredentialException.class)
					.hasMessage("Endpoint '" + endpointId + "' accepts a secret key, but only a personal access token "
							+ "is configured. Set 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY)."))
				.verify(Duration.ofSeconds(5));
			return;
		}
		assertThat(strategy.canCall(endpoint)).isTrue();
		StepVerifier.create(strategy.authorize(endpoint, AuthOptions.DEFAULT))
			.expectNext(new CallAuthorization(endpoint, expected.kind(), expected.token(), expected.projectRef(),
					expected.environment(), null))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void noCredentialAtAllNeverReachesAStrategy() {
		assertThatExceptionOfType(InvalidTriggerConfigurationException.class)
			.isThrownBy(() -> TriggerCredentials.of(null, "  ", PROJECT, null, null))
			.satisfies((ex) -> assertThat(ex.getDescription()).isEqualTo(
					"No Trigger.dev credential is configured: neither a secret key nor a personal access token is set."));
	}

	@Test
	void publicTimezonesEndpointIsCalledWithoutCredentialWhateverIsConfigured() {
		for (TriggerCredentials credentials : List.of(SECRET_KEY_ONLY, PAT_ONLY, BOTH)) {
			CallAuthorization authorization = new DefaultTriggerAuthStrategy(credentials)
				.decide(TriggerEndpoint.SCHEDULES_TIMEZONES, AuthOptions.DEFAULT);
			assertThat(authorization).isEqualTo(CallAuthorization.anonymous(TriggerEndpoint.SCHEDULES_TIMEZONES));
		}
	}

	@Test
	void callerCanChooseTheProjectWideRunsListWhenBothCredentialsAreConfigured() {
		CallAuthorization authorization = new DefaultTriggerAuthStrategy(BOTH).decide(TriggerEndpoint.RUNS_LIST,
				AuthOptions.using(CredentialKind.PERSONAL_ACCESS_TOKEN));
		assertThat(authorization).isEqualTo(new CallAuthorization(TriggerEndpoint.RUNS_LIST,
				CredentialKind.PERSONAL_ACCESS_TOKEN, PAT, PROJECT, TriggerEnvironment.DEV, null));
	}

	@Test
	void callThatNamesAnotherEnvironmentThanTheSecretKeysUsesTheAccessToken() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(
				TriggerCredentials.of(KEY, PAT, PROJECT, null, "feature-x"));
		assertThat(strategy.decide(TriggerEndpoint.ENVVARS_UPLOAD, new AuthOptions(null, TriggerEnvironment.PREVIEW,
				null))).isEqualTo(new CallAuthorization(TriggerEndpoint.ENVVARS_UPLOAD,
						CredentialKind.PERSONAL_ACCESS_TOKEN, PAT, PROJECT, TriggerEnvironment.PREVIEW, "feature-x"));
		assertThat(strategy.decide(TriggerEndpoint.ENVVARS_UPLOAD, new AuthOptions(null, TriggerEnvironment.DEV, null))
			.credential()).isEqualTo(CredentialKind.SECRET_KEY);
	}

	@Test
	void askingForAnAccessTokenOnASecretKeyOnlyEndpointIsRefused() {
		assertThatExceptionOfType(UnsupportedCredentialException.class)
			.isThrownBy(() -> new DefaultTriggerAuthStrategy(BOTH).decide(TriggerEndpoint.RUNS_RETRIEVE,
					AuthOptions.using(CredentialKind.PERSONAL_ACCESS_TOKEN)))
			.withMessage("Endpoint 'runs.retrieve' accepts a secret key, but the call asked for a personal access "
					+ "token. Call it without asking for a credential kind, and set 'trigger.secret-key' "
					+ "(environment variable TRIGGER_SECRET_KEY).");
	}

	@Test
	void askingForAnAccessTokenThatIsNotConfiguredIsRefused() {
		assertThatExceptionOfType(UnsupportedCredentialException.class)
			.isThrownBy(() -> new DefaultTriggerAuthStrategy(SECRET_KEY_ONLY).decide(TriggerEndpoint.RUNS_LIST,
					AuthOptions.using(CredentialKind.PERSONAL_ACCESS_TOKEN)))
			.withMessage("The call to 'runs.list' asked for a personal access token, but only a secret key is "
					+ "configured. Set 'trigger.personal-access-token' (environment variable TRIGGER_ACCESS_TOKEN).");
	}

	@Test
	void previewSecretKeySendsTheConfiguredBranchOnEveryCall() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(
				TriggerCredentials.of(PREVIEW_KEY, null, PROJECT, null, "feature-x"));
		for (TriggerEndpoint endpoint : TriggerEndpoint.values()) {
			if (!endpoint.isPublic()) {
				CallAuthorization authorization = strategy.decide(endpoint, AuthOptions.DEFAULT);
				assertThat(authorization.branch()).as(endpoint.id()).isEqualTo("feature-x");
				assertThat(authorization.environment()).isEqualTo(TriggerEnvironment.PREVIEW);
			}
		}
	}

	@Test
	void nonPreviewSecretKeyNeverSendsABranch() {
		for (String key : List.of(KEY, "tr_stg_0123456789abcdefABCDEF01", "tr_prod_0123456789abcdefABCDEF01")) {
			DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(
					TriggerCredentials.of(key, null, PROJECT, null, "feature-x"));
			for (TriggerEndpoint endpoint : TriggerEndpoint.values()) {
				assertThat(strategy.decide(endpoint, new AuthOptions(null, null, "explicit")).branch())
					.as(key + " " + endpoint.id())
					.isNull();
			}
		}
	}

	@Test
	void accessTokenSendsABranchOnlyWhenTheCallTargetsPreview() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(PAT_ONLY);
		assertThat(strategy.decide(TriggerEndpoint.ENVVARS_LIST, AuthOptions.DEFAULT).branch()).isNull();
		assertThat(strategy
			.decide(TriggerEndpoint.ENVVARS_LIST, new AuthOptions(null, TriggerEnvironment.PREVIEW, null))
			.branch()).isEqualTo("feature-x");
		assertThat(strategy
			.decide(TriggerEndpoint.ENVVARS_UPLOAD, new AuthOptions(null, TriggerEnvironment.PREVIEW, "feature-y"))
			.branch()).isEqualTo("feature-y");
		assertThat(strategy
			.decide(TriggerEndpoint.ENVVARS_UPLOAD, new AuthOptions(null, TriggerEnvironment.PROD, "feature-y"))
			.branch()).isNull();
	}

	@Test
	void explicitBranchOverridesTheConfiguredOneForAPreviewKey() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(
				TriggerCredentials.of(PREVIEW_KEY, null, PROJECT, null, "feature-x"));
		assertThat(strategy.decide(TriggerEndpoint.ENVVARS_CREATE, new AuthOptions(null, null, "feature-z")).branch())
			.isEqualTo("feature-z");
	}

	@Test
	void accessTokenCallWithoutAnyEnvironmentIsRefusedWithTheSettingToFix() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(
				TriggerCredentials.of(null, PAT, PROJECT, null, null));
		StepVerifier.create(strategy.authorize(TriggerEndpoint.RUNS_LIST, AuthOptions.DEFAULT))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerValidationException.class)
				.hasMessage("Invalid 'environment': 'runs.list' with a personal access token needs a target "
						+ "environment. Pass one with the call, or set 'trigger.environment' (environment variable "
						+ "TRIGGER_ENVIRONMENT) to dev, staging, prod or preview."))
			.verify(Duration.ofSeconds(5));
		assertThat(strategy.decide(TriggerEndpoint.RUNS_LIST, new AuthOptions(null, TriggerEnvironment.PROD, null))
			.environment()).isEqualTo(TriggerEnvironment.PROD);
	}

	@Test
	void envVarCallWithASecretKeyNeedsAProjectRef() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(
				TriggerCredentials.of(KEY, null, null, null, null));
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> strategy.decide(TriggerEndpoint.ENVVARS_LIST, AuthOptions.DEFAULT))
			.withMessage("Invalid 'projectRef': 'envvars.list' needs a project ref. Set 'trigger.project-ref' "
					+ "(environment variable TRIGGER_PROJECT_REF).");
		assertThat(strategy.decide(TriggerEndpoint.RUNS_LIST, AuthOptions.DEFAULT).projectRef()).isNull();
	}

	@Test
	void secretKeyCallThatNamesAnotherEnvironmentIsRefused() {
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> new DefaultTriggerAuthStrategy(SECRET_KEY_ONLY).decide(TriggerEndpoint.ENVVARS_LIST,
					new AuthOptions(null, TriggerEnvironment.PROD, null)))
			.withMessageContaining("the call targets 'prod', but the secret key belongs to the 'dev' environment");
	}

	@Test
	void refusalsAndAuthorizationsNeverShowTheSecret() {
		CallAuthorization authorization = new DefaultTriggerAuthStrategy(BOTH).decide(TriggerEndpoint.RUNS_LIST,
				AuthOptions.DEFAULT);
		assertThat(authorization.toString()).doesNotContain(KEY).contains("tr_dev_…");
		assertThat(BOTH.toString()).doesNotContain(KEY).doesNotContain(PAT).contains("tr_pat_…");
		assertThatExceptionOfType(UnsupportedCredentialException.class)
			.isThrownBy(() -> new DefaultTriggerAuthStrategy(PAT_ONLY).decide(TriggerEndpoint.TASK_TRIGGER,
					AuthOptions.DEFAULT))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(PAT));
	}

	private static TriggerEndpoint endpoint(String id) {
		return Arrays.stream(TriggerEndpoint.values())
			.filter((endpoint) -> endpoint.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No endpoint " + id));
	}

	record Expected(CredentialKind kind, String token, @Nullable String projectRef, TriggerEnvironment environment) {

	}

	private static final String PROD_KEY = "tr_prod_0123456789abcdefABCDEF01";

	static Stream<TriggerEndpoint> allEndpoints() {
		return Arrays.stream(TriggerEndpoint.values());
	}

	private static AuthOptions withToken(@Nullable TriggerEnvironment environment, @Nullable String branch,
			String token) {
		return new AuthOptions(null, environment, branch, token);
	}

	@ParameterizedTest
	@MethodSource("allEndpoints")
	void perCallSecretKeyFollowsTheSeedsTableAsIfItWereTheOnlyCredential(TriggerEndpoint endpoint) {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(PAT_ONLY);
		if (endpoint.isPublic()) {
			assertThat(strategy.decide(endpoint, withToken(null, null, PROD_KEY)).token()).isNull();
			return;
		}
		CallAuthorization authorization = strategy.decide(endpoint, withToken(null, null, PROD_KEY));
		assertThat(authorization.credential()).isEqualTo(CredentialKind.SECRET_KEY);
		assertThat(authorization.token()).isEqualTo(PROD_KEY);
		assertThat(authorization.environment()).isEqualTo(TriggerEnvironment.PROD);
		assertThat(authorization.branch()).isNull();
		assertThat(authorization.projectRef()).isEqualTo(endpoint.isProjectScoped() ? PROJECT : null);
	}

	@ParameterizedTest
	@MethodSource("allEndpoints")
	void perCallAccessTokenIsRefusedBeforeTheWireWhereTheSeedSaysSecretKeyOnly(TriggerEndpoint endpoint) {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(SECRET_KEY_ONLY);
		if (endpoint.isPublic()) {
			return;
		}
		if (endpoint.accepts(CredentialKind.PERSONAL_ACCESS_TOKEN)) {
			CallAuthorization authorization = strategy.decide(endpoint,
					withToken(TriggerEnvironment.STAGING, null, PAT));
			assertThat(authorization.credential()).isEqualTo(CredentialKind.PERSONAL_ACCESS_TOKEN);
			assertThat(authorization.token()).isEqualTo(PAT);
			assertThat(authorization.projectRef()).isEqualTo(PROJECT);
			assertThat(authorization.environment()).isEqualTo(TriggerEnvironment.STAGING);
			return;
		}
		StepVerifier.create(strategy.authorize(endpoint, withToken(null, null, PAT)))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class);
				assertThat(error.getMessage()).doesNotContain(PAT).doesNotContain(KEY);
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void perCallPreviewKeyTakesTheCallsBranchAndNeedsOne() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(SECRET_KEY_ONLY);
		CallAuthorization authorization = strategy.decide(TriggerEndpoint.RUNS_RETRIEVE,
				withToken(null, "feature-y", PREVIEW_KEY));
		assertThat(authorization.environment()).isEqualTo(TriggerEnvironment.PREVIEW);
		assertThat(authorization.branch()).isEqualTo("feature-y");
		assertThat(authorization.token()).isEqualTo(PREVIEW_KEY);
		StepVerifier.create(new DefaultTriggerAuthStrategy(BOTH).authorize(TriggerEndpoint.RUNS_RETRIEVE,
				withToken(null, null, PREVIEW_KEY)))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerValidationException.class)
					.hasMessage("Invalid 'requestOptions.credential': The secret key (tr_preview_…) belongs to the "
							+ "preview environment, but no preview branch is set. The server answers 401 to every "
							+ "preview call without an x-trigger-branch header. Pass a secret key or access token as "
							+ "the per-call credential, or leave it out to use the configured one.");
				assertThat(((TriggerValidationException) error).getField()).isEqualTo("requestOptions.credential");
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void perCallCredentialThatIsNoCredentialIsRefusedWithoutShowingIt() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(SECRET_KEY_ONLY);
		StepVerifier.create(strategy.authorize(TriggerEndpoint.RUNS_RETRIEVE, withToken(null, null, "sk_live_abcdef")))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerValidationException.class)
				.hasMessage("Invalid 'requestOptions.credential': The value of the per-call credential (sk_…) does not "
						+ "start with a secret-key prefix. Pass a secret key or access token as the per-call "
						+ "credential, or leave it out to use the configured one."))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void perCallAccessTokenWithoutProjectRefIsRefused() {
		DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(
				TriggerCredentials.of(KEY, null, null, null, null));
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> strategy.decide(TriggerEndpoint.RUNS_LIST, withToken(TriggerEnvironment.PROD, null, PAT)))
			.withMessageStartingWith("Invalid 'requestOptions.credential': A personal access token (tr_pat_…) is "
					+ "configured without a project ref.")
			.withMessageNotContaining(PAT);
	}

	@Test
	void authOptionsNeverShowTheirToken() {
		assertThat(withToken(null, "b", PAT)).hasToString(
				"AuthOptions[credential=null, environment=null, branch=b, token=tr_pat_…, resources=[]]");
	}

}
