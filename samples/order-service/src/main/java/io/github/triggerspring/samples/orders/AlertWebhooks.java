package io.github.triggerspring.samples.orders;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.webhooks.DeploymentFailedEvent;
import io.github.triggerspring.webhooks.RunFailedEvent;
import io.github.triggerspring.webhooks.TriggerWebhookEvent;
import io.github.triggerspring.webhooks.TriggerWebhookReceivedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Trigger.dev alert webhooks: the starter's endpoint at
 * {@code trigger.webhooks.path} verifies each delivery and publishes it, and these
 * listeners log it and keep the latest ones for {@code GET /alerts}.
 *
 * @author trigger-spring-boot contributors
 */
@RestController
public class AlertWebhooks {

	private static final Log logger = LogFactory.getLog(AlertWebhooks.class);

	private static final int KEPT = 20;

	private final Deque<Map<String, Object>> latest = new ArrayDeque<>();

	@EventListener
	void onRunFailed(TriggerWebhookReceivedEvent<RunFailedEvent> event) {
		RunFailedEvent.Run run = event.getWebhookEvent().object().run();
		logger.warn("Run " + run.id() + " of " + event.getWebhookEvent().object().task().id() + " failed ("
				+ run.status() + "): " + run.dashboardUrl());
	}

	@EventListener
	void onDeploymentFailed(TriggerWebhookReceivedEvent<DeploymentFailedEvent> event) {
		DeploymentFailedEvent.Alert alert = event.getWebhookEvent().object();
		logger.warn("Deployment " + alert.deployment().version() + " failed: " + alert.error().message());
	}

	@EventListener
	void onAny(TriggerWebhookReceivedEvent<?> event) {
		TriggerWebhookEvent alert = event.getWebhookEvent();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("id", alert.id());
		summary.put("type", alert.type());
		summary.put("created", alert.created().toString());
		synchronized (this.latest) {
			this.latest.addFirst(summary);
			if (this.latest.size() > KEPT) {
				this.latest.removeLast();
			}
		}
	}

	@GetMapping("/alerts")
	List<Map<String, Object>> latest() {
		synchronized (this.latest) {
			return List.copyOf(this.latest);
		}
	}

}
