package io.github.triggerspring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.concurrent.TimeUnit;

import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerHttpSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * A {@link MockWebServer} that records requests, with helpers to build the HTTP layer
 * against it and to answer with JSON.
 *
 * @author trigger-spring-boot contributors
 */
public final class MockTriggerApi implements AutoCloseable {

	/** A dev secret key. */
	public static final String SECRET_KEY = "tr_dev_0123456789abcdefABCDEF01";

	/** A preview secret key. */
	public static final String PREVIEW_KEY = "tr_preview_0123456789abcdefABCDEF";

	/** A personal access token. */
	public static final String PAT = "tr_pat_123456789abcdefghijkmnopqrstuvwxyz12345";

	/** A project ref. */
	public static final String PROJECT_REF = "proj_rrrrrrrrrrrrrrrrrrrr";

	/** A completed run, as {@code GET /api/v3/runs/{runId}} answers it. */
	public static final String RUN_JSON = """
			{"id":"run_1234","status":"COMPLETED","taskIdentifier":"hello-world","isQueued":false,
			"isExecuting":false,"isWaiting":false,"isCompleted":true,"isSuccess":true,"isFailed":false,
			"isCancelled":false,"isTest":false,"createdAt":"2026-01-01T00:00:00.000Z",
			"updatedAt":"2026-01-01T00:00:01.000Z","tags":[],"costInCents":0,"baseCostInCents":0,
			"durationMs":0,"depth":0,"attemptCount":1}""";

	/** Fast retries for tests: 5 attempts, 10 ms doubling, capped at 40 ms. */
	public static final TriggerRetryPolicy FAST_RETRY = new TriggerRetryPolicy(5, Duration.ofMillis(10),
			Duration.ofMillis(40), 2, 0);

	private final MockWebServer server = new MockWebServer();

	public MockTriggerApi() {
		try {
			this.server.start(InetAddress.getLoopbackAddress(), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Credentials with only the dev secret key. */
	public static TriggerCredentials secretKey() {
		return TriggerCredentials.of(SECRET_KEY, null, PROJECT_REF, null, null);
	}

	/** Credentials with only a PAT targeting the given environment. */
	public static TriggerCredentials pat(TriggerEnvironment environment) {
		return TriggerCredentials.of(null, PAT, PROJECT_REF, environment, null);
	}

	/** Credentials with both the dev secret key and a PAT targeting dev. */
	public static TriggerCredentials both() {
		return TriggerCredentials.of(SECRET_KEY, PAT, PROJECT_REF, TriggerEnvironment.DEV, null);
	}

	public String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	public MockWebServer server() {
		return this.server;
	}

	/**
	 * The HTTP layer against this server, with fast retries and a 10 s response timeout
	 * (the first request of a JVM can take about 2 s while Netty warms up).
	 */
	public TriggerHttpClient http(TriggerCredentials credentials) {
		return http(credentials, FAST_RETRY, Duration.ofSeconds(10));
	}

	public TriggerHttpClient http(TriggerCredentials credentials, TriggerRetryPolicy retry, Duration responseTimeout) {
		return http(credentials, JsonMapper.builder().build(), settings(retry, responseTimeout));
	}

	/** The HTTP layer against this server, with the given application mapper and settings. */
	public TriggerHttpClient http(TriggerCredentials credentials, JsonMapper applicationMapper,
			TriggerHttpSettings settings) {
		return TriggerHttpClient.builder(webClient(), new DefaultTriggerAuthStrategy(credentials), applicationMapper)
			.settings(settings)
			.build();
	}

	/**
	 * The HTTP layer against this server, timed by the given clock and scheduler (for
	 * example a {@code VirtualTimeScheduler}), with jitter from the given generator.
	 */
	public TriggerHttpClient http(TriggerCredentials credentials, TriggerHttpSettings settings, Clock clock,
			Scheduler scheduler, RandomGenerator random) {
		return TriggerHttpClient
			.builder(webClient(), new DefaultTriggerAuthStrategy(credentials), JsonMapper.builder().build())
			.settings(settings)
			.clock(clock)
			.scheduler(scheduler)
			.random(random)
			.build();
	}

	/** Settings with the given retry policy and response timeout. */
	public static TriggerHttpSettings settings(TriggerRetryPolicy retry, Duration responseTimeout) {
		return TriggerHttpSettings.defaults().withRetry(retry).withResponseTimeout(responseTimeout);
	}

	private WebClient webClient() {
		return WebClient.builder().baseUrl(baseUrl()).build();
	}

	/** Enqueues a JSON response. */
	public MockTriggerApi respond(int status, String json, String... headers) {
		MockResponse.Builder response = new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body(json);
		for (String header : headers) {
			response.addHeader(header);
		}
		this.server.enqueue(response.build());
		return this;
	}

	/** Enqueues a raw response. */
	public MockTriggerApi respond(MockResponse response) {
		this.server.enqueue(response);
		return this;
	}

	/** Takes the next recorded request, failing after 5 seconds. */
	public RecordedRequest takeRequest() {
		try {
			RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
			if (request == null) {
				throw new AssertionError("No request was received within 5 seconds");
			}
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Number of requests received so far. */
	public int requestCount() {
		return this.server.getRequestCount();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
