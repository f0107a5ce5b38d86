package io.github.triggerspring.samples.orders;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints what to {@code curl} once the server listens.
 *
 * @author trigger-spring-boot contributors
 */
@Component
class CurlHints implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(CurlHints.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		logger.info(String.join(System.lineSeparator(), "Order service ready. Try:",
				"  curl -X POST " + base + "/orders/order-1234 -H 'Content-Type: application/json' -d '{\"amount\": 42}'",
				"  curl " + base + "/orders/order-1234/result?maxWait=10s",
				"  curl " + base + "/runs/<runId>",
				"  curl " + base + "/runs?limit=5",
				"  curl -X POST " + base + "/runs/<runId>/cancel",
				"  curl -X POST " + base + "/runs/<runId>/replay",
				"  curl -X POST " + base + "/env-vars/sync",
				"  curl -X POST " + base + "/admin/queues/process-order/pause",
				"  curl -X POST " + base + "/admin/queues/process-order/resume",
				"  curl -X POST " + base + "/frontend/trigger-token",
				"  curl " + base + "/frontend/runs/<runId>/status -H 'X-Run-Token: <publicAccessToken>'"));
	}

}
