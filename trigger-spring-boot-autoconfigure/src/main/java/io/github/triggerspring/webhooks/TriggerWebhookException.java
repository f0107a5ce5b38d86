package io.github.triggerspring.webhooks;

import io.github.triggerspring.error.TriggerException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a webhook delivery is refused: its signature is missing, malformed or wrong,
 * or its verified body is not a Trigger.dev webhook event. The message never contains
 * the secret.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerWebhookException extends TriggerException {

	private final Reason reason;

	/**
	 * Creates a new exception.
	 * @param reason why the delivery is refused
	 * @param message the message, free of secrets
	 * @param cause the cause, or {@code null}
	 */
	public TriggerWebhookException(Reason reason, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Why the delivery is refused.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why a delivery is refused.
	 */
	public enum Reason {

		/**
		 * The signature header is missing or empty.
		 */
		MISSING_SIGNATURE,

		/**
		 * The signature header is not 64 lowercase hex digits.
		 */
		MALFORMED_SIGNATURE,

		/**
		 * The signature does not match the body: another secret, or a changed body.
		 */
		INVALID_SIGNATURE,

		/**
		 * The signature matches, but the body is not a Trigger.dev webhook event.
		 */
		MALFORMED_BODY;

		/**
		 * Whether the delivery's origin could not be verified, as opposed to a verified
		 * body that cannot be read.
		 * @return whether the signature is at fault
		 */
		public boolean isSignatureFailure() {
			return this != MALFORMED_BODY;
		}

	}

}
