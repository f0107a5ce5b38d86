package io.github.triggerspring.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import io.github.triggerspring.auth.MissingScopeException;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.tokens.IssuedTokens;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.BatchResult;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.JwtVerifier;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IssuedTokens}: the public access token of trigger and batch results,
 * and calls that carry a public access token.
 *
 * @author trigger-spring-boot contributors
 */
class IssuedTokensTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String CLAIMS_HEADER = "x-trigger-jwt-claims: {\"sub\":\"env_dev_1\",\"pub\":true}";

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void close() {
		this.api.close();
	}

	/** A public token as a frontend would hold it; the client never verifies it. */
	static String publicToken(String... scopes) {
		String list = String.join("\",\"", scopes);
		String payload = "{\"sub\":\"env_dev_1\",\"pub\":true,\"scopes\":[\"" + list + "\"]}";
		return encode("{\"alg\":\"HS256\"}") + "." + encode(payload) + ".c2lnbmF0dXJl";
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private TriggerHttpClient http(TriggerCredentials credentials) {
		return this.api.http(credentials, MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT),
				Clock.fixed(PublicTokensClientTests.NOW, ZoneOffset.UTC), Schedulers.parallel(), FixedRandom.LOWEST);
	}

	private TriggerResult trigger(TriggerCredentials credentials, String... headers) {
		this.api.respond(200, "{\"id\":\"run_1\"}", headers);
		TriggerResult[] result = new TriggerResult[1];
		StepVerifier.create(new TasksClient(http(credentials)).trigger("send-email", "hi"))
			.consumeNextWith((value) -> result[0] = value)
			.expectComplete()
			.verify(TIMEOUT);
		return result[0];
	}

	@Test
	void triggerResultCarriesTheServersToken() {
		assertThat(trigger(MockTriggerApi.secretKey(), "x-trigger-jwt: server.header.jwt", CLAIMS_HEADER)
			.publicAccessToken()).isEqualTo("server.header.jwt");
	}

	@Test
	void withoutTheHeaderTheTriggerTokenIsSignedFromTheClaimsToReadTheRunForAnHour() {
		String token = trigger(MockTriggerApi.secretKey(), CLAIMS_HEADER).publicAccessToken();
		assertThat(JwtVerifier.headerJson(token)).isEqualTo("{\"alg\":\"HS256\"}");
		assertThat(JwtVerifier.verifies(token, "tr_stg_0123456789abcdefABCDEF01")).isFalse();
		JsonNode payload = JwtVerifier.verifiedPayload(token, MockTriggerApi.SECRET_KEY);
		assertThat(payload.propertyNames()).containsExactlyInAnyOrder("sub", "pub", "scopes", "iss", "aud", "iat",
				"exp");
		assertThat(payload.get("sub").asString()).isEqualTo("env_dev_1");
		assertThat(payload.get("pub").asBoolean()).isTrue();
		assertThat(payload.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read:runs:run_1");
		assertThat(payload.get("iss").asString()).isEqualTo("https://id.trigger.dev");
		assertThat(payload.get("aud").asString()).isEqualTo("https://api.trigger.dev");
		assertThat(payload.get("iat").asLong()).isEqualTo(PublicTokensClientTests.IAT);
		assertThat(payload.get("exp").asLong()).isEqualTo(PublicTokensClientTests.IAT + 3600);
	}

	@Test
	void noTokenWithoutHeadersOrWithAKeyThatCannotSign() {
		assertThat(trigger(MockTriggerApi.secretKey()).publicAccessToken()).isNull();
		assertThat(trigger(TriggerCredentials.of(PublicTokensClientTests.ADDITIONAL_KEY, null, null, null, null),
				CLAIMS_HEADER)
			.publicAccessToken()).isNull();
	}

	@Test
	void batchResultTokenIsSignedToReadTheBatch() {
		this.api.respond(202, "{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":false}", CLAIMS_HEADER)
			.respond(200, "{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":0,\"sealed\":true}");
		BatchResult[] result = new BatchResult[1];
		StepVerifier.create(new TasksClient(http(MockTriggerApi.secretKey())).batchTrigger("a",
				List.of(new BatchItem("p", TriggerOptions.none()))))
			.consumeNextWith((value) -> result[0] = value)
			.expectComplete()
			.verify(TIMEOUT);
		JsonNode payload = JwtVerifier.verifiedPayload(result[0].publicAccessToken(), MockTriggerApi.SECRET_KEY);
		assertThat(payload.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read:batch:batch_1");
		assertThat(payload.get("exp").asLong()).isEqualTo(PublicTokensClientTests.IAT + 3600);
	}

	@Test
	void triggerWithATriggerTokenSendsOnlyTheToken() {
		String token = publicToken("trigger:tasks:send-email");
		this.api.respond(200, "{\"id\":\"run_1\"}", "x-trigger-jwt: run.read.jwt");
		StepVerifier
			.create(new TasksClient(http(MockTriggerApi.secretKey())).trigger("send-email", "hi",
					TriggerOptions.none(), RequestOptions.none().withCredential(token).withBranch("ignored")))
			.assertNext((result) -> assertThat(result.publicAccessToken()).isEqualTo("run.read.jwt"))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("POST /api/v1/tasks/send-email/trigger HTTP/1.1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
		assertThat(request.getHeaders().get("x-trigger-branch")).isNull();
	}

	@Test
	void tokenForAnotherTaskOrAnEndpointThatRefusesTokensSendsNothing() {
		String token = publicToken("trigger:tasks:a");
		StepVerifier
			.create(new TasksClient(http(MockTriggerApi.secretKey())).trigger("b", "hi", TriggerOptions.none(),
					RequestOptions.none().withCredential(token)))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(MissingScopeException.class)
				.hasMessage("The public access token lacks the scope trigger:tasks:b that 'task.trigger' needs; it has "
						+ "trigger:tasks:a. Mint a token with that scope, or call without a per-call credential to use "
						+ "the secret key."))
			.verify(TIMEOUT);
		StepVerifier
			.create(new RunsClient(http(MockTriggerApi.secretKey())).cancel("run_1",
					RequestOptions.none().withCredential(publicToken("admin"))))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class)
				.hasMessage("Endpoint 'runs.cancel' accepts a secret key, but the call carries a public access token. "
						+ "Call it without a per-call credential to use the configured one, or pass a secret key as the "
						+ "per-call credential."))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void readTokenReadsItsRun() {
		String token = publicToken("read:runs:run_1");
		this.api.respond(200, """
				{"id":"run_1","status":"COMPLETED","taskIdentifier":"a","isQueued":false,"isExecuting":false,
				 "isWaiting":false,"isCompleted":true,"isSuccess":true,"isFailed":false,"isCancelled":false,
				 "isTest":false,"createdAt":"2026-11-27T10:00:00.000Z","tags":[],"costInCents":0,
				 "baseCostInCents":0,"durationMs":12,"depth":0,"attemptCount":1}""");
		StepVerifier
			.create(new RunsClient(http(MockTriggerApi.secretKey())).retrieve("run_1",
					RequestOptions.none().withCredential(token)))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
		StepVerifier
			.create(new RunsClient(http(MockTriggerApi.secretKey())).retrieve("run_2",
					RequestOptions.none().withCredential(token)))
			.expectError(MissingScopeException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

}
