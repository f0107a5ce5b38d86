package io.github.triggerspring.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.triggerspring.webhooks.TriggerWebhookException.Reason;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Verifies Trigger.dev alert webhook deliveries, as the SDK's
 * {@code webhooks.constructEvent} does: the {@value #SIGNATURE_HEADER} header must be
 * the lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the webhook secret.
 * The signature is compared in constant time, and only a verified body is parsed into a
 * {@link TriggerWebhookEvent}. Thread-safe.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TriggerWebhookVerifier {

	/**
	 * Header that carries the signature of a delivery.
	 */
	public static final String SIGNATURE_HEADER = "x-trigger-signature-hmacsha256";

	private static final String ALGORITHM = "HmacSHA256";

	private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

	private final SecretKeySpec key;

	/**
	 * Creates a verifier for one webhook secret.
	 * @param secret the secret of the alert channel's webhook
	 */
	public TriggerWebhookVerifier(String secret) {
		Assert.hasText(secret, "The webhook secret must not be empty");
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/**
	 * Verifies the signature of a delivery, then parses its body.
	 * @param body the raw body, exactly as received
	 * @param signature the value of the {@value #SIGNATURE_HEADER} header, or {@code null}
	 * when the delivery has none
	 * @return the event
	 * @throws TriggerWebhookException if the signature is missing, malformed or wrong, or
	 * the body is not a webhook event
	 */
	public TriggerWebhookEvent verify(byte[] body, @Nullable String signature) {
		verifySignature(body, signature);
		return WebhookEventParser.parse(body);
	}

	private void verifySignature(byte[] body, @Nullable String signature) {
		if (signature == null || signature.isEmpty()) {
			throw new TriggerWebhookException(Reason.MISSING_SIGNATURE, "The delivery has no " + SIGNATURE_HEADER
					+ " header: it is not signed, so it cannot come from Trigger.dev.", null);
		}
		if (!SIGNATURE.matcher(signature).matches()) {
			throw new TriggerWebhookException(Reason.MALFORMED_SIGNATURE, "The " + SIGNATURE_HEADER
					+ " header is not 64 lowercase hex digits, the form of an HMAC-SHA256 of the body, without a "
					+ "prefix such as sha256=.", null);
		}
		byte[] expected = sign(body);
		if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
			throw new TriggerWebhookException(Reason.INVALID_SIGNATURE, "The " + SIGNATURE_HEADER
					+ " header does not match the body: the delivery was signed with another secret, or its body "
					+ "was changed on the way. Check that the webhook secret is the one of the alert channel.", null);
		}
	}

	private byte[] sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
