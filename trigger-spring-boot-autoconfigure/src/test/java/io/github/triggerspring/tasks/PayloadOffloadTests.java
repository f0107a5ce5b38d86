package io.github.triggerspring.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerPermissionDeniedException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the offload of large payloads to object storage by {@link TasksClient} and
 * {@link BatchesClient}, as the SDK does it.
 *
 * @author trigger-spring-boot contributors
 */
class PayloadOffloadTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	/** 128 KiB: the smallest payload that is offloaded. */
	private static final int THRESHOLD = 131_072;

	private final MockTriggerApi api = new MockTriggerApi();

	private final TasksClient tasks = new TasksClient(http(FixedRandom.LOWEST));

	@AfterEach
	void close() {
		this.api.close();
	}

	private TriggerHttpClient http(FixedRandom random) {
		return this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, Duration.ofSeconds(5)), CLOCK, Schedulers.parallel(),
				random);
	}

	private String presigned(String storagePath) {
		return "{\"presignedUrl\":\"" + this.api.baseUrl() + "/storage/bucket/object?X-Amz-Signature=abc\","
				+ "\"storagePath\":\"" + storagePath + "\"}";
	}

	private MockTriggerApi stored() {
		return this.api.respond(new MockResponse.Builder().code(200).build());
	}

	@Test
	void triggerUploadsALargePayloadThenSendsItsStoragePath() {
		String text = "p".repeat(200 * 1024);
		this.api.respond(200, presigned("packets/proj/dev/payload.txt"));
		stored();
		this.api.respond(200, "{\"id\":\"run_1\"}", "x-trigger-jwt: run.jwt");

		StepVerifier.create(this.tasks.trigger("my/task", text))
			.expectNext(new TriggerResult("run_1", false, "run.jwt"))
			.expectComplete()
			.verify(TIMEOUT);

		RecordedRequest packet = this.api.takeRequest();
		assertThat(packet.getMethod()).isEqualTo("PUT");
		assertThat(packet.getUrl().encodedPath()).isEqualTo("/api/v2/packets/trigger%2Fmy%252Ftask%2F"
				+ NOW.toEpochMilli() + "-0%2Fpayload.txt");
		assertThat(packet.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockTriggerApi.SECRET_KEY);
		assertThat(packet.getBody().size()).isZero();
		RecordedRequest upload = this.api.takeRequest();
		assertThat(upload.getRequestLine()).isEqualTo("PUT /storage/bucket/object?X-Amz-Signature=abc HTTP/1.1");
		assertThat(upload.getHeaders().get("Content-Type")).isEqualTo("text/plain");
		assertThat(upload.getHeaders().get("Authorization")).isNull();
		assertThat(upload.getHeaders().names()).noneMatch((name) -> name.toLowerCase().startsWith("x-trigger"));
		assertThat(upload.getBody().utf8()).isEqualTo(text);
		RecordedRequest trigger = this.api.takeRequest();
		assertThat(trigger.getRequestLine()).isEqualTo("POST /api/v1/tasks/my%2Ftask/trigger HTTP/1.1");
		WireAssertions.assertJson(trigger.getBody().utf8(), """
				{"payload": "packets/proj/dev/payload.txt",
				 "options": {"payloadType": "application/store", "payloadSize": 204800}}""");
	}

	@Test
	void aSuperjsonPayloadIsUploadedAsJsonWithItsOwnContentTypeAndUtf8Size() {
		String value = "é".repeat(THRESHOLD / 2);
		String serialized = "{\"json\":{\"v\":\"" + value + "\"}}";
		this.api.respond(200, presigned("p/payload.json"));
		stored();
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.create(this.tasks.trigger("t", Map.of("v", value))).expectNextCount(1).expectComplete()
			.verify(TIMEOUT);

		assertThat(this.api.takeRequest().getUrl().encodedPath()).endsWith("%2Fpayload.json");
		RecordedRequest upload = this.api.takeRequest();
		assertThat(upload.getHeaders().get("Content-Type")).isEqualTo("application/super+json");
		assertThat(upload.getBody().utf8()).isEqualTo(serialized);
		WireAssertions.assertJson(this.api.takeRequest().getBody().utf8(), """
				{"payload": "p/payload.json", "options": {"payloadType": "application/store",
				 "payloadSize": %d}}""".formatted(serialized.length() + THRESHOLD / 2));
	}

	@Test
	void aPayloadJustBelow128KibibytesIsSentInline() {
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.create(this.tasks.trigger("t", "p".repeat(THRESHOLD - 1))).expectNextCount(1).expectComplete()
			.verify(TIMEOUT);

		assertThat(this.api.requestCount()).isEqualTo(1);
		assertThat(this.api.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/tasks/t/trigger");
	}

	@Test
	void theRandomPartOfThePacketNameComesFromTheClientsGenerator() {
		TasksClient highest = new TasksClient(http(FixedRandom.HIGHEST));
		this.api.respond(200, presigned("p"));
		stored();
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.create(highest.trigger("t", "p".repeat(THRESHOLD))).expectNextCount(1).expectComplete()
			.verify(TIMEOUT);

		assertThat(this.api.takeRequest().getUrl().encodedPath())
			.isEqualTo("/api/v2/packets/trigger%2Ft%2F" + NOW.toEpochMilli() + "-zzzzzzzzzzz%2Fpayload.txt");
	}

	@Test
	void batchItemsOverTheThresholdAreUploadedBeforeTheBatchIsCreated() {
		String big = "b".repeat(THRESHOLD);
		this.api.respond(200, presigned("p/big"));
		stored();
		this.api.respond(202, "{\"id\":\"batch_1\",\"runCount\":2,\"isCached\":false}", "x-trigger-jwt: batch.jwt")
			.respond(200, "{\"id\":\"batch_1\",\"itemsAccepted\":2,\"itemsDeduplicated\":0,\"sealed\":true}");
		BatchesClient batch = new BatchesClient(http(FixedRandom.LOWEST));

		StepVerifier.create(batch.trigger(Flux.just(BatchTaskItem.of("small", "s"), BatchTaskItem.of("large/one", big))))
			.expectNext(new BatchResult("batch_1", 2, false, "batch.jwt"))
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(this.api.takeRequest().getUrl().encodedPath())
			.isEqualTo("/api/v2/packets/trigger%2Flarge%252Fone%2F" + NOW.toEpochMilli() + "-0%2Fpayload.txt");
		assertThat(this.api.takeRequest().getBody().utf8()).isEqualTo(big);
		assertThat(this.api.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/batches");
		String[] lines = this.api.takeRequest().getBody().utf8().split("\n");
		WireAssertions.assertJson(lines[0], """
				{"index": 0, "task": "small", "payload": "s",
				 "options": {"payloadType": "text/plain", "payloadSize": 1}}""");
		WireAssertions.assertJson(lines[1], """
				{"index": 1, "task": "large/one", "payload": "p/big",
				 "options": {"payloadType": "application/store", "payloadSize": %d}}""".formatted(THRESHOLD));
	}

	@Test
	void batchTriggerOfAListOffloadsItsLargeItemsToo() {
		this.api.respond(200, presigned("p/big"));
		stored();
		this.api.respond(202, "{\"id\":\"batch_1\",\"runCount\":1,\"isCached\":false}")
			.respond(200, "{\"id\":\"batch_1\",\"itemsAccepted\":1,\"itemsDeduplicated\":0,\"sealed\":true}");

		StepVerifier.create(this.tasks.batchTrigger("t", List.of(BatchItem.of(Map.of("v", "x".repeat(THRESHOLD))))))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);

		assertThat(this.api.takeRequest().getUrl().encodedPath()).startsWith("/api/v2/packets/");
		assertThat(this.api.takeRequest().getHeaders().get("Content-Type")).isEqualTo("application/super+json");
		this.api.takeRequest();
		assertThat(this.api.takeRequest().getBody().utf8()).contains("\"payload\":\"p/big\"")
			.contains("\"payloadType\":\"application/store\"");
	}

	@Test
	void aFailedUploadIsRetriedWithTheObjectStoragePolicyOnTheClientsScheduler() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TasksClient client = new TasksClient(this.api.http(MockTriggerApi.secretKey(),
				MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT), CLOCK, time, FixedRandom.LOWEST));
		this.api.respond(200, presigned("p"))
			.respond(new MockResponse.Builder().code(503).body("<Error>SlowDown</Error>").build());
		stored();
		this.api.respond(200, "{\"id\":\"run_1\"}");

		StepVerifier.withVirtualTime(() -> client.trigger("t", "p".repeat(THRESHOLD)), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			// task 1 is the check of both calls' response timeouts (the second call's deadline
			// is later, so it schedules no task), task 2 the wait before the second upload
			.then(() -> await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() == 2))
			// OBJECT_STORAGE_RETRY: 500 ms, with no jitter from FixedRandom.LOWEST; the API's own
			// retry policy (none here) does not apply to object storage
			.expectNoEvent(Duration.ofMillis(499))
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(2))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(4);
	}

	@Test
	void aRefusedUploadIsMappedLikeAnApiErrorAndNotRetried() {
		this.api.respond(200, presigned("p"))
			.respond(new MockResponse.Builder().code(403).body("<Error>AccessDenied</Error>").build());

		StepVerifier.create(this.tasks.trigger("t", "p".repeat(THRESHOLD)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
					TriggerPermissionDeniedException.class, (denied) -> assertThat(denied.getStatus()).isEqualTo(403)))
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void aPacketResponseWithoutStoragePathFailsBeforeAnyUpload() {
		this.api.respond(200, "{\"presignedUrl\":\"" + this.api.baseUrl() + "/storage\"}");

		StepVerifier.create(this.tasks.trigger("t", "p".repeat(THRESHOLD)))
			.expectError(TriggerUnexpectedResponseException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void badOptionsAreRefusedBeforeAnyUpload() {
		TriggerOptions options = TriggerOptions.builder().idempotencyKeyTTL("1h30m").build();

		StepVerifier.create(this.tasks.trigger("t", "p".repeat(THRESHOLD), options))
			.expectError(TriggerValidationException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void uploadWithOnlyAnAccessTokenIsRefusedWithoutARequest() {
		TasksClient patOnly = new TasksClient(this.api.http(MockTriggerApi.pat(TriggerEnvironment.DEV)));

		StepVerifier.create(patOnly.trigger("t", "p".repeat(THRESHOLD)))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(UnsupportedCredentialException.class);
				UnsupportedCredentialException refused = (UnsupportedCredentialException) error;
				assertThat(refused.getEndpoint()).isEqualTo(TriggerEndpoint.PACKETS_UPLOAD);
				assertThat(refused.getConfigured()).containsExactly(CredentialKind.PERSONAL_ACCESS_TOKEN);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void encodeUriComponentMatchesJavaScript() {
		assertThat(PayloadOffload.encodeUriComponent("a/b c?é-_.!~*'()"))
			.isEqualTo("a%2Fb%20c%3F%C3%A9-_.!~*'()");
	}

}
