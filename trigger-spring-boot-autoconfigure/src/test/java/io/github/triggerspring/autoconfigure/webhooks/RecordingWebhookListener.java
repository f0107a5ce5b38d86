package io.github.triggerspring.autoconfigure.webhooks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.triggerspring.webhooks.RunFailedEvent;
import io.github.triggerspring.webhooks.TriggerWebhookEvent;
import io.github.triggerspring.webhooks.TriggerWebhookReceivedEvent;

import org.springframework.context.event.EventListener;

/**
 * An application's listener: records every webhook event it receives, the run failures
 * separately, and fails once on demand.
 *
 * @author trigger-spring-boot contributors
 */
class RecordingWebhookListener {

	final List<TriggerWebhookEvent> all = new CopyOnWriteArrayList<>();

	final List<RunFailedEvent> runFailures = new CopyOnWriteArrayList<>();

	final AtomicBoolean failNext = new AtomicBoolean();

	@EventListener
	void onAny(TriggerWebhookReceivedEvent<?> event) {
		if (this.failNext.compareAndSet(true, false)) {
			throw new IllegalStateException("database down");
		}
		this.all.add(event.getWebhookEvent());
	}

	@EventListener
	void onRunFailed(TriggerWebhookReceivedEvent<RunFailedEvent> event) {
		this.runFailures.add(event.getWebhookEvent());
	}

}
