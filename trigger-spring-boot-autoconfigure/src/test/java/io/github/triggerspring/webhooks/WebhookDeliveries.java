package io.github.triggerspring.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Realistic alert webhook deliveries, shaped as the server sends them, and an
 * independent HMAC-SHA256 signer for tests.
 *
 * @author trigger-spring-boot contributors
 */
public final class WebhookDeliveries {

	public static final String SECRET = "whsec_test_0123456789abcdef";

	public static final String RUN_ERROR = "{\"type\":\"INTERNAL_ERROR\",\"code\":\"TASK_PROCESS_OOM_KILLED\","
			+ "\"message\":\"Out of memory\",\"stackTrace\":\"at processOrder (orders.ts:12)\"}";

	public static final String RUN_FAILED = """
			{"id":"alert_run_0001","created":"2026-11-30T10:15:30.123Z","webhookVersion":"v1","type":"alert.run.failed",
			 "object":{
			  "task":{"id":"process-order","filePath":"src/trigger/orders.ts","exportName":"processOrder",
			          "version":"20261130.3","sdkVersion":"4.0.4","cliVersion":"4.0.4"},
			  "run":{"id":"run_cm1a2b3c4d","number":42,"status":"CRASHED","createdAt":"2026-11-30T10:14:00.000Z",
			         "startedAt":"2026-11-30T10:14:01.500Z","completedAt":"2026-11-30T10:15:29.000Z","isTest":false,
			         "idempotencyKey":"order-1234","tags":["order:order-1234"],
			         "error":%s,
			         "isOutOfMemoryError":true,"machine":"small-1x",
			         "dashboardUrl":"https://cloud.trigger.dev/runs/run_cm1a2b3c4d"},
			  "environment":{"id":"env_prod_1","type":"PRODUCTION","slug":"prod"},
			  "organization":{"id":"org_1","slug":"acme","name":"Acme"},
			  "project":{"id":"prj_1","ref":"proj_abcdefghijklmnop","slug":"orders","name":"Orders"},
			  "futureField":"ignored"}}
			""".formatted(RUN_ERROR);

	public static final String DEPLOYMENT_SUCCESS = """
			{"id":"alert_dep_0002","created":"2026-11-30T11:00:00.000Z","webhookVersion":"v1",
			 "type":"alert.deployment.success",
			 "object":{
			  "deployment":{"id":"deployment_abc","status":"DEPLOYED","version":"20261130.4","shortCode":"x1y2z3",
			                "deployedAt":"2026-11-30T10:59:58.000Z"},
			  "tasks":[{"id":"process-order","filePath":"src/trigger/orders.ts","exportName":"processOrder",
			            "triggerSource":"STANDARD"},
			           {"id":"daily-report","filePath":"src/trigger/report.ts","triggerSource":"SCHEDULED"}],
			  "environment":{"id":"env_prev_1","type":"PREVIEW","slug":"preview","branchName":"feature-x"},
			  "organization":{"id":"org_1","slug":"acme","name":"Acme"},
			  "project":{"id":"prj_1","ref":"proj_abcdefghijklmnop","slug":"orders","name":"Orders"},
			  "git":{"branch":"feature-x","commitSha":"0a1b2c3","commitMessage":"Faster orders",
			         "commitUrl":"https://github.com/acme/orders/commit/0a1b2c3",
			         "branchUrl":"https://github.com/acme/orders/tree/feature-x","pullRequestNumber":17,
			         "pullRequestTitle":"Faster orders","pullRequestUrl":"https://github.com/acme/orders/pull/17",
			         "provider":"github"},
			  "vercel":{"deploymentUrl":"https://orders-git-feature-x.vercel.app"}}}
			""";

	public static final String DEPLOYMENT_FAILED = """
			{"id":"alert_dep_0003","created":"2026-11-30T12:00:00.000Z","webhookVersion":"v1",
			 "type":"alert.deployment.failed",
			 "object":{
			  "deployment":{"id":"deployment_def","status":"TIMED_OUT","version":"20261130.5","shortCode":"q9w8e7",
			                "failedAt":"2026-11-30T11:59:00.000Z"},
			  "error":{"name":"BuildError","message":"Build timed out","stderr":"npm ERR! timeout"},
			  "environment":{"id":"env_prod_1","type":"PRODUCTION","slug":"prod"},
			  "organization":{"id":"org_1","slug":"acme","name":"Acme"},
			  "project":{"id":"prj_1","ref":"proj_abcdefghijklmnop","slug":"orders","name":"Orders"}}}
			""";

	public static final String ERROR = """
			{"id":"V1StGXR8_Z5jdHi6B-myT","created":"2026-11-30T13:00:00.000Z","webhookVersion":"2025-01-01",
			 "type":"alert.error",
			 "object":{
			  "classification":"regression",
			  "error":{"fingerprint":"fp_91ab","type":"TypeError","message":"Cannot read properties of undefined",
			           "stackTrace":"TypeError: Cannot read ...","firstSeen":"2026-11-01T08:00:00.000Z",
			           "lastSeen":"2026-11-30T12:59:00.000Z","occurrenceCount":128,"taskIdentifier":"process-order"},
			  "environment":{"id":"env_prod_1","name":"Production"},
			  "organization":{"id":"org_1","slug":"acme","name":"Acme"},
			  "project":{"id":"prj_1","ref":"proj_abcdefghijklmnop","slug":"orders","name":"Orders"},
			  "dashboardUrl":"https://cloud.trigger.dev/errors/fp_91ab"}}
			""";

	public static final String DASHBOARD_AGENT_WATCH = """
			{"id":"alert_watch_0004","created":"2026-11-30T14:00:00.000Z","webhookVersion":"2026-08-02",
			 "type":"alert.dashboard_agent_watch","object":{"watch":{"id":"watch_1","summary":"Queue backlog"}}}
			""";

	private WebhookDeliveries() {
	}

	/**
	 * Signs a body as the server does: lowercase hex HMAC-SHA256 of the UTF-8 bytes.
	 * @param body the body
	 * @param secret the secret
	 * @return the signature header value
	 */
	public static String sign(String body, String secret) {
		return sign(body.getBytes(StandardCharsets.UTF_8), secret);
	}

	public static String sign(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
