package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The emulator's HTTP transport, on Reactor Netty: decodes each request into an
 * {@link ApiCall}, reads its body within the route's {@link BodyLimit}, runs the
 * {@link ApiRouter} on the emulator's own threads (handlers block: latency faults,
 * realtime long polls), never on the event loop, and writes what the router decided:
 * the reply, a truncated reply, or a closed connection. It watches each connection while
 * its call is handled, so that a client that goes away releases a held call at once.
 * Connections use {@code TCP_NODELAY}.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiServer {

	private static final AtomicInteger THREADS = new AtomicInteger();

	/** Longest request line: long query strings, such as many tags, are accepted. */
	private static final int MAX_INITIAL_LINE_LENGTH = 65_536;

	private static final int MAX_HEADER_SIZE = 65_536;

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final ApiRouter router;

	private final ExecutorService executor;

	private final Scheduler handlers;

	private final LoopResources loops;

	private final DisposableServer server;

	private ApiServer(ApiRouter router, String host, int port) {
		this.router = router;
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "trigger-emulator-" + THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.handlers = Schedulers.fromExecutor(this.executor);
		this.loops = LoopResources.create("trigger-emulator-http", 1, 2, true);
		try {
			this.server = HttpServer.create()
				.host(host)
				.port(port)
				.runOn(this.loops)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.httpRequestDecoder((decoder) -> decoder.maxInitialLineLength(MAX_INITIAL_LINE_LENGTH)
					.maxHeaderSize(MAX_HEADER_SIZE))
				.handle(this::serve)
				.bindNow();
		}
		catch (RuntimeException ex) {
			stopThreads();
			throw new IllegalStateException("Failed to start the Trigger.dev emulator on " + host + ":" + port, ex);
		}
	}

	/**
	 * Start serving the router.
	 * @param router the router
	 * @param host the address to bind to
	 * @param port the port, {@code 0} for a free one
	 * @return the running server
	 */
	static ApiServer start(ApiRouter router, String host, int port) {
		return new ApiServer(router, host, port);
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	int port() {
		return this.server.port();
	}

	/**
	 * Stop accepting connections, close the open ones and stop the handlers' threads,
	 * which releases the held calls.
	 */
	void stop() {
		this.server.disposeNow(STOP_TIMEOUT);
		stopThreads();
	}

	private void stopThreads() {
		this.loops.disposeLater(Duration.ZERO, STOP_TIMEOUT).block(STOP_TIMEOUT);
		this.executor.shutdownNow();
	}

	private Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		ApiCall call = new ApiCall(request.method().name(), request.uri(), headers(request.requestHeaders()));
		ApiRouter.Routing routing = this.router.route(call);
		ChannelFutureListener closed = (future) -> clientClosed(call);
		request.withConnection((connection) -> connection.channel().closeFuture().addListener(closed));
		return readBody(request, call, routing).publishOn(this.handlers)
			.map((tooLarge) -> this.router.handle(call, routing, tooLarge.orElse(null)))
			.flatMap((outcome) -> send(request, response, outcome))
			.doFinally((signal) -> request
				.withConnection((connection) -> connection.channel().closeFuture().removeListener(closed)));
	}

	/**
	 * Runs on the event loop: marks the call and hands the wake-up of the held calls to
	 * the handlers' threads.
	 */
	private void clientClosed(ApiCall call) {
		call.clientClosed();
		try {
			this.executor.execute(this.router::wakeHeldCalls);
		}
		catch (RejectedExecutionException ex) {
			// stopping: the held calls are released anyway
		}
	}

	private static Map<String, List<String>> headers(HttpHeaders headers) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (String name : headers.names()) {
			result.put(name, headers.getAll(name));
		}
		return result;
	}

	/**
	 * Reads the body into the call within the route's limit.
	 * @return the 413 reply of a body over the limit, which is not read further
	 */
	private static Mono<Optional<ApiReply>> readBody(HttpServerRequest request, ApiCall call,
			ApiRouter.Routing routing) {
		BodyLimit.Body body;
		try {
			body = routing.bodyLimit().start(request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH));
		}
		catch (ApiError ex) {
			return Mono.just(Optional.of(ex.reply));
		}
		return request.receive()
			.doOnNext((chunk) -> body.append(ByteBufUtil.getBytes(chunk)))
			.then(Mono.fromCallable(() -> {
				call.body = body.bytes();
				return Optional.<ApiReply>empty();
			}))
			.onErrorResume(ApiError.class, (ex) -> Mono.just(Optional.of(ex.reply)));
	}

	private static Mono<Void> send(HttpServerRequest request, HttpServerResponse response,
			ApiRouter.Outcome outcome) {
		return switch (outcome.kind()) {
			case RESPOND -> respond(response, outcome.reply());
			case TRUNCATED -> respondTruncated(request, response, outcome.reply());
			case DROP -> close(request);
			// the connection is closed: the transport cancels the handling of the call
			case CLIENT_CLOSED -> Mono.never();
		};
	}

	private static Mono<Void> respond(HttpServerResponse response, ApiReply reply) {
		byte[] bytes = bytes(reply);
		head(response, reply).header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(bytes.length));
		return (bytes.length == 0) ? response.send().then() : response.sendByteArray(Mono.just(bytes)).then();
	}

	/**
	 * Sends the status, the headers with the full length and the first half of the
	 * body, then closes the connection. The half is not the last content of the
	 * response, so the response never ends before the connection is closed.
	 */
	private static Mono<Void> respondTruncated(HttpServerRequest request, HttpServerResponse response,
			ApiReply reply) {
		byte[] bytes = bytes(reply);
		head(response, reply).header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(Math.max(1, bytes.length)));
		return response.sendHeaders()
			.then(response.sendObject(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2))))
			.then()
			.onErrorComplete()
			.then(close(request));
	}

	/**
	 * Closes the connection without completing the response: the transport cancels the
	 * call's handling when its connection closes, on its event loop.
	 */
	private static Mono<Void> close(HttpServerRequest request) {
		return Mono.<Void>fromRunnable(() -> request.withConnection((connection) -> connection.channel().close()))
			.then(Mono.never());
	}

	private static HttpServerResponse head(HttpServerResponse response, ApiReply reply) {
		response.status(reply.status);
		reply.headers.forEach(response::header);
		return response;
	}

	private static byte[] bytes(ApiReply reply) {
		return (reply.body != null) ? reply.body.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

}
