package io.github.triggerspring.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DefaultTriggerAuthStrategy} with a public access token as the call's
 * credential: the endpoints that refuse one, and the scopes checked before the wire.
 *
 * @author trigger-spring-boot contributors
 */
class DefaultTriggerAuthStrategyPublicTokenTests {

	private static final TriggerCredentials CONFIGURED = TriggerCredentials.of("tr_dev_0123456789abcdefABCDEF01",
			"tr_pat_123456789abcdefghijkmnopqrstuvwxyz12345", "proj_rrrrrrrrrrrrrrrrrrrr", null, null);

	private final DefaultTriggerAuthStrategy strategy = new DefaultTriggerAuthStrategy(CONFIGURED);

	/**
	 * An unsigned-looking public token: the strategy reads its claims, it never verifies
	 * them.
	 */
	static String token(String... scopes) {
		String list = Arrays.stream(scopes).map((scope) -> "\"" + scope + "\"").collect(Collectors.joining(","));
		return encode("{\"alg\":\"HS256\"}") + "." + encode("{\"sub\":\"env_1\",\"pub\":true,\"scopes\":[" + list
				+ "],\"exp\":4102444800}") + ".c2lnbmF0dXJl";
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static AuthOptions carrying(String token, String... resources) {
		return AuthOptions.concerning(resources).withCall(null, token);
	}

	static Stream<TriggerEndpoint> refusingEndpoints() {
		return Arrays.stream(TriggerEndpoint.values())
			.filter((endpoint) -> !endpoint.isPublic() && !endpoint.accepts(CredentialKind.PUBLIC_ACCESS_TOKEN));
	}

	@ParameterizedTest
	@MethodSource("refusingEndpoints")
	void endpointThatDoesNotAcceptAPublicTokenRefusesItBeforeTheWire(TriggerEndpoint endpoint) {
		String token = token("admin");
		StepVerifier.create(this.strategy.authorize(endpoint, carrying(token, "x")))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class)
				.hasMessage("Endpoint '" + endpoint.id() + "' accepts "
						+ (endpoint.accepts(CredentialKind.PERSONAL_ACCESS_TOKEN)
								? "a secret key or a personal access token" : "a secret key")
						+ ", but the call carries a public access token. Call it without a per-call credential to use "
						+ "the configured one, or pass a secret key as the per-call credential.")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(token)))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void triggerTokenForOneTaskMayTriggerOnlyThatTask() {
		String token = token("trigger:tasks:a");
		assertThat(this.strategy.decide(TriggerEndpoint.TASK_TRIGGER, carrying(token, "a")))
			.isEqualTo(new CallAuthorization(TriggerEndpoint.TASK_TRIGGER, CredentialKind.PUBLIC_ACCESS_TOKEN, token,
					null, null, null));
		StepVerifier.create(this.strategy.authorize(TriggerEndpoint.TASK_TRIGGER, carrying(token, "b")))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(MissingScopeException.class)
					.hasMessage("The public access token lacks the scope trigger:tasks:b that 'task.trigger' needs; it "
							+ "has trigger:tasks:a. Mint a token with that scope, or call without a per-call credential "
							+ "to use the secret key.");
				assertThat(((MissingScopeException) error).getMissingScope()).isEqualTo("trigger:tasks:b");
				assertThat(((MissingScopeException) error).getTokenScopes()).containsExactly("trigger:tasks:a");
			})
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void typeLevelAndSuperScopesAllowEveryTrigger() {
		for (String scope : List.of("trigger:tasks", "write:tasks", "admin")) {
			assertThat(this.strategy.decide(TriggerEndpoint.TASK_TRIGGER, carrying(token(scope), "b")).credential())
				.as(scope)
				.isEqualTo(CredentialKind.PUBLIC_ACCESS_TOKEN);
		}
	}

	@Test
	void batchTokenMustNameOneOfTheBatchsTasks() {
		String token = token("batchTrigger:tasks:a");
		for (TriggerEndpoint endpoint : List.of(TriggerEndpoint.TASK_BATCH_TRIGGER, TriggerEndpoint.BATCH_TRIGGER)) {
			assertThat(this.strategy.decide(endpoint, carrying(token, "a", "b")).token()).isEqualTo(token);
			assertThatExceptionOfType(MissingScopeException.class)
				.isThrownBy(() -> this.strategy.decide(endpoint, carrying(token, "b", "c")))
				.satisfies((ex) -> assertThat(ex.getMissingScope())
					.isEqualTo("batchTrigger:tasks:b or batchTrigger:tasks:c"));
		}
		assertThatExceptionOfType(MissingScopeException.class).isThrownBy(
				() -> this.strategy.decide(TriggerEndpoint.TASK_BATCH_TRIGGER, carrying(token("trigger:tasks:a"), "a")));
	}

	@Test
	void runReadNeedsTheRunsScopeUnlessTheServerMayMatchATagBatchOrTask() {
		assertThat(this.strategy.decide(TriggerEndpoint.RUNS_RETRIEVE, carrying(token("read:runs:run_1"), "run_1"))
			.credential()).isEqualTo(CredentialKind.PUBLIC_ACCESS_TOKEN);
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.RUNS_RETRIEVE,
					carrying(token("read:runs:run_1", "write:waitpoints:waitpoint_1"), "run_2")))
			.withMessage("The public access token lacks the scope read:runs:run_2 that 'runs.retrieve' needs; it has "
					+ "read:runs:run_1, write:waitpoints:waitpoint_1. Mint a token with that scope, or call without a "
					+ "per-call credential to use the secret key.");
		for (String scope : List.of("read:runs", "read:all", "read:tags:vip", "read:batch:batch_1", "read:tasks")) {
			assertThat(this.strategy.decide(TriggerEndpoint.RUNS_RETRIEVE, carrying(token(scope), "run_2")).token())
				.as(scope)
				.isNotNull();
		}
	}

	@Test
	void runListNeedsTheTypeLevelRunsScope() {
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.RUNS_LIST, carrying(token("read:runs:run_1"))))
			.satisfies((ex) -> assertThat(ex.getMissingScope()).isEqualTo("read:runs"));
		assertThat(this.strategy.decide(TriggerEndpoint.RUNS_LIST, carrying(token("read:runs"))).projectRef())
			.isNull();
		assertThat(this.strategy.decide(TriggerEndpoint.RUNS_LIST, carrying(token("read:tasks:a"))).token())
			.isNotNull();
	}

	@Test
	void batchReadNeedsTheBatchScopeOrReadRuns() {
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.BATCH_RETRIEVE,
					carrying(token("read:batch:batch_1"), "batch_2")))
			.satisfies((ex) -> assertThat(ex.getMissingScope()).isEqualTo("read:batch:batch_2"));
		for (String scope : List.of("read:batch:batch_2", "read:batch", "read:runs", "admin")) {
			assertThat(this.strategy.decide(TriggerEndpoint.BATCH_RETRIEVE, carrying(token(scope), "batch_2")).token())
				.as(scope)
				.isNotNull();
		}
	}

	@Test
	void runSubscriptionIsAsLenientAsRunRead() {
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUN,
					carrying(token("read:runs:run_1", "write:waitpoints:waitpoint_1"), "run_2")))
			.satisfies((ex) -> assertThat(ex.getMissingScope()).isEqualTo("read:runs:run_2"));
		for (String scope : List.of("read:runs:run_2", "read:runs", "read:all", "admin", "read:tags:vip", "read:tags",
				"read:batch:batch_1", "read:batch", "read:tasks:a", "read:tasks")) {
			assertThat(this.strategy.decide(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUN, carrying(token(scope), "run_2"))
				.token()).as(scope).isNotNull();
		}
	}

	@Test
	void tagSubscriptionNeedsTheTagsOrRunsScope() {
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG,
					carrying(token("read:tags:vip", "read:runs:run_1"), "other")))
			.satisfies((ex) -> assertThat(ex.getMissingScope()).isEqualTo("read:tags:other"));
		for (String scope : List.of("read:tags:vip", "read:tags", "read:runs", "read:all", "admin")) {
			assertThat(this.strategy.decide(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG,
					carrying(token(scope), "vip")).token()).as(scope).isNotNull();
		}
	}

	@Test
	void batchSubscriptionNeedsTheBatchScopeOrReadRuns() {
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.RUNS_SUBSCRIBE_TO_BATCH,
					carrying(token("read:batch:batch_1", "read:tags"), "batch_2")))
			.satisfies((ex) -> assertThat(ex.getMissingScope()).isEqualTo("read:batch:batch_2"));
		for (String scope : List.of("read:batch:batch_2", "read:batch", "read:runs", "read:all", "admin")) {
			assertThat(this.strategy.decide(TriggerEndpoint.RUNS_SUBSCRIBE_TO_BATCH, carrying(token(scope), "batch_2"))
				.token()).as(scope).isNotNull();
		}
	}

	@Test
	void completingAWaitpointNeedsItsWriteScope() {
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.WAIT_COMPLETE_TOKEN,
					carrying(token("write:waitpoints:waitpoint_1", "read:all"), "waitpoint_2")))
			.satisfies((ex) -> assertThat(ex.getMissingScope()).isEqualTo("write:waitpoints:waitpoint_2"));
		for (String scope : List.of("write:waitpoints:waitpoint_2", "write:waitpoints", "admin")) {
			assertThat(this.strategy.decide(TriggerEndpoint.WAIT_COMPLETE_TOKEN,
					carrying(token(scope), "waitpoint_2")).token()).as(scope).isNotNull();
		}
	}

	@Test
	void tokenWithoutScopesMayDoNothing() {
		assertThatExceptionOfType(MissingScopeException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.TASK_TRIGGER, carrying(token(), "a")))
			.withMessageContaining("it has no scope.");
	}

	@Test
	void askingForAnotherKindWithAPublicTokenIsRefused() {
		AuthOptions options = new AuthOptions(CredentialKind.PERSONAL_ACCESS_TOKEN, null, null, token("read:runs"));
		assertThatExceptionOfType(UnsupportedCredentialException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.RUNS_LIST, options))
			.withMessage("The call to 'runs.list' asked for a personal access token, but carries a public access "
					+ "token. Leave the credential kind out, or pass a personal access token as the per-call credential.");
	}

	@Test
	void askingForAPublicTokenWithoutCarryingOneIsRefused() {
		assertThatExceptionOfType(UnsupportedCredentialException.class)
			.isThrownBy(() -> this.strategy.decide(TriggerEndpoint.TASK_TRIGGER,
					AuthOptions.using(CredentialKind.PUBLIC_ACCESS_TOKEN)))
			.withMessage("The call to 'task.trigger' asked for a public access token, but only a secret key or a "
					+ "personal access token is configured. Set a public access token as the call's credential "
					+ "(RequestOptions.withCredential).");
	}

	@Test
	void aJwtThatIsNotPublicIsNoPublicAccessToken() {
		String notPublic = encode("{\"alg\":\"HS256\"}") + "." + encode("{\"sub\":\"x\"}") + ".c2ln";
		assertThat(PublicAccessToken.parse(notPublic)).isNull();
		assertThat(PublicAccessToken.parse("tr_dev_abc")).isNull();
		assertThat(PublicAccessToken.parse(token("read:runs"))).hasToString(
				"PublicAccessToken[scopes=[read:runs], oneTimeUse=false]");
	}

}
