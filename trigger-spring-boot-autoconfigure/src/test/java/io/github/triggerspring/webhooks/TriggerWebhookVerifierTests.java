package io.github.triggerspring.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.webhooks.TriggerWebhookException.Reason;
import org.junit.jupiter.api.Test;

import static io.github.triggerspring.webhooks.WebhookDeliveries.SECRET;
import static io.github.triggerspring.webhooks.WebhookDeliveries.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TriggerWebhookVerifier}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerWebhookVerifierTests {

	private final TriggerWebhookVerifier verifier = new TriggerWebhookVerifier(SECRET);

	@Test
	void acceptsTheSignatureThatOpensslComputes() {
		// printf '%s' '{"id":"x"}' | openssl dgst -sha256 -hmac 'whsec_test_0123456789abcdef'
		String signature = "95a14b6274d6f447a86e7b496ea80af8248f06890387cb01e6b7a019629aacac";
		assertThat(sign("{\"id\":\"x\"}", SECRET)).isEqualTo(signature);
		assertThatExceptionOfType(TriggerWebhookException.class)
			.isThrownBy(() -> verify("{\"id\":\"x\"}", signature))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED_BODY));
	}

	@Test
	void refusesADeliveryWithoutSignature() {
		assertRefused(WebhookDeliveries.RUN_FAILED, null, Reason.MISSING_SIGNATURE,
				"The delivery has no x-trigger-signature-hmacsha256 header: it is not signed, so it cannot come from "
						+ "Trigger.dev.");
		assertRefused(WebhookDeliveries.RUN_FAILED, "", Reason.MISSING_SIGNATURE, "has no");
	}

	@Test
	void refusesAMalformedSignature() {
		String signature = sign(WebhookDeliveries.RUN_FAILED, SECRET);
		String message = "The x-trigger-signature-hmacsha256 header is not 64 lowercase hex digits, the form of an "
				+ "HMAC-SHA256 of the body, without a prefix such as sha256=.";
		assertRefused(WebhookDeliveries.RUN_FAILED, "sha256=" + signature, Reason.MALFORMED_SIGNATURE, message);
		assertRefused(WebhookDeliveries.RUN_FAILED, signature.toUpperCase(Locale.ROOT), Reason.MALFORMED_SIGNATURE,
				message);
		assertRefused(WebhookDeliveries.RUN_FAILED, signature.substring(2), Reason.MALFORMED_SIGNATURE, message);
		assertRefused(WebhookDeliveries.RUN_FAILED, "not-a-signature", Reason.MALFORMED_SIGNATURE, message);
	}

	@Test
	void refusesASignatureMadeWithAnotherSecret() {
		String signature = sign(WebhookDeliveries.RUN_FAILED, "whsec_another_secret");
		assertRefused(WebhookDeliveries.RUN_FAILED, signature, Reason.INVALID_SIGNATURE,
				"The x-trigger-signature-hmacsha256 header does not match the body: the delivery was signed with "
						+ "another secret, or its body was changed on the way. Check that the webhook secret is the "
						+ "one of the alert channel.");
	}

	@Test
	void refusesASignatureOverADifferentBody() {
		String signature = sign(WebhookDeliveries.DEPLOYMENT_SUCCESS, SECRET);
		assertRefused(WebhookDeliveries.RUN_FAILED, signature, Reason.INVALID_SIGNATURE, "does not match the body");
		String reformatted = WebhookDeliveries.RUN_FAILED.replace(",", ", ");
		assertRefused(reformatted, sign(WebhookDeliveries.RUN_FAILED, SECRET), Reason.INVALID_SIGNATURE,
				"does not match the body");
	}

	@Test
	void refusesASignedBodyThatIsNotJson() {
		String body = "payload=not-json";
		assertRefused(body, sign(body, SECRET), Reason.MALFORMED_BODY,
				"The delivery is signed, but its body is not a Trigger.dev webhook event: it is not JSON (");
		assertRefused("[1,2]", sign("[1,2]", SECRET), Reason.MALFORMED_BODY,
				"The delivery is signed, but its body is not a Trigger.dev webhook event: it is not a JSON object.");
		assertRefused("", sign("", SECRET), Reason.MALFORMED_BODY, "it is not a JSON object.");
	}

	@Test
	void refusesASignedBodyWithoutEnvelope() {
		String noType = "{\"id\":\"a\",\"created\":\"2026-11-30T10:15:30Z\",\"webhookVersion\":\"v1\",\"object\":{}}";
		assertRefused(noType, sign(noType, SECRET), Reason.MALFORMED_BODY, "'type' is missing or not a string.");
		String badDate = WebhookDeliveries.RUN_FAILED.replace("2026-11-30T10:15:30.123Z", "yesterday");
		assertRefused(badDate, sign(badDate, SECRET), Reason.MALFORMED_BODY, "'created' cannot be read (");
		String noObject = "{\"id\":\"a\",\"created\":\"2026-11-30T10:15:30Z\",\"webhookVersion\":\"v1\","
				+ "\"type\":\"alert.run.failed\"}";
		assertRefused(noObject, sign(noObject, SECRET), Reason.MALFORMED_BODY, "'object' is missing.");
	}

	@Test
	void refusesASignedBodyWithoutARequiredMember() {
		String noRun = WebhookDeliveries.RUN_FAILED.replaceFirst("\"run\":\\{", "\"notRun\":{");
		assertRefused(noRun, sign(noRun, SECRET), Reason.MALFORMED_BODY, "'object.run' is missing.");
		String noSource = WebhookDeliveries.DEPLOYMENT_SUCCESS.replace(",\"triggerSource\":\"SCHEDULED\"", "");
		assertRefused(noSource, sign(noSource, SECRET), Reason.MALFORMED_BODY,
				"'object.tasks[1].triggerSource' is missing.");
		String noFingerprint = WebhookDeliveries.ERROR.replace("\"fingerprint\":\"fp_91ab\",", "");
		assertRefused(noFingerprint, sign(noFingerprint, SECRET), Reason.MALFORMED_BODY,
				"'object.error.fingerprint' is missing.");
	}

	@Test
	void neverPutsTheSecretInAMessage() {
		for (String signature : new String[] { null, "bad", sign("other", SECRET) }) {
			assertThatExceptionOfType(TriggerWebhookException.class)
				.isThrownBy(() -> verify(WebhookDeliveries.RUN_FAILED, signature))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET).doesNotContain("0123456789"));
		}
	}

	@Test
	void refusesAnEmptySecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TriggerWebhookVerifier(""))
			.withMessage("The webhook secret must not be empty");
	}

	@Test
	void readsARunFailure() {
		RunFailedEvent event = (RunFailedEvent) verifySigned(WebhookDeliveries.RUN_FAILED);
		assertThat(event.id()).isEqualTo("alert_run_0001");
		assertThat(event.type()).isEqualTo("alert.run.failed");
		assertThat(event.created()).isEqualTo(Instant.parse("2026-11-30T10:15:30.123Z"));
		assertThat(event.webhookVersion()).isEqualTo("v1");
		assertThat(event.object().task()).isEqualTo(new RunFailedEvent.Task("process-order", "src/trigger/orders.ts",
				"processOrder", "20261130.3", "4.0.4", "4.0.4"));
		RunFailedEvent.Run run = event.object().run();
		assertThat(run.id()).isEqualTo("run_cm1a2b3c4d");
		assertThat(run.number()).isEqualTo(42);
		assertThat(run.status()).isEqualTo(RunStatus.CRASHED);
		assertThat(run.createdAt()).isEqualTo(Instant.parse("2026-11-30T10:14:00Z"));
		assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-11-30T10:14:01.500Z"));
		assertThat(run.completedAt()).isEqualTo(Instant.parse("2026-11-30T10:15:29Z"));
		assertThat(run.isTest()).isFalse();
		assertThat(run.idempotencyKey()).isEqualTo("order-1234");
		assertThat(run.tags()).containsExactly("order:order-1234");
		assertThat(run.error()).isEqualTo(new RunFailedEvent.RunError("INTERNAL_ERROR", null, "Out of memory",
				"at processOrder (orders.ts:12)", null, "TASK_PROCESS_OOM_KILLED"));
		assertThat(run.isOutOfMemoryError()).isTrue();
		assertThat(run.machine()).isEqualTo("small-1x");
		assertThat(run.dashboardUrl()).isEqualTo("https://cloud.trigger.dev/runs/run_cm1a2b3c4d");
		assertThat(event.object().environment()).isEqualTo(new AlertEnvironment("env_prod_1", "PRODUCTION", "prod", null));
		assertThat(event.object().organization()).isEqualTo(new AlertOrganization("org_1", "acme", "Acme"));
		assertThat(event.object().project())
			.isEqualTo(new AlertProject("prj_1", "proj_abcdefghijklmnop", "orders", "Orders"));
	}

	@Test
	void readsEveryVariantOfARunError() {
		String[][] variants = { { "{\"type\":\"BUILT_IN_ERROR\",\"name\":\"TypeError\",\"message\":\"boom\","
				+ "\"stackTrace\":\"at x\"}", "BUILT_IN_ERROR", "TypeError", "boom", "at x", null, null },
				{ "{\"type\":\"CUSTOM_ERROR\",\"raw\":\"{\\\"code\\\":7}\"}", "CUSTOM_ERROR", null, null, null,
						"{\"code\":7}", null },
				{ "{\"type\":\"STRING_ERROR\",\"raw\":\"went wrong\"}", "STRING_ERROR", null, null, null, "went wrong",
						null },
				{ "{\"type\":\"INTERNAL_ERROR\",\"code\":\"MAX_DURATION_EXCEEDED\"}", "INTERNAL_ERROR", null, null,
						null, null, "MAX_DURATION_EXCEEDED" } };
		for (String[] variant : variants) {
			String body = WebhookDeliveries.RUN_FAILED.replace(WebhookDeliveries.RUN_ERROR, variant[0]);
			RunFailedEvent event = (RunFailedEvent) verifySigned(body);
			assertThat(event.object().run().error()).as(variant[0])
				.isEqualTo(new RunFailedEvent.RunError(variant[1], variant[2], variant[3], variant[4], variant[5],
						variant[6]));
		}
	}

	@Test
	void readsADeploymentSuccess() {
		DeploymentSucceededEvent event = (DeploymentSucceededEvent) verifySigned(WebhookDeliveries.DEPLOYMENT_SUCCESS);
		assertThat(event.id()).isEqualTo("alert_dep_0002");
		assertThat(event.type()).isEqualTo("alert.deployment.success");
		assertThat(event.created()).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
		assertThat(event.object().deployment()).isEqualTo(new DeploymentSucceededEvent.Deployment("deployment_abc",
				"DEPLOYED", "20261130.4", "x1y2z3", Instant.parse("2026-11-30T10:59:58Z")));
		assertThat(event.object().tasks()).containsExactly(
				new DeploymentSucceededEvent.Task("process-order", "src/trigger/orders.ts", "processOrder", "STANDARD"),
				new DeploymentSucceededEvent.Task("daily-report", "src/trigger/report.ts", null, "SCHEDULED"));
		assertThat(event.object().environment())
			.isEqualTo(new AlertEnvironment("env_prev_1", "PREVIEW", "preview", "feature-x"));
		assertThat(event.object().git()).isEqualTo(new AlertGit("feature-x", "0a1b2c3", "Faster orders",
				"https://github.com/acme/orders/commit/0a1b2c3", "https://github.com/acme/orders/tree/feature-x", 17,
				"Faster orders", "https://github.com/acme/orders/pull/17", "github"));
		assertThat(event.object().vercel()).isEqualTo(new AlertVercel("https://orders-git-feature-x.vercel.app"));
		assertThat(event.object().project().ref()).isEqualTo("proj_abcdefghijklmnop");
	}

	@Test
	void readsADeploymentFailure() {
		DeploymentFailedEvent event = (DeploymentFailedEvent) verifySigned(WebhookDeliveries.DEPLOYMENT_FAILED);
		assertThat(event.id()).isEqualTo("alert_dep_0003");
		assertThat(event.type()).isEqualTo("alert.deployment.failed");
		assertThat(event.object().deployment()).isEqualTo(new DeploymentFailedEvent.Deployment("deployment_def",
				"TIMED_OUT", "20261130.5", "q9w8e7", Instant.parse("2026-11-30T11:59:00Z")));
		assertThat(event.object().error())
			.isEqualTo(new DeploymentFailedEvent.Failure("BuildError", "Build timed out", null, "npm ERR! timeout"));
		assertThat(event.object().git()).isNull();
		assertThat(event.object().vercel()).isNull();
		assertThat(event.object().organization().slug()).isEqualTo("acme");
	}

	@Test
	void readsAnErrorAlert() {
		ErrorAlertEvent event = (ErrorAlertEvent) verifySigned(WebhookDeliveries.ERROR);
		assertThat(event.id()).isEqualTo("V1StGXR8_Z5jdHi6B-myT");
		assertThat(event.type()).isEqualTo("alert.error");
		assertThat(event.webhookVersion()).isEqualTo("2025-01-01");
		assertThat(event.object().classification()).isEqualTo("regression");
		assertThat(event.object().error()).isEqualTo(new ErrorAlertEvent.ErrorGroup("fp_91ab", "TypeError",
				"Cannot read properties of undefined", "TypeError: Cannot read ...",
				Instant.parse("2026-11-01T08:00:00Z"), Instant.parse("2026-11-30T12:59:00Z"), 128, "process-order"));
		assertThat(event.object().environment()).isEqualTo(new ErrorAlertEvent.Environment("env_prod_1", "Production"));
		assertThat(event.object().dashboardUrl()).isEqualTo("https://cloud.trigger.dev/errors/fp_91ab");
	}

	@Test
	void keepsAnUnknownTypeAsRawJson() {
		UnknownWebhookEvent event = (UnknownWebhookEvent) verifySigned(WebhookDeliveries.DASHBOARD_AGENT_WATCH);
		assertThat(event.id()).isEqualTo("alert_watch_0004");
		assertThat(event.type()).isEqualTo("alert.dashboard_agent_watch");
		assertThat(event.webhookVersion()).isEqualTo("2026-08-02");
		assertThat(event.created()).isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
		assertThat(event.raw().at("/object/watch/summary").asString()).isEqualTo("Queue backlog");
		assertThat(event.raw().get("type").asString()).isEqualTo("alert.dashboard_agent_watch");
	}

	@Test
	void verifiesTheExactBytesOfANonAsciiBody() {
		String body = WebhookDeliveries.RUN_FAILED.replace("\"name\":\"Acme\"", "\"name\":\"Acmé ✓\"");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		RunFailedEvent event = (RunFailedEvent) this.verifier.verify(bytes, sign(bytes, SECRET));
		assertThat(event.object().organization().name()).isEqualTo("Acmé ✓");
	}

	private TriggerWebhookEvent verifySigned(String body) {
		return verify(body, sign(body, SECRET));
	}

	private TriggerWebhookEvent verify(String body, String signature) {
		return this.verifier.verify(body.getBytes(StandardCharsets.UTF_8), signature);
	}

	private void assertRefused(String body, String signature, Reason reason, String message) {
		assertThatExceptionOfType(TriggerWebhookException.class).isThrownBy(() -> verify(body, signature))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(reason);
				assertThat(ex.getMessage()).contains(message);
			});
	}

}
