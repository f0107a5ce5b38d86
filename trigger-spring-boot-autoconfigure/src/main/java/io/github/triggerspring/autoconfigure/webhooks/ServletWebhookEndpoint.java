package io.github.triggerspring.autoconfigure.webhooks;

import java.io.IOException;
import java.io.InputStream;

import io.github.triggerspring.webhooks.TriggerWebhookVerifier;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint of a servlet (Spring MVC) application. The body is read as raw
 * bytes up to the limit; listeners run on the request thread.
 *
 * @author trigger-spring-boot contributors
 */
final class ServletWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private final TriggerWebhookReceiver receiver;

	private ServletWebhookEndpoint(TriggerWebhookReceiver receiver) {
		this.receiver = receiver;
	}

	/**
	 * The route: {@code POST path}.
	 * @param path the path
	 * @param receiver the receiver
	 * @return the router function
	 */
	static RouterFunction<ServerResponse> route(String path, TriggerWebhookReceiver receiver) {
		return RouterFunctions.route().POST(path, new ServletWebhookEndpoint(receiver)).build();
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		int limit = this.receiver.maxBodyBytes();
		HttpServletRequest servletRequest = request.servletRequest();
		if (servletRequest.getContentLengthLong() > limit) {
			return respond(this.receiver.tooLarge());
		}
		byte[] body;
		try (InputStream input = servletRequest.getInputStream()) {
			body = input.readNBytes(limit + 1);
		}
		if (body.length > limit) {
			return respond(this.receiver.tooLarge());
		}
		return respond(this.receiver.receive(body, servletRequest.getHeader(TriggerWebhookVerifier.SIGNATURE_HEADER)));
	}

	private static ServerResponse respond(WebhookReply reply) {
		return ServerResponse.status(reply.status()).contentType(MediaType.TEXT_PLAIN).body(reply.message());
	}

}
