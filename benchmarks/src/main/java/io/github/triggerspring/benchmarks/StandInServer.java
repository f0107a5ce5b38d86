package io.github.triggerspring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A minimal server that answers the calls the benchmarks make as the Trigger.dev API
 * does, with no bookkeeping: it runs in its own JVM, started by {@link ServerProcess}, so
 * that the measured client does not share its JIT, heap or CPU accounting. It prints
 * {@code PORT <port>} once it listens.
 * <ul>
 * <li>{@code POST /api/v1/tasks/{taskId}/trigger} answers a run id; the last body
 * received is served at {@code GET /bench/last-trigger-body}, and its user agent at
 * {@code GET /bench/last-trigger-user-agent}, so that the raw client sends exactly the bytes
 * the starter sent;</li>
 * <li>{@code GET /api/v1/runs} pages through {@value #RUN_COUNT} synthetic runs, newest
 * first, by {@code page[after]} cursor;</li>
 * <li>{@code POST /api/v3/batches} and {@code POST /api/v3/batches/{id}/items} create and
 * seal a batch, counting the NDJSON lines;</li>
 * <li>{@code PUT /api/v2/packets/{filename}} hands out a presigned URL on this server,
 * and {@code PUT /store/...} takes the packet.</li>
 * </ul>
 *
 * @author trigger-spring-boot contributors
 */
public final class StandInServer {

	/** Runs that {@code GET /api/v1/runs} pages through. */
	static final int RUN_COUNT = 100_000;

	private static final String JSON = "application/json";

	private final AtomicLong ids = new AtomicLong();

	private final AtomicReference<String> lastTriggerBody = new AtomicReference<>("");

	private final AtomicReference<String> lastUserAgent = new AtomicReference<>("");

	private int port;

	private StandInServer() {
	}

	/**
	 * Starts the server on a free local port and runs until the JVM is stopped.
	 * @param args not used
	 * @throws InterruptedException if interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		StandInServer server = new StandInServer();
		DisposableServer bound = HttpServer.create().host("127.0.0.1").port(0).handle(server::handle).bindNow();
		server.port = bound.port();
		System.out.println("PORT " + server.port);
		System.out.flush();
		new CountDownLatch(1).await();
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String path = new QueryStringDecoder(request.uri()).path();
		HttpMethod method = request.method();
		if (method == HttpMethod.POST && path.startsWith("/api/v1/tasks/") && path.endsWith("/trigger")) {
			return json(response, request.receive().aggregate().asString(StandardCharsets.UTF_8).map((body) -> {
				this.lastTriggerBody.set(body);
				this.lastUserAgent.set(request.requestHeaders().get("user-agent", ""));
				return "{\"id\":\"run_" + this.ids.incrementAndGet() + "\"}";
			}));
		}
		if (method == HttpMethod.GET && path.equals("/bench/last-trigger-body")) {
			return json(response, Mono.fromSupplier(this.lastTriggerBody::get));
		}
		if (method == HttpMethod.GET && path.equals("/bench/last-trigger-user-agent")) {
			return json(response, Mono.fromSupplier(this.lastUserAgent::get));
		}
		if (method == HttpMethod.GET && path.equals("/api/v1/runs")) {
			return json(response, Mono.fromSupplier(() -> RunsPage.of(new QueryStringDecoder(request.uri()))));
		}
		if (method == HttpMethod.POST && path.equals("/api/v3/batches")) {
			return json(response, request.receive().aggregate().asString(StandardCharsets.UTF_8).map((body) -> {
				int runCount = Integer.parseInt(body.replaceAll(".*\"runCount\":(\\d+).*", "$1"));
				return "{\"id\":\"batch_" + this.ids.incrementAndGet() + "\",\"runCount\":" + runCount
						+ ",\"isCached\":false}";
			}));
		}
		if (method == HttpMethod.POST && path.startsWith("/api/v3/batches/") && path.endsWith("/items")) {
			return json(response, request.receive()
				.asByteArray()
				.reduce(0, (lines, bytes) -> lines + newlines(bytes))
				.map((lines) -> "{\"id\":\"batch\",\"itemsAccepted\":" + lines
						+ ",\"itemsDeduplicated\":0,\"sealed\":true,\"runCount\":" + lines + "}"));
		}
		if (method == HttpMethod.PUT && path.startsWith("/api/v2/packets/")) {
			String filename = path.substring("/api/v2/packets/".length());
			return json(response, request.receive()
				.then(Mono.just("{\"presignedUrl\":\"http://127.0.0.1:" + this.port + "/store/" + filename
						+ "\",\"storagePath\":\"" + filename + "\"}")));
		}
		if (method == HttpMethod.PUT && path.startsWith("/store/")) {
			return request.receive().then(response.status(200).send());
		}
		return response.status(404).send();
	}

	private static Publisher<Void> json(HttpServerResponse response, Mono<String> body) {
		return response.status(200).header("content-type", JSON).sendString(body);
	}

	private static int newlines(byte[] bytes) {
		int count = 0;
		for (byte b : bytes) {
			if (b == '\n') {
				count++;
			}
		}
		return count;
	}

	/**
	 * One page of synthetic runs, newest first: run {@code n} has id
	 * {@code run_<n zero-padded>} and the cursor of a page is the id of its last run.
	 */
	private static final class RunsPage {

		private RunsPage() {
		}

		static String of(QueryStringDecoder query) {
			int size = Integer.parseInt(first(query, "page[size]", "25"));
			String after = first(query, "page[after]", null);
			int start = (after != null) ? RUN_COUNT - Integer.parseInt(after.substring(4)) + 1 : 0;
			int end = Math.min(RUN_COUNT, start + size);
			StringBuilder json = new StringBuilder(size * 420).append("{\"data\":[");
			for (int index = start; index < end; index++) {
				int number = RUN_COUNT - index;
				if (index > start) {
					json.append(',');
				}
				json.append("{\"id\":\"").append(runId(number))
					.append("\",\"status\":\"COMPLETED\",\"taskIdentifier\":\"send-order-email\",")
					.append("\"idempotencyKey\":null,\"version\":\"20251130.1\",\"isQueued\":false,")
					.append("\"isExecuting\":false,\"isWaiting\":false,\"isCompleted\":true,\"isSuccess\":true,")
					.append("\"isFailed\":false,\"isCancelled\":false,\"isTest\":false,")
					.append("\"createdAt\":\"2025-11-30T10:00:00.000Z\",\"updatedAt\":\"2025-11-30T10:00:01.000Z\",")
					.append("\"startedAt\":\"2025-11-30T10:00:00.100Z\",\"finishedAt\":\"2025-11-30T10:00:01.000Z\",")
					.append("\"tags\":[\"order_").append(number).append("\"],\"costInCents\":0.02,")
					.append("\"baseCostInCents\":0.0025,\"durationMs\":900,")
					.append("\"env\":{\"id\":\"env_1\",\"name\":\"dev\",\"user\":null}}");
			}
			json.append("],\"pagination\":{");
			if (end < RUN_COUNT) {
				json.append("\"next\":\"").append(runId(RUN_COUNT - end + 1)).append('"');
			}
			return json.append("}}").toString();
		}

		private static String runId(int number) {
			return "run_" + String.format("%06d", number);
		}

		private static @Nullable String first(QueryStringDecoder query, String name, @Nullable String fallback) {
			var values = query.parameters().get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : fallback;
		}

	}

}
