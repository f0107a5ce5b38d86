package io.github.triggerspring.samples.orders;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints what to {@code curl}, and the order status page, once the server listens.
 *
 * @author trigger-spring-boot contributors
 */
@Component
class CurlHints implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(CurlHints.class);

	/** The sample alert, relative to the repository root. */
	private static final String ALERT = "samples/order-service/alert-run-failed.json";

	private final Environment environment;

	CurlHints(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		List<String> lines = new ArrayList<>(List.of("Order service ready. Try:",
				"  curl -X POST " + base + "/orders/order-1234 -H 'Content-Type: application/json' -d '{\"amount\": 42}'",
				"  curl " + base + "/orders/order-1234/result?maxWait=10s",
				"  curl -N " + base + "/orders/order-1234/status",
				"  curl -X POST " + base + "/orders/order-1234/approve -H 'Content-Type: application/json' -d '{\"approvedBy\": \"ada\"}'",
				"  curl " + base + "/runs/<runId>",
				"  curl " + base + "/runs?limit=5",
				"  curl -X POST " + base + "/runs/<runId>/cancel",
				"  curl -X POST " + base + "/runs/<runId>/replay",
				"  curl -X POST " + base + "/env-vars/sync",
				"  curl -X POST " + base + "/admin/queues/process-order/pause",
				"  curl -X POST " + base + "/admin/queues/process-order/resume",
				"  curl -X POST " + base + "/frontend/trigger-token",
				"  curl " + base + "/frontend/runs/<runId>/status -H 'X-Run-Token: <publicAccessToken>'",
				"or open " + base + "/ to place an order and watch its run live."));
		String webhooks = this.environment.getProperty("trigger.webhooks.path");
		if (webhooks != null) {
			lines.addAll(webhookLines(base + webhooks, base));
		}
		logger.info(String.join(System.lineSeparator(), lines));
	}

	/**
	 * A signed alert (200, listed by {@code /alerts}) and the same alert signed with a
	 * wrong secret (401), run from the repository root. The signature is the HMAC-SHA256
	 * of the file's bytes, as Trigger.dev computes it.
	 */
	static List<String> webhookLines(String url, String base) {
		String post = "  curl -i -X POST " + url + " -H 'Content-Type: application/json' --data-binary @" + ALERT
				+ " -H \"x-trigger-signature-hmacsha256: $(openssl dgst -sha256 -r -hmac ";
		String signed = " " + ALERT + " | cut -d' ' -f1)\"";
		return List.of("  # alert webhooks, valid signature (200), then an invalid one (401):",
				post + "\"${TRIGGER_WEBHOOKS_SECRET:-sample-webhook-secret}\"" + signed,
				post + "not-the-secret" + signed,
				"  curl " + base + "/alerts");
	}

}
