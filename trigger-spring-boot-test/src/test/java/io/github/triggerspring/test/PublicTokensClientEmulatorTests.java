package io.github.triggerspring.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.triggerspring.auth.MissingScopeException;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerAuthenticationException;
import io.github.triggerspring.error.TriggerPermissionDeniedException;
import io.github.triggerspring.error.TriggerScopesDeniedException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.realtime.SubscribeOptions;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.BatchOptions;
import io.github.triggerspring.tasks.BatchResult;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import io.github.triggerspring.tokens.PublicTokensClient;
import io.github.triggerspring.tokens.ScopeResource;
import io.github.triggerspring.tokens.TokenExpiration;
import io.github.triggerspring.tokens.TokenScopes;
import io.github.triggerspring.waitpoints.CreatedWaitpointToken;
import io.github.triggerspring.waitpoints.WaitpointTokenStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PublicTokensClient} and calls that carry a public access token,
 * against the emulator, through {@link TriggerEmulatorExtension}. Every token minted
 * here is verified with the JDK alone, independently of the library's signing code.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class PublicTokensClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String ADDITIONAL_KEY = "tr_dev_sk_abcdefghijklmnopqrstuvwx";

	private final TriggerEmulator emulator;

	private final EmulatorClients clients;

	PublicTokensClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.clients = EmulatorClients.devKey(emulator, EmulatorClients.FAST_RETRY, emulator.clock(),
				Schedulers.parallel());
	}

	private static boolean verifies(String token, String key) {
		String[] parts = token.split("\\.");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String payload(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	private static RequestOptions with(String token) {
		return RequestOptions.none().withCredential(token);
	}

	private int requests() {
		return this.emulator.journal().requests().size();
	}

	@Test
	void frontendTriggersOnceWithItsTokenAndReadsTheRunWithTheTokenItGetsBack() {
		String token = this.clients.auth()
			.createTriggerPublicToken(List.of("send-email"), false, TokenExpiration.DEFAULT)
			.block(TIMEOUT);
		assertThat(verifies(token, EmulatorAccount.DEV_SECRET_KEY)).isTrue();
		assertThat(verifies(token, EmulatorAccount.PROD_SECRET_KEY)).isFalse();
		assertThat(payload(token)).contains("\"scopes\":[\"trigger:tasks:send-email\"]").contains("\"otu\":true");

		TriggerResult result = this.clients.tasks()
			.trigger("send-email", Map.of("to", "a@b.c"), TriggerOptions.none(), with(token))
			.block(TIMEOUT);
		assertThat(verifies(result.publicAccessToken(), EmulatorAccount.DEV_SECRET_KEY)).isTrue();
		StepVerifier.create(this.clients.runs().retrieve(result.id(), with(result.publicAccessToken())))
			.assertNext((run) -> assertThat(run.id()).isEqualTo(result.id()))
			.expectComplete()
			.verify(TIMEOUT);

		StepVerifier.create(this.clients.tasks().trigger("send-email", "again", TriggerOptions.none(), with(token)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TriggerAuthenticationException.class)
				.hasMessageContaining("One-time use token has already been used"))
			.verify(TIMEOUT);
		int before = requests();
		StepVerifier.create(this.clients.tasks().trigger("other", "x", TriggerOptions.none(), with(token)))
			.expectError(MissingScopeException.class)
			.verify(TIMEOUT);
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void readTokenReadsOnlyItsRunAndExpires() {
		String runId = this.clients.tasks().trigger("report", null).block(TIMEOUT).id();
		String token = this.clients.auth()
			.createPublicToken(TokenScopes.builder().read(ScopeResource.RUNS, runId).build(),
					TokenExpiration.in(Duration.ofMinutes(5)))
			.block(TIMEOUT);
		Run run = this.clients.runs().retrieve(runId, with(token)).block(TIMEOUT);
		assertThat(run.id()).isEqualTo(runId);
		int before = requests();
		StepVerifier.create(this.clients.runs().cancel(runId, with(token)))
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageStartingWith(
					"Endpoint 'runs.cancel' accepts a secret key, but the call carries a public access token."))
			.verify(TIMEOUT);
		assertThat(requests()).isEqualTo(before);
		this.emulator.clock().advance(Duration.ofMinutes(5));
		StepVerifier.create(this.clients.runs().retrieve(runId, with(token)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TriggerAuthenticationException.class)
				.hasMessageContaining("Public Access Token has expired"))
			.verify(TIMEOUT);
	}

	@Test
	void batchTokenBatchesItsTaskAndTheBatchTokenReadsTheBatch() {
		String token = this.clients.auth()
			.createBatchTriggerPublicToken(List.of("a"), true, TokenExpiration.parse("10m"))
			.block(TIMEOUT);
		BatchResult batch = this.clients.tasks()
			.batchTrigger("a", List.of(new BatchItem(1, TriggerOptions.none()), new BatchItem(2, TriggerOptions.none())),
					BatchOptions.none(), with(token))
			.block(TIMEOUT);
		assertThat(batch.runCount()).isEqualTo(2);
		StepVerifier.create(this.clients.batch().retrieve(batch.batchId(), with(batch.publicAccessToken())))
			.assertNext((retrieved) -> assertThat(retrieved.runs()).hasSize(2))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void additionalKeyHasTheEmulatorMintWithinItsRights() {
		this.emulator.addSecretKey(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, ADDITIONAL_KEY)
			.restrictSecretKey(ADDITIONAL_KEY, "read:runs");
		PublicTokensClient auth = EmulatorClients
			.of(this.emulator, TriggerCredentials.of(ADDITIONAL_KEY, null, null, null, null))
			.auth();
		String token = auth.createPublicToken(TokenScopes.of("read:runs:run_1"), TokenExpiration.parse("1h"))
			.block(TIMEOUT);
		assertThat(verifies(token, EmulatorAccount.DEV_SECRET_KEY)).isTrue();
		assertThat(this.emulator.journal().requests()).extracting((request) -> request.endpointId())
			.contains("auth.publicTokens")
			.doesNotContain("auth.jwtClaims");
		StepVerifier
			.create(auth.createPublicToken(TokenScopes.builder().writeAll(ScopeResource.WAITPOINTS).build(),
					TokenExpiration.DEFAULT))
			.expectErrorSatisfies((error) -> assertThat(((TriggerScopesDeniedException) error).getDeniedScopes())
				.containsExactly("write:waitpoints"))
			.verify(TIMEOUT);
	}

	private String mint(TokenScopes scopes) {
		return this.clients.auth().createPublicToken(scopes, TokenExpiration.parse("10m")).block(TIMEOUT);
	}

	private void refusedBeforeTheWire(Mono<?> call, String missingScope) {
		int before = requests();
		StepVerifier.create(call)
			.expectErrorSatisfies((error) -> assertThat(((MissingScopeException) error).getMissingScope())
				.isEqualTo(missingScope))
			.verify(TIMEOUT);
		assertThat(requests()).isEqualTo(before);
	}

	@Test
	void waitpointTokenCompletesItsWaitpointWithTheTokenItCameWith() {
		CreatedWaitpointToken created = this.clients.waitpoints().createToken().block(TIMEOUT);
		CreatedWaitpointToken other = this.clients.waitpoints().createToken().block(TIMEOUT);
		assertThat(verifies(created.publicAccessToken(), EmulatorAccount.DEV_SECRET_KEY)).isTrue();
		assertThat(payload(created.publicAccessToken()))
			.contains("\"scopes\":[\"write:waitpoints:" + created.id() + "\"]");
		String token = created.publicAccessToken();
		refusedBeforeTheWire(this.clients.waitpoints().completeToken(other.id(), "no", with(token)),
				"write:waitpoints:" + other.id());
		StepVerifier.create(this.clients.waitpoints().completeToken(created.id(), "yes", with(token)))
			.expectComplete()
			.verify(TIMEOUT);
		String minted = mint(TokenScopes.builder().write(ScopeResource.WAITPOINTS, other.id()).build());
		StepVerifier.create(this.clients.waitpoints().completeToken(other.id(), "ok", with(minted)))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.clients.waitpoints().retrieveToken(created.id()).block(TIMEOUT).status())
			.isEqualTo(WaitpointTokenStatus.COMPLETED);
		assertThat(this.clients.waitpoints().retrieveToken(other.id()).block(TIMEOUT).status())
			.isEqualTo(WaitpointTokenStatus.COMPLETED);
	}

	@Test
	void runSubscriptionWithATokenForTheRunOrItsTagAndA403ForAnotherTag() {
		String runId = this.clients.tasks()
			.trigger("report", 1, TriggerOptions.builder().tags("vip").build())
			.block(TIMEOUT)
			.id();
		for (TokenScopes scopes : List.of(TokenScopes.builder().read(ScopeResource.RUNS, runId).build(),
				TokenScopes.builder().read(ScopeResource.TAGS, "vip").build())) {
			StepVerifier.create(this.clients.runs().subscribe(runId, SubscribeOptions.defaults(), with(mint(scopes))))
				.assertNext((run) -> assertThat(run.id()).isEqualTo(runId))
				.thenCancel()
				.verify(TIMEOUT);
		}
		refusedBeforeTheWire(this.clients.runs()
			.subscribe(runId, SubscribeOptions.defaults(), with(mint(TokenScopes.of("read:runs:run_other"))))
			.next(), "read:runs:" + runId);
		StepVerifier
			.create(this.clients.runs()
				.subscribe(runId, SubscribeOptions.defaults(), with(mint(TokenScopes.of("read:tags:other")))))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TriggerPermissionDeniedException.class)
				.hasMessageContaining("Public Access Token is missing required permissions"))
			.verify(TIMEOUT);
	}

	@Test
	void tagSubscriptionWithATokenForTheTagHonoursTheTokensSkippedColumns() {
		this.clients.tasks().trigger("report", 1, TriggerOptions.builder().tags("vip").build()).block(TIMEOUT);
		String token = mint(TokenScopes.builder().read(ScopeResource.TAGS, "vip").skipColumns("payload").build());
		StepVerifier.create(this.clients.runs().subscribeToTag("vip", Duration.ofHours(1), SubscribeOptions.defaults(),
				with(token)))
			.assertNext((run) -> assertThat(run.payload()).isNull())
			.thenCancel()
			.verify(TIMEOUT);
		refusedBeforeTheWire(this.clients.runs()
			.subscribeToTag("other", Duration.ofHours(1), SubscribeOptions.defaults(), with(token))
			.next(), "read:tags:other");
	}

	@Test
	void batchSubscriptionWithTheBatchsTokenAndRefusalOfAnotherBatch() {
		BatchResult batch = this.clients.tasks()
			.batchTrigger("a", List.of(new BatchItem(1, TriggerOptions.none())), BatchOptions.none())
			.block(TIMEOUT);
		String token = mint(TokenScopes.builder().read(ScopeResource.BATCH, batch.batchId()).build());
		StepVerifier.create(this.clients.batch().subscribe(batch.batchId(), SubscribeOptions.defaults(), with(token)))
			.assertNext((run) -> assertThat(run.id()).startsWith("run_"))
			.thenCancel()
			.verify(TIMEOUT);
		refusedBeforeTheWire(
				this.clients.batch().subscribe("batch_other", SubscribeOptions.defaults(), with(token)).next(),
				"read:batch:batch_other");
	}

}
