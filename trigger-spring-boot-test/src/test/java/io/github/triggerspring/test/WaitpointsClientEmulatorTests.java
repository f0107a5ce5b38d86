package io.github.triggerspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatedWaitpointStatus;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.paging.CursorPage;
import io.github.triggerspring.waitpoints.CreateTokenOptions;
import io.github.triggerspring.waitpoints.CreatedWaitpointToken;
import io.github.triggerspring.waitpoints.ListWaitpointTokensRequest;
import io.github.triggerspring.waitpoints.RetrievedWaitpointToken;
import io.github.triggerspring.waitpoints.WaitpointTimeout;
import io.github.triggerspring.waitpoints.WaitpointToken;
import io.github.triggerspring.waitpoints.WaitpointTokenStatus;
import io.github.triggerspring.waitpoints.WaitpointsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WaitpointsClient} against the emulator, through
 * {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class WaitpointsClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

	private final TriggerEmulator emulator;

	private final WaitpointsClient waitpoints;

	WaitpointsClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.waitpoints = EmulatorClients.devKey(emulator).waitpoints();
	}

	private CreatedWaitpointToken create(CreateTokenOptions options) {
		CreatedWaitpointToken created = this.waitpoints.createToken(options).block(TIMEOUT);
		assertThat(created).isNotNull();
		return created;
	}

	private RetrievedWaitpointToken retrieve(String id) {
		RetrievedWaitpointToken token = this.waitpoints.retrieveToken(id).block(TIMEOUT);
		assertThat(token).isNotNull();
		return token;
	}

	@Test
	void aTokenCompletedThroughTheClientIsRetrievedWithItsData() {
		this.emulator.clock().setInstant(T0);
		CreatedWaitpointToken created = create(CreateTokenOptions.builder()
			.idempotencyKey("approve-order-42")
			.timeout(Duration.ofHours(1))
			.tags("order:42")
			.build());
		assertThat(created.isCached()).isFalse();
		assertThat(created.url()).startsWith(this.emulator.baseUrl() + "/api/v1/waitpoints/tokens/" + created.id()
				+ "/callback/");
		assertThat(create(CreateTokenOptions.builder().idempotencyKey("approve-order-42").build()))
			.satisfies((again) -> {
				assertThat(again.id()).isEqualTo(created.id());
				assertThat(again.isCached()).isTrue();
			});
		RetrievedWaitpointToken waiting = retrieve(created.id());
		assertThat(waiting.status()).isEqualTo(WaitpointTokenStatus.WAITING);
		assertThat(waiting.timeoutAt()).isEqualTo(T0.plusSeconds(3600));
		assertThat(waiting.idempotencyKey()).isEqualTo("approve-order-42");
		assertThat(waiting.tags()).containsExactly("order:42");
		assertThat(waiting.output()).isNull();

		StepVerifier.create(this.waitpoints.completeToken(created.id(), Map.of("approvedBy", "ada")))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.waitpoints.completeToken(created.id(), Map.of("approvedBy", "bob")))
			.expectComplete()
			.verify(TIMEOUT);
		RetrievedWaitpointToken completed = retrieve(created.id());
		assertThat(completed.status()).isEqualTo(WaitpointTokenStatus.COMPLETED);
		assertThat(completed.completedAt()).isEqualTo(T0);
		assertThat(completed.output()).isEqualTo(JSON.readTree("{\"approvedBy\":\"ada\"}"));
		assertThat(completed.error()).isNull();
		assertThat(this.emulator.waitpointTokenStatus(created.id())).isEqualTo(EmulatedWaitpointStatus.COMPLETED);
	}

	@Test
	void aTokenWhoseTimeoutPassesIsRetrievedWithItsTimeout() {
		this.emulator.clock().setInstant(T0);
		String id = create(CreateTokenOptions.builder().timeout("30s").build()).id();
		this.emulator.clock().advance(Duration.ofSeconds(30));
		RetrievedWaitpointToken token = retrieve(id);
		assertThat(token.status()).isEqualTo(WaitpointTokenStatus.TIMED_OUT);
		assertThat(token.isTimedOut()).isTrue();
		assertThat(token.output()).isNull();
		assertThat(token.error()).isEqualTo(new WaitpointTimeout("Waitpoint timed out at 2026-03-01T12:00:30.000Z",
				"TRIGGER_WAITPOINT_TIMEOUT"));
	}

	@Test
	void largeAndTextDataAreDecodedLikeTheSdkDecodesThem() {
		String big = "x".repeat(600 * 1024);
		String large = create(CreateTokenOptions.none()).id();
		String text = create(CreateTokenOptions.none()).id();
		this.waitpoints.completeToken(large, Map.of("big", big)).block(TIMEOUT);
		this.waitpoints.completeToken(text, "approved").block(TIMEOUT);
		assertThat(retrieve(large).output().get("big").asString()).isEqualTo(big);
		assertThat(retrieve(text).output().asString()).isEqualTo("approved");
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.PACKETS_RETRIEVE)).hasSize(1);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.PACKETS_DOWNLOAD)).hasSize(1);
	}

	@Test
	void theCallbackUrlCompletesATokenWithoutAnApiKey() {
		CreatedWaitpointToken created = create(CreateTokenOptions.none());
		String answer = WebClient.create()
			.post()
			.uri(created.url())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"status\":\"approved\"}")
			.retrieve()
			.bodyToMono(String.class)
			.block(TIMEOUT);
		assertThat(answer).isEqualTo("{\"success\":true}");
		assertThat(retrieve(created.id()).output()).isEqualTo(JSON.readTree("{\"status\":\"approved\"}"));
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.WAIT_TOKEN_CALLBACK).get(0).header("Authorization"))
			.isEmpty();
	}

	@Test
	void listFollowsCursorsAndFilters() {
		this.emulator.clock().setInstant(T0);
		for (int i = 0; i < 5; i++) {
			create(CreateTokenOptions.builder().tags((i % 2 == 0) ? "even" : "odd").build());
			this.emulator.clock().advance(Duration.ofSeconds(1));
		}
		String done = create(CreateTokenOptions.builder().tags("odd").build()).id();
		this.emulator.completeWaitpointToken(done, true);
		List<WaitpointToken> all = this.waitpoints.listTokens(ListWaitpointTokensRequest.builder().pageSize(2).build())
			.collectList()
			.block(TIMEOUT);
		assertThat(all).hasSize(6).first().extracting(WaitpointToken::id).isEqualTo(done);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.WAIT_LIST_TOKENS)).hasSize(3);
		StepVerifier
			.create(this.waitpoints
				.listTokens(ListWaitpointTokensRequest.builder()
					.tags("odd")
					.status(WaitpointTokenStatus.WAITING)
					.from(T0)
					.build())
				.map(WaitpointToken::tags))
			.expectNext(List.of("odd"), List.of("odd"))
			.expectComplete()
			.verify(TIMEOUT);
		CursorPage<WaitpointToken> first = this.waitpoints
			.listTokensPage(ListWaitpointTokensRequest.builder().pageSize(4).build())
			.block(TIMEOUT);
		ListWaitpointTokensRequest next = ListWaitpointTokensRequest.builder().pageSize(4).build().after(first.next());
		CursorPage<WaitpointToken> second = this.waitpoints.listTokensPage(next).block(TIMEOUT);
		assertThat(second.data()).hasSize(2);
		assertThat(this.waitpoints.listTokensPage(next.before(second.previous())).block(TIMEOUT).data())
			.isEqualTo(first.data());
	}

	@Test
	void anUnknownTokenIsNotFoundAndServerErrorsAreRetried() {
		StepVerifier.create(this.waitpoints.completeToken("waitpoint_nope", 1))
			.expectError(TriggerNotFoundException.class)
			.verify(TIMEOUT);
		this.emulator.faults().inject(EmulatorEndpoint.WAIT_CREATE_TOKEN, Fault.status(500).times(2));
		assertThat(create(CreateTokenOptions.none()).id()).startsWith("waitpoint_");
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.WAIT_CREATE_TOKEN)).hasSize(3);
	}

}
