package io.github.triggerspring.webhooks;

import org.springframework.context.ApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * Published for each verified alert webhook delivery that the auto-configured endpoint
 * receives. Listen to every type with {@code TriggerWebhookReceivedEvent<?>}, or to one
 * with its event type, for example
 * {@code @EventListener void onRunFailed(TriggerWebhookReceivedEvent<RunFailedEvent> event)}.
 * An unverified delivery is never published.
 *
 * @param <E> the type of the webhook event
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerWebhookReceivedEvent<E extends TriggerWebhookEvent> extends ApplicationEvent
		implements ResolvableTypeProvider {

	private final E webhookEvent;

	/**
	 * Creates a new event.
	 * @param source the endpoint that received the delivery
	 * @param webhookEvent the verified webhook event
	 */
	public TriggerWebhookReceivedEvent(Object source, E webhookEvent) {
		super(source);
		this.webhookEvent = webhookEvent;
	}

	/**
	 * The verified webhook event.
	 * @return the webhook event
	 */
	public E getWebhookEvent() {
		return this.webhookEvent;
	}

	@Override
	public ResolvableType getResolvableType() {
		return ResolvableType.forClassWithGenerics(getClass(), ResolvableType.forInstance(this.webhookEvent));
	}

}
