package io.github.triggerspring.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerScopesDeniedException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.JwtVerifier;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PublicTokensClient}: the wire of both ways to mint a token, and every
 * token verified independently ({@link JwtVerifier}).
 *
 * @author trigger-spring-boot contributors
 */
class PublicTokensClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final Instant NOW = Instant.parse("2026-03-01T10:15:30.750Z");

	static final long IAT = NOW.getEpochSecond();

	static final String ADDITIONAL_KEY = "tr_dev_sk_0123456789abcdefABCDEF01";

	private static final String CLAIMS = "{\"sub\":\"env_dev_1\",\"pub\":true}";

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void close() {
		this.api.close();
	}

	private PublicTokensClient client(TriggerCredentials credentials) {
		TriggerHttpClient http = this.api.http(credentials,
				MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT), Clock.fixed(NOW, ZoneOffset.UTC),
				Schedulers.parallel(), FixedRandom.LOWEST);
		return new PublicTokensClient(http, new DefaultTriggerAuthStrategy(credentials));
	}

	private String mint(Mono<String> call) {
		String[] token = new String[1];
		StepVerifier.create(call).consumeNextWith((value) -> token[0] = value).expectComplete().verify(TIMEOUT);
		return token[0];
	}

	private JsonNode selfSigned(Mono<String> call) {
		this.api.respond(200, CLAIMS);
		String token = mint(call);
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("POST /api/v1/auth/jwt/claims HTTP/1.1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(request.getBody().size()).isZero();
		assertThat(JwtVerifier.headerJson(token)).isEqualTo("{\"alg\":\"HS256\"}");
		assertThat(JwtVerifier.verifies(token, "tr_prod_0123456789abcdefABCDEF01")).isFalse();
		return JwtVerifier.verifiedPayload(token, MockTriggerApi.SECRET_KEY);
	}

	@Test
	void rootKeyReadsTheClaimsThenSignsEveryClaimAsTheSdk() {
		TokenScopes scopes = TokenScopes.builder()
			.read(ScopeResource.RUNS, "run_1", "run_2")
			.readAll(ScopeResource.TAGS)
			.write(ScopeResource.WAITPOINTS, "waitpoint_1")
			.writeAll(ScopeResource.BATCH)
			.read(ScopeResource.TASKS, "send-email")
			.oneTimeUse()
			.skipColumns("payload", "output")
			.build();
		JsonNode payload = selfSigned(
				client(MockTriggerApi.secretKey()).createPublicToken(scopes, TokenExpiration.parse("1h")));

		assertThat(payload.propertyNames()).containsExactlyInAnyOrder("sub", "pub", "scopes", "realtime", "otu", "iss",
				"aud", "iat", "exp");
		assertThat(payload.get("sub").asString()).isEqualTo("env_dev_1");
		assertThat(payload.get("pub").asBoolean()).isTrue();
		assertThat(payload.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read:runs:run_1",
				"read:runs:run_2", "read:tags", "write:waitpoints:waitpoint_1", "write:batch", "read:tasks:send-email");
		assertThat(payload.get("realtime").toString()).isEqualTo("{\"skipColumns\":[\"payload\",\"output\"]}");
		assertThat(payload.get("otu").asBoolean()).isTrue();
		assertThat(payload.get("iss").asString()).isEqualTo("https://id.trigger.dev");
		assertThat(payload.get("aud").asString()).isEqualTo("https://api.trigger.dev");
		assertThat(payload.get("iat").asLong()).isEqualTo(IAT);
		assertThat(payload.get("exp").asLong()).isEqualTo(IAT + 3600);
	}

	@Test
	void expiryIsFifteenMinutesByDefaultAndTakesDurationsInstantsAndTimeSpans() {
		PublicTokensClient client = client(MockTriggerApi.secretKey());
		TokenScopes scopes = TokenScopes.of("read:runs");
		assertThat(selfSigned(client.createPublicToken(scopes, TokenExpiration.DEFAULT)).get("exp").asLong())
			.isEqualTo(IAT + 900);
		assertThat(selfSigned(client.createPublicToken(scopes, TokenExpiration.in(Duration.ofMinutes(5))))
			.get("exp")
			.asLong()).isEqualTo(IAT + 300);
		assertThat(selfSigned(client.createPublicToken(scopes, TokenExpiration.at(NOW.plusSeconds(7200).plusMillis(1))))
			.get("exp")
			.asLong()).isEqualTo(IAT + 7200);
		assertThat(selfSigned(client.createPublicToken(scopes, TokenExpiration.parse("2 hours"))).get("exp").asLong())
			.isEqualTo(IAT + 7200);
		assertThat(selfSigned(client.createPublicToken(scopes, TokenExpiration.parse("30 days"))).get("exp").asLong())
			.isEqualTo(IAT + 30 * 86400);
		assertThat(selfSigned(client.createPublicToken(scopes, TokenExpiration.parse("1.5h"))).get("exp").asLong())
			.isEqualTo(IAT + 5400);
	}

	@Test
	void tokenWithoutScopesHasNoScopesClaim() {
		JsonNode payload = selfSigned(
				client(MockTriggerApi.secretKey()).createPublicToken(TokenScopes.of(), TokenExpiration.DEFAULT));
		assertThat(payload.has("scopes")).isFalse();
		assertThat(payload.has("otu")).isFalse();
		assertThat(payload.has("realtime")).isFalse();
	}

	@Test
	void triggerTokenIsForOneUseUnlessMultipleUseIsAsked() {
		PublicTokensClient client = client(MockTriggerApi.secretKey());
		JsonNode once = selfSigned(client.createTriggerPublicToken(List.of("a", "b/c"), false, TokenExpiration.DEFAULT));
		assertThat(once.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("trigger:tasks:a",
				"trigger:tasks:b/c");
		assertThat(once.get("otu").asBoolean()).isTrue();
		JsonNode many = selfSigned(client.createTriggerPublicToken(List.of("a"), true, TokenExpiration.DEFAULT));
		assertThat(many.has("otu")).isFalse();
	}

	@Test
	void batchTriggerTokenNamesTheTasksItMayBatch() {
		JsonNode payload = selfSigned(client(MockTriggerApi.secretKey()).createBatchTriggerPublicToken(List.of("a"),
				false, TokenExpiration.parse("10m")));
		assertThat(payload.get("scopes").valueStream().map(JsonNode::asString))
			.containsExactly("batchTrigger:tasks:a");
		assertThat(payload.get("otu").asBoolean()).isTrue();
		assertThat(payload.get("exp").asLong()).isEqualTo(IAT + 600);
	}

	@Test
	void previewKeySendsItsBranchAndSignsWithThePreviewKey() {
		TriggerCredentials preview = TriggerCredentials.of(MockTriggerApi.PREVIEW_KEY, null, null, null, "feature-x");
		this.api.respond(200, "{\"sub\":\"env_branch_feature_x\",\"pub\":true}");
		String token = mint(client(preview).createPublicToken(TokenScopes.of("read:runs"), TokenExpiration.DEFAULT));
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getHeaders().get("x-trigger-branch")).isEqualTo("feature-x");
		assertThat(JwtVerifier.verifies(token, MockTriggerApi.SECRET_KEY)).isFalse();
		assertThat(JwtVerifier.verifiedPayload(token, MockTriggerApi.PREVIEW_KEY).get("sub").asString())
			.isEqualTo("env_branch_feature_x");
	}

	@Test
	void additionalKeyHasTheServerMintTheToken() {
		TriggerCredentials additional = TriggerCredentials.of(ADDITIONAL_KEY, null, null, null, null);
		this.api.respond(200, "{\"token\":\"server.minted.jwt\"}");
		TokenScopes scopes = TokenScopes.builder()
			.read(ScopeResource.RUNS, "run_1")
			.oneTimeUse()
			.skipColumns("payload")
			.build();
		assertThat(mint(client(additional).createPublicToken(scopes, TokenExpiration.parse("1h"))))
			.isEqualTo("server.minted.jwt");
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("POST /api/v1/auth/public-tokens HTTP/1.1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + ADDITIONAL_KEY);
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getBody().utf8()).isEqualTo("{\"scopes\":[\"read:runs:run_1\"],\"expirationTime\":\"1h\","
				+ "\"oneTimeUse\":true,\"realtime\":{\"skipColumns\":[\"payload\"]}}");
	}

	@Test
	void additionalKeyAsTheCallsCredentialSendsAnInstantAsEpochSeconds() {
		this.api.respond(200, "{\"token\":\"t\"}");
		mint(client(MockTriggerApi.secretKey()).createPublicToken(TokenScopes.of("read:runs"),
				TokenExpiration.at(NOW.plusSeconds(60)), RequestOptions.none().withCredential(ADDITIONAL_KEY)));
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getTarget()).isEqualTo("/api/v1/auth/public-tokens");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + ADDITIONAL_KEY);
		assertThat(request.getBody().utf8())
			.isEqualTo("{\"scopes\":[\"read:runs\"],\"expirationTime\":" + (IAT + 60) + "}");
	}

	@Test
	void deniedScopesBecomeATypedErrorThatListsThem() {
		this.api.respond(403, "{\"error\":\"Requested scopes exceed the key's access\",\"code\":"
				+ "\"scopes_exceed_key_access\",\"deniedScopes\":[\"write:waitpoints\",\"read:all\"]}");
		StepVerifier
			.create(client(TriggerCredentials.of(ADDITIONAL_KEY, null, null, null, null))
				.createPublicToken(TokenScopes.of("write:waitpoints", "read:all", "read:runs"), TokenExpiration.DEFAULT))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerScopesDeniedException.class)
					.hasMessage("403 Requested scopes exceed the key's access Denied scopes: write:waitpoints, "
							+ "read:all.");
				assertThat(((TriggerScopesDeniedException) error).getDeniedScopes()).containsExactly("write:waitpoints",
						"read:all");
			})
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getBody().utf8())
			.isEqualTo("{\"scopes\":[\"write:waitpoints\",\"read:all\",\"read:runs\"],\"expirationTime\":\"15m\"}");
	}

	@Test
	void badInputIsRefusedBeforeAnythingIsSent() {
		PublicTokensClient client = client(MockTriggerApi.secretKey());
		expectInvalid(client.createPublicToken(TokenScopes.of("read:runs"), TokenExpiration.parse("soon")),
				"Invalid 'expiration': is 'soon'. Pass a positive Duration, an Instant, or a time span such as "
						+ "\"15m\", \"1h\" or \"2 hours\".");
		expectInvalid(client.createPublicToken(TokenScopes.of("read:runs"), TokenExpiration.parse("1h ago")),
				"Invalid 'expiration': is '1h ago', which is not in the future. Pass a positive Duration, an Instant, "
						+ "or a time span such as \"15m\", \"1h\" or \"2 hours\".");
		expectInvalid(client.createPublicToken(TokenScopes.of("read:runs"), TokenExpiration.in(Duration.ZERO)),
				"Invalid 'expiration': is a lifetime of PT0S. Pass a positive Duration, an Instant, or a time span "
						+ "such as \"15m\", \"1h\" or \"2 hours\".");
		expectInvalid(client.createTriggerPublicToken(List.of("a", " "), false, TokenExpiration.DEFAULT),
				"Invalid 'scopes': has 'trigger:tasks:', which is not a scope such as read:runs:run_1 or "
						+ "trigger:tasks:my-task. Pass the ids of the resources the token may use.");
		expectInvalid(client.createBatchTriggerPublicToken(List.of(), false, TokenExpiration.DEFAULT),
				"Invalid 'taskIds': must not be empty: a trigger token names the tasks it may trigger. Pass at least "
						+ "one task id.");
		expectInvalid(client(TriggerCredentials.of(ADDITIONAL_KEY, null, null, null, null))
			.createPublicToken(TokenScopes.of(), TokenExpiration.DEFAULT),
				"Invalid 'scopes': must not be empty: the server mints a token for an additional secret key only "
						+ "with at least one scope. Add a scope.");
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void accessTokenOrPublicTokenCannotMintATokenAndNothingIsSent() {
		StepVerifier
			.create(client(MockTriggerApi.pat(TriggerEnvironment.DEV)).createPublicToken(TokenScopes.of("read:runs"),
					TokenExpiration.DEFAULT))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class)
				.hasMessage("Endpoint 'auth.jwtClaims' accepts a secret key, but only a personal access token is "
						+ "configured. Set 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY)."))
			.verify(TIMEOUT);
		String publicToken = IssuedTokensTests.publicToken("read:runs");
		StepVerifier
			.create(client(MockTriggerApi.secretKey()).createPublicToken(TokenScopes.of("read:runs"),
					TokenExpiration.DEFAULT, RequestOptions.none().withCredential(publicToken)))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class)
				.hasMessageStartingWith("Endpoint 'auth.jwtClaims' accepts a secret key, but the call carries a public "
						+ "access token."))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	private static void expectInvalid(Mono<String> call, String message) {
		StepVerifier.create(call)
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerValidationException.class)
				.hasMessage(message))
			.verify(TIMEOUT);
	}

}
