package io.github.triggerspring.autoconfigure.webhooks;

import io.github.triggerspring.webhooks.TriggerWebhookEvent;
import io.github.triggerspring.webhooks.TriggerWebhookException;
import io.github.triggerspring.webhooks.TriggerWebhookException.Reason;
import io.github.triggerspring.webhooks.TriggerWebhookReceivedEvent;
import io.github.triggerspring.webhooks.TriggerWebhookVerifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * The web-stack-neutral part of the endpoint: verifies a delivery, answers a replay
 * without publishing it again, and publishes a verified delivery as a
 * {@link TriggerWebhookReceivedEvent}. A listener's exception propagates (the endpoint
 * answers 500, so Trigger.dev retries) and the delivery's id is forgotten, so that the
 * retry is published again.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerWebhookReceiver {

	private static final Log logger = LogFactory.getLog(TriggerWebhookReceiver.class);

	private final TriggerWebhookVerifier verifier;

	private final ApplicationEventPublisher publisher;

	private final RecentDeliveries recent;

	private final DataSize maxBodySize;

	TriggerWebhookReceiver(TriggerWebhookVerifier verifier, ApplicationEventPublisher publisher,
			int rememberedDeliveries, DataSize maxBodySize) {
		this.verifier = verifier;
		this.publisher = publisher;
		this.recent = new RecentDeliveries(rememberedDeliveries);
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Largest body accepted, in bytes.
	 * @return the limit
	 */
	int maxBodyBytes() {
		return (int) this.maxBodySize.toBytes();
	}

	/**
	 * Receives one delivery.
	 * @param body the raw body
	 * @param signature the signature header, or {@code null}
	 * @return the answer
	 */
	WebhookReply receive(byte[] body, @Nullable String signature) {
		TriggerWebhookEvent event;
		try {
			event = this.verifier.verify(body, signature);
		}
		catch (TriggerWebhookException ex) {
			logger.warn("Refused a Trigger.dev webhook delivery: " + ex.getMessage());
			return new WebhookReply(
					(ex.getReason() == Reason.MALFORMED_BODY) ? HttpStatus.BAD_REQUEST : HttpStatus.UNAUTHORIZED,
					ex.getMessage());
		}
		if (!this.recent.remember(event.id())) {
			logger.debug("Trigger.dev webhook delivery " + event.id() + " was already received; not published again");
			return new WebhookReply(HttpStatus.OK, "Already received " + event.id());
		}
		try {
			this.publisher.publishEvent(new TriggerWebhookReceivedEvent<>(this, event));
		}
		catch (RuntimeException ex) {
			this.recent.forget(event.id());
			throw ex;
		}
		return new WebhookReply(HttpStatus.OK, "Received " + event.id());
	}

	/**
	 * The answer to a body larger than the limit.
	 * @return the answer
	 */
	WebhookReply tooLarge() {
		logger.warn("Refused a Trigger.dev webhook delivery: its body is larger than " + this.maxBodySize);
		return new WebhookReply(HttpStatus.CONTENT_TOO_LARGE,
				"The body is larger than " + this.maxBodySize + " (trigger.webhooks.max-body-size).");
	}

}
