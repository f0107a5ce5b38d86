package io.github.triggerspring.autoconfigure.webhooks;

import io.github.triggerspring.webhooks.TriggerWebhookVerifier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint of a WebFlux application. The body is read as raw bytes up to the
 * limit, whatever {@code spring.codec.max-in-memory-size} says, and listeners run on a
 * bounded-elastic thread, never on the event loop.
 *
 * @author trigger-spring-boot contributors
 */
final class ReactiveWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private final TriggerWebhookReceiver receiver;

	private ReactiveWebhookEndpoint(TriggerWebhookReceiver receiver) {
		this.receiver = receiver;
	}

	/**
	 * The route: {@code POST path}.
	 * @param path the path
	 * @param receiver the receiver
	 * @return the router function
	 */
	static RouterFunction<ServerResponse> route(String path, TriggerWebhookReceiver receiver) {
		return RouterFunctions.route().POST(path, new ReactiveWebhookEndpoint(receiver)).build();
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		int limit = this.receiver.maxBodyBytes();
		if (request.headers().contentLength().orElse(0) > limit) {
			return respond(this.receiver.tooLarge());
		}
		String signature = request.headers().firstHeader(TriggerWebhookVerifier.SIGNATURE_HEADER);
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
			.map(ReactiveWebhookEndpoint::bytes)
			.defaultIfEmpty(new byte[0])
			.publishOn(Schedulers.boundedElastic())
			.map((body) -> this.receiver.receive(body, signature))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.fromSupplier(this.receiver::tooLarge))
			.flatMap(ReactiveWebhookEndpoint::respond);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<ServerResponse> respond(WebhookReply reply) {
		return ServerResponse.status(reply.status()).contentType(MediaType.TEXT_PLAIN).bodyValue(reply.message());
	}

}
