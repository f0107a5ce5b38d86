package io.github.triggerspring.tasks;

import java.time.Duration;
import java.util.List;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IdempotencyKeysClient}.
 *
 * @author trigger-spring-boot contributors
 */
class IdempotencyKeysClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MockTriggerApi api = new MockTriggerApi();

	private final IdempotencyKeysClient keys = new IdempotencyKeysClient(this.api.http(MockTriggerApi.secretKey()));

	@AfterEach
	void close() {
		this.api.close();
	}

	private RecordedRequest reset(Mono<String> call, String hashed) {
		this.api.respond(200, "{\"id\":\"" + hashed + "\"}");
		StepVerifier.create(call).expectNext(hashed).expectComplete().verify(TIMEOUT);
		return this.api.takeRequest();
	}

	@Test
	void resetPostsTheHashedKeyWithTheTaskIdentifier() {
		String hashed = IdempotencyKeys.sha256Hex("order-1234");
		RecordedRequest request = reset(this.keys.reset("send/email", "order-1234"), hashed);

		assertThat(request.getRequestLine()).isEqualTo("POST /api/v1/idempotencyKeys/" + hashed + "/reset HTTP/1.1");
		TasksClientTriggerTests.assertStandardHeaders(request, "application/json");
		WireAssertions.assertJson(request.getBody().utf8(), "{\"taskIdentifier\":\"send/email\"}");
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void resetSendsAKeyOfSixtyFourCharactersUnchangedAndHashesAListKey() {
		String hash = "0123456789abcdef".repeat(4);
		assertThat(reset(this.keys.reset("t", hash), hash).getTarget())
			.isEqualTo("/api/v1/idempotencyKeys/" + hash + "/reset");
		String listHash = IdempotencyKeys.sha256Hex("order-1234");
		assertThat(reset(this.keys.reset("t", List.of("order", "1234")), listHash).getTarget())
			.isEqualTo("/api/v1/idempotencyKeys/" + listHash + "/reset");
	}

	@Test
	void resetOfAScopedKeySendsWhatCreateComputed() {
		String created = IdempotencyKeys.create("order-1234", IdempotencyKeyScope.GLOBAL);

		assertThat(reset(this.keys.reset("t", "order-1234", IdempotencyKeyScope.GLOBAL), created).getTarget())
			.isEqualTo("/api/v1/idempotencyKeys/" + created + "/reset");
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void resetOfAScopedSixtyFourCharacterKeySendsItAsIsThenItsHashAfterA404() {
		String raw = "f".repeat(64);
		String rebuilt = IdempotencyKeys.sha256Hex(raw);
		this.api.respond(404, "{\"error\":\"No runs found with idempotency key: " + raw + "\"}")
			.respond(200, "{\"id\":\"" + rebuilt + "\"}");

		StepVerifier.create(this.keys.reset("t", raw, IdempotencyKeyScope.RUN))
			.expectNext(rebuilt)
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/idempotencyKeys/" + raw + "/reset");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v1/idempotencyKeys/" + rebuilt + "/reset");
	}

	@Test
	void resetOfAnUnknownKeySignalsNotFound() {
		this.api.respond(404, "{\"error\":\"No runs found with idempotency key\"}");

		StepVerifier.create(this.keys.reset("t", "order-1234"))
			.expectError(TriggerNotFoundException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void badInputIsSignalledWithoutARequest() {
		StepVerifier.create(this.keys.reset(" ", "k"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerValidationException.class)
				.extracting("field")
				.isEqualTo("taskId"))
			.verify(TIMEOUT);
		StepVerifier.create(this.keys.reset("t", ""))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerValidationException.class)
				.extracting("field")
				.isEqualTo("idempotencyKey"))
			.verify(TIMEOUT);
		StepVerifier.create(this.keys.reset("t", List.of("a", "")))
			.expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void resetWithOnlyAnAccessTokenIsRefusedWithoutARequest() {
		IdempotencyKeysClient patOnly = new IdempotencyKeysClient(
				this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));

		StepVerifier.create(patOnly.reset("t", "k"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(UnsupportedCredentialException.class);
				UnsupportedCredentialException refused = (UnsupportedCredentialException) ex;
				assertThat(refused.getEndpoint()).isEqualTo(TriggerEndpoint.IDEMPOTENCY_KEYS_RESET);
				assertThat(refused.getConfigured()).containsExactly(CredentialKind.PERSONAL_ACCESS_TOKEN);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

}
