package io.github.triggerspring.runs;

import java.time.Duration;

import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerResponseTooLargeException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunsClient#retrieve} on a run whose payload or output the server keeps
 * in object storage.
 *
 * @author trigger-spring-boot contributors
 */
class RunsClientOffloadTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private String offloadedRun(boolean payload, boolean output) {
		String base = this.api.baseUrl();
		return """
				{"id":"run_1234","status":"COMPLETED","taskIdentifier":"t","isQueued":false,"isExecuting":false,
				"isWaiting":false,"isCompleted":true,"isSuccess":true,"isFailed":false,"isCancelled":false,
				"isTest":false,"costInCents":0,"baseCostInCents":0,"durationMs":0,"depth":0,"attemptCount":1,
				%s%s"tags":[]}"""
			.formatted(payload ? "\"payloadPresignedUrl\":\"" + base + "/packets/payload.json?X-Amz-Signature=abc\","
					: "\"payload\":{\"inline\":true},",
					output ? "\"outputPresignedUrl\":\"" + base + "/packets/output.json?X-Amz-Signature=def\"," : "");
	}

	private static MockResponse packet(String contentType, String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(body).build();
	}

	@Test
	void downloadsOffloadedPayloadAndOutputWithoutCredentialsAndFillsThemIn() {
		this.api.respond(200, offloadedRun(true, true))
			.respond(packet("application/super+json", "{\"json\":{\"big\":\"payload\"},\"meta\":{}}"))
			.respond(packet("application/json; charset=utf-8", "{\"big\":\"output\"}"));
		StepVerifier.create(new RunsClient(this.api.http(MockTriggerApi.secretKey())).retrieve("run_1234"))
			.assertNext((run) -> {
				assertThat(run.payload()).isEqualTo(JSON.readTree("{\"big\":\"payload\"}"));
				assertThat(run.output()).isEqualTo(JSON.readTree("{\"big\":\"output\"}"));
				assertThat(run.payloadPresignedUrl()).endsWith("/packets/payload.json?X-Amz-Signature=abc");
			})
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest retrieve = this.api.takeRequest();
		assertThat(retrieve.getTarget()).isEqualTo("/api/v3/runs/run_1234");
		for (int i = 0; i < 2; i++) {
			RecordedRequest download = this.api.takeRequest();
			assertThat(download.getMethod()).isEqualTo("GET");
			assertThat(download.getTarget()).startsWith("/packets/");
			assertThat(download.getHeaders().get("Authorization")).isNull();
			assertThat(download.getHeaders().get("x-trigger-api-version")).isNull();
			assertThat(download.getHeaders().get("x-trigger-branch")).isNull();
			assertThat(download.getHeaders().get("x-trigger-request-idempotency-key")).isNull();
		}
	}

	@Test
	void textPacketsBecomeStringsAndAnInlinePayloadIsKept() {
		this.api.respond(200, offloadedRun(false, true)).respond(packet("text/plain", "hello"));
		StepVerifier.create(new RunsClient(this.api.http(MockTriggerApi.secretKey())).retrieve("run_1234"))
			.assertNext((run) -> {
				assertThat(run.payload()).isEqualTo(JSON.readTree("{\"inline\":true}"));
				assertThat(run.output().asString()).isEqualTo("hello");
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(2);
	}

	@Test
	void aMissingPacketIsNotFoundAndABrokenOneUnexpected() {
		this.api.respond(200, offloadedRun(true, false))
			.respond(new MockResponse.Builder().code(404).body("<Error><Code>NoSuchKey</Code></Error>").build());
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey(), TriggerRetryPolicy.none(), TIMEOUT));
		StepVerifier.create(runs.retrieve("run_1234")).expectError(TriggerNotFoundException.class).verify(TIMEOUT);
		this.api.respond(200, offloadedRun(true, false)).respond(packet("application/json", "{not json"));
		StepVerifier.create(runs.retrieve("run_1234"))
			.expectError(TriggerUnexpectedResponseException.class)
			.verify(TIMEOUT);
	}

	@Test
	void theResponseSizeLimitAppliesToDownloads() {
		RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey(), JsonMapper.builder().build(),
				MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT).withMaxResponseSize(DataSize.ofKilobytes(2))));
		this.api.respond(200, offloadedRun(true, false))
			.respond(packet("application/json", "\"" + "x".repeat(4096) + "\""));
		StepVerifier.create(runs.retrieve("run_1234")).expectError(TriggerResponseTooLargeException.class).verify(TIMEOUT);
	}

	@Test
	void aDownloadUrlThatIsNotAbsoluteHttpIsRefused() {
		this.api.respond(200, offloadedRun(true, false).replace(this.api.baseUrl() + "/packets", "file:///etc"));
		StepVerifier.create(new RunsClient(this.api.http(MockTriggerApi.secretKey())).retrieve("run_1234"))
			.expectError(TriggerUnexpectedResponseException.class)
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

}
