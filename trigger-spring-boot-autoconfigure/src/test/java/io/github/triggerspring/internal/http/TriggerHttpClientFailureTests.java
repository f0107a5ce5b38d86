package io.github.triggerspring.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerException;
import io.github.triggerspring.error.TriggerLocalException;
import io.github.triggerspring.error.TriggerResponseTooLargeException;
import io.github.triggerspring.error.TriggerServerException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure the HTTP stack can raise reaches the caller as a {@link TriggerException}
 * subclass: oversized responses, truncated error bodies, dropped connections, malformed
 * HTTP, read timeouts of the application's connector, failing filters and failing
 * request bodies.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerHttpClientFailureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String RUN_JSON = """
			{"id":"run_1234","status":"COMPLETED","taskIdentifier":"hello-world","isQueued":false,
			"isExecuting":false,"isWaiting":false,"isCompleted":true,"isSuccess":true,"isFailed":false,
			"isCancelled":false,"isTest":false,"tags":[],"costInCents":0,"baseCostInCents":0,
			"durationMs":0,"depth":0,"attemptCount":1}""";

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	private RunsClient runs(TriggerHttpSettings settings) {
		return new RunsClient(this.api.http(MockTriggerApi.secretKey(), JsonMapper.builder().build(), settings));
	}

	private static TriggerHttpSettings fastRetry() {
		return MockTriggerApi.settings(MockTriggerApi.FAST_RETRY, TIMEOUT);
	}

	@Test
	void successfulResponseOverTheLimitIsATypedErrorThatNamesThePropertyAndIsNotRetried() {
		String padded = RUN_JSON.substring(0, RUN_JSON.length() - 1) + ",\"padding\":\"" + "x".repeat(2048) + "\"}";
		this.api.respond(200, padded).respond(200, padded);
		StepVerifier.create(runs(fastRetry().withMaxResponseSize(DataSize.ofKilobytes(1))).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerResponseTooLargeException.class)
					.hasMessage("The response (status 200) is larger than 1024 bytes, the limit set by "
							+ "'trigger.max-response-size'. Raise 'trigger.max-response-size', or ask for less, for "
							+ "example a smaller page size.");
				assertThat(((TriggerResponseTooLargeException) error).getStatus()).isEqualTo(200);
				assertThat(((TriggerResponseTooLargeException) error).getLimit()).isEqualTo(DataSize.ofKilobytes(1));
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

	@Test
	void responseOverTheCodecsDefaultLimitIsReadWithinTheTriggerLimit() {
		// 300 KiB: over WebFlux's 256 KiB codec default, within the 16 MiB default here
		String padded = RUN_JSON.substring(0, RUN_JSON.length() - 1) + ",\"padding\":\"" + "x".repeat(300 * 1024)
				+ "\"}";
		this.api.respond(200, padded);
		StepVerifier.create(runs(fastRetry()).retrieve("run_1234"))
			.assertNext((run) -> assertThat(run.id()).isEqualTo("run_1234"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void largeErrorBodyIsTruncatedAndKeepsItsStatusHeadersAndRetries() {
		String html = "<html><body>" + "Bad gateway ".repeat(100_000) + "</body></html>";
		for (int i = 0; i < 5; i++) {
			this.api.respond(new MockResponse.Builder().code(502)
				.addHeader("Content-Type", "text/html")
				.addHeader("x-proxy", "edge-1")
				.body(html)
				.build());
		}
		StepVerifier.create(runs(fastRetry().withMaxResponseSize(DataSize.ofKilobytes(1))).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerServerException.class)
					.hasMessage("502 (no error message)");
				assertThat(((TriggerServerException) error).getStatus()).isEqualTo(502);
				assertThat(((TriggerServerException) error).getHeaders().getFirst("x-proxy")).isEqualTo("edge-1");
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(5);
	}

	@Test
	void errorMessageSurvivesTheTruncationOfALongErrorBody() {
		String body = "{\"error\":\"Invalid payload\"}" + " ".repeat(200_000);
		this.api.respond(400, body);
		StepVerifier.create(runs(fastRetry()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerBadRequestException.class)
				.hasMessage("400 Invalid payload"))
			.verify(TIMEOUT);
	}

	@Test
	void connectionDroppedDuringTheBodyIsAConnectionError() {
		this.api.respond(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body(RUN_JSON)
			.onResponseBody(new SocketEffect.CloseSocket())
			.build());
		StepVerifier.create(runs(MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT)).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerConnectionException.class)
				.hasMessageStartingWith("Connection error: "))
			.verify(TIMEOUT);
	}

	@Test
	void malformedHttpIsAConnectionError() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread peer = new Thread(() -> {
				try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
					socket.getInputStream().read(new byte[8192]);
					out.write("NOT-HTTP garbage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				catch (IOException ex) {
					// the client closed first
				}
			});
			peer.setDaemon(true);
			peer.start();
			TriggerHttpClient http = TriggerHttpClient
				.builder(WebClient.builder().baseUrl("http://127.0.0.1:" + server.getLocalPort()).build(),
						new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey()), JsonMapper.builder().build())
				.settings(MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT))
				.build();
			StepVerifier.create(new RunsClient(http).retrieve("run_1234"))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TriggerConnectionException.class)
					.hasMessageStartingWith("Connection error: "))
				.verify(TIMEOUT);
		}
	}

	@Test
	void readTimeoutOfTheApplicationsConnectorIsAConnectionError() {
		this.api.respond(new MockResponse.Builder().code(200).body(RUN_JSON).headersDelay(30, TimeUnit.SECONDS).build());
		WebClient webClient = WebClient.builder()
			.baseUrl(this.api.baseUrl())
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofMillis(50))))
			.build();
		TriggerHttpClient http = TriggerHttpClient
			.builder(webClient, new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey()), JsonMapper.builder().build())
			.settings(MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT))
			.build();
		StepVerifier.create(new RunsClient(http).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerConnectionException.class)
				.hasMessageStartingWith("Connection error: "))
			.verify(TIMEOUT);
	}

	@Test
	void failingFilterOfTheApplicationIsALocalErrorThatIsNotRetried() {
		WebClient webClient = WebClient.builder()
			.baseUrl(this.api.baseUrl())
			.filter((request, next) -> Mono.error(new IllegalStateException("tracing filter is broken")))
			.build();
		TriggerHttpClient http = TriggerHttpClient
			.builder(webClient, new DefaultTriggerAuthStrategy(MockTriggerApi.secretKey()), JsonMapper.builder().build())
			.settings(fastRetry())
			.build();
		StepVerifier.create(new RunsClient(http).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerLocalException.class)
					.hasMessage("The HTTP client failed: IllegalStateException: tracing filter is broken");
				assertThat(error.getCause()).isInstanceOf(IllegalStateException.class);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isZero();
	}

	@Test
	void localFailureOfAStreamedBodyReachesTheCallerUnwrappedAndIsNotRetried() {
		TriggerHttpClient http = this.api.http(MockTriggerApi.secretKey(), JsonMapper.builder().build(), fastRetry());
		TriggerLocalException failure = new TriggerLocalException("Could not read the temporary file",
				new IOException("disk gone"));
		Mono<TriggerResponse<JsonNode>> call = http.exchange(TriggerEndpoint.TASK_BATCH_TRIGGER, AuthOptions.DEFAULT,
				RequestOptions.none(),
				(authorization) -> TriggerRequest.post("/api/v3/batches/{batchId}/items", "batch_1")
					.withBodyStream(Flux.concat(Flux.just("{\"index\":0}\n"), Flux.error(failure)),
							MediaType.APPLICATION_NDJSON),
				JsonNode.class);
		StepVerifier.create(call).expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure)).verify(TIMEOUT);
		assertThat(this.api.requestCount()).isLessThanOrEqualTo(1);
	}

	@Test
	void responseThatIsNotJsonIsAnUnexpectedResponse() {
		this.api.respond(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>").build());
		StepVerifier.create(runs(fastRetry()).retrieve("run_1234"))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerUnexpectedResponseException.class)
					.hasMessageStartingWith("The response to this call does not have the expected shape: ");
				assertThat(((TriggerUnexpectedResponseException) error).getStatus()).isEqualTo(200);
			})
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

}
