package io.github.triggerspring.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import io.github.triggerspring.auth.MissingScopeException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.realtime.SubscribeOptions;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.JwtVerifier;
import io.github.triggerspring.testing.MockTriggerApi;
import io.github.triggerspring.waitpoints.CreatedWaitpointToken;
import io.github.triggerspring.waitpoints.WaitpointsClient;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire-level tests of the realtime subscriptions and {@code wait.completeToken} with a
 * public access token as the call's credential: a token with the right scope is sent as
 * it is, one without it is refused before the wire; and the public access token of
 * {@code wait.createToken}.
 *
 * @author trigger-spring-boot contributors
 */
class PublicTokenRealtimeAndWaitpointTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String FINISHED_RUN = "[{\"key\":\"\\\"public\\\".\\\"TaskRun\\\"/\\\"cm1\\\"\",\"value\":{"
			+ "\"id\":\"cm1\",\"friendlyId\":\"run_1\",\"taskIdentifier\":\"a\",\"status\":\"COMPLETED_SUCCESSFULLY\","
			+ "\"createdAt\":\"2026-01-01 10:00:00\",\"updatedAt\":\"2026-01-01 10:00:01\","
			+ "\"completedAt\":\"2026-01-01 10:00:01\"},\"headers\":{\"operation\":\"insert\"}},"
			+ "{\"headers\":{\"control\":\"up-to-date\"}}]";

	private final MockTriggerApi api = new MockTriggerApi();

	private final TriggerHttpClient http = this.api.http(MockTriggerApi.secretKey(),
			MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT),
			Clock.fixed(PublicTokensClientTests.NOW, ZoneOffset.UTC), Schedulers.parallel(), FixedRandom.LOWEST);

	@AfterEach
	void close() {
		this.api.close();
	}

	private static RequestOptions with(String token) {
		return RequestOptions.none().withCredential(token);
	}

	private void respondWithFinishedRun() {
		this.api.respond(200, FINISHED_RUN, "electric-handle: h1", "electric-offset: 1_0");
	}

	private RecordedRequest sentWith(String token) {
		RecordedRequest request = this.api.takeRequest();
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
		return request;
	}

	private void refusedBeforeTheWire(Mono<?> call, String message) {
		int before = this.api.requestCount();
		StepVerifier.create(call)
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(MissingScopeException.class)
				.hasMessage(message))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(before);
	}

	@Test
	void runSubscriptionSendsATokenThatMayReadTheRunAndRefusesOneThatSurelyMayNot() {
		RunsClient runs = new RunsClient(this.http);
		for (String scope : new String[] { "read:runs:run_1", "read:tags:vip" }) {
			String token = IssuedTokensTests.publicToken(scope);
			respondWithFinishedRun();
			StepVerifier.create(runs.subscribe("run_1", SubscribeOptions.defaults(), with(token)))
				.expectNextCount(1)
				.expectComplete()
				.verify(TIMEOUT);
			assertThat(sentWith(token).getTarget()).isEqualTo("/realtime/v1/runs/run_1?log=full&offset=-1");
		}
		refusedBeforeTheWire(
				runs.subscribe("run_2", SubscribeOptions.defaults(),
						with(IssuedTokensTests.publicToken("read:runs:run_1")))
					.then(),
				"The public access token lacks the scope read:runs:run_2 that 'runs.subscribeToRun' needs; it has "
						+ "read:runs:run_1. Mint a token with that scope, or call without a per-call credential to use "
						+ "the secret key.");
	}

	@Test
	void tagSubscriptionSendsATokenForTheTagAndRefusesOneForAnotherTag() {
		RunsClient runs = new RunsClient(this.http);
		String token = IssuedTokensTests.publicToken("read:tags:vip");
		respondWithFinishedRun();
		StepVerifier.create(runs.subscribeToTag("vip", Duration.ofHours(2), SubscribeOptions.defaults(), with(token)))
			.expectNextCount(1)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(sentWith(token).getTarget())
			.isEqualTo("/realtime/v1/runs?createdAt=7200s&log=full&offset=-1&tags=vip");
		refusedBeforeTheWire(
				runs.subscribeToTag("other", Duration.ofHours(2), SubscribeOptions.defaults(), with(token)).then(),
				"The public access token lacks the scope read:tags:other that 'runs.subscribeToRunsWithTag' needs; it "
						+ "has read:tags:vip. Mint a token with that scope, or call without a per-call credential to "
						+ "use the secret key.");
	}

	@Test
	void batchSubscriptionSendsATokenForTheBatchAndRefusesOneForAnotherBatch() {
		BatchesClient batches = new BatchesClient(this.http);
		String token = IssuedTokensTests.publicToken("read:batch:batch_1");
		respondWithFinishedRun();
		StepVerifier.create(batches.subscribe("batch_1", SubscribeOptions.defaults(), with(token)))
			.expectNextCount(1)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(sentWith(token).getTarget()).isEqualTo("/realtime/v1/batches/batch_1?log=full&offset=-1");
		refusedBeforeTheWire(batches.subscribe("batch_2", SubscribeOptions.defaults(), with(token)).then(),
				"The public access token lacks the scope read:batch:batch_2 that 'runs.subscribeToBatch' needs; it "
						+ "has read:batch:batch_1. Mint a token with that scope, or call without a per-call credential "
						+ "to use the secret key.");
	}

	@Test
	void completeTokenSendsTheWaitpointsTokenAndRefusesOneForAnotherWaitpoint() {
		WaitpointsClient waitpoints = new WaitpointsClient(this.http);
		String token = IssuedTokensTests.publicToken("write:waitpoints:waitpoint_1");
		this.api.respond(200, "{\"success\":true}");
		StepVerifier.create(waitpoints.completeToken("waitpoint_1", "ok", with(token)))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest request = sentWith(token);
		assertThat(request.getRequestLine())
			.isEqualTo("POST /api/v1/waitpoints/tokens/waitpoint_1/complete HTTP/1.1");
		assertThat(request.getBody().utf8()).isEqualTo("{\"data\":\"ok\"}");
		refusedBeforeTheWire(waitpoints.completeToken("waitpoint_2", "ok", with(token)),
				"The public access token lacks the scope write:waitpoints:waitpoint_2 that 'wait.completeToken' "
						+ "needs; it has write:waitpoints:waitpoint_1. Mint a token with that scope, or call without a "
						+ "per-call credential to use the secret key.");
	}

	@Test
	void createdWaitpointTokenWithoutTheHeaderCarriesATokenSignedFromTheClaimsToCompleteItFor24Hours() {
		this.api.respond(200, "{\"id\":\"waitpoint_1\",\"isCached\":false,\"url\":\"https://x/callback/h\"}",
				"x-trigger-jwt-claims: {\"sub\":\"env_dev_1\",\"pub\":true}");
		CreatedWaitpointToken[] created = new CreatedWaitpointToken[1];
		StepVerifier.create(new WaitpointsClient(this.http).createToken())
			.consumeNextWith((value) -> created[0] = value)
			.expectComplete()
			.verify(TIMEOUT);
		JsonNode payload = JwtVerifier.verifiedPayload(created[0].publicAccessToken(), MockTriggerApi.SECRET_KEY);
		assertThat(payload.get("sub").asString()).isEqualTo("env_dev_1");
		assertThat(payload.get("scopes").valueStream().map(JsonNode::asString))
			.containsExactly("write:waitpoints:waitpoint_1");
		assertThat(payload.get("exp").asLong()).isEqualTo(PublicTokensClientTests.IAT + 24 * 3600);
	}

}
