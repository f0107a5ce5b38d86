package io.github.triggerspring.autoconfigure;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names and value shapes of Trigger.dev credentials and of the webhook secret, for
 * masking them in actuator output.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerCredentialNames {

	/** Values that look like a Trigger.dev secret key or access token. */
	static final String CREDENTIAL_VALUE = "^tr_(dev|stg|prod|preview|pat|oat)_.+";

	private static final Set<String> NORMALIZED_NAMES = Set.of("triggersecretkey", "triggerpersonalaccesstoken",
			"triggeraccesstoken", "secretkey", "personalaccesstoken", "triggerwebhookssecret", "webhookssecret");

	private static final Pattern SEPARATORS = Pattern.compile("[-_.\\[\\]]");

	private TriggerCredentialNames() {
	}

	/**
	 * Whether a property or environment variable name holds a Trigger.dev credential or
	 * the webhook secret, in any of its relaxed forms ({@code trigger.secret-key},
	 * {@code trigger.secretKey}, {@code TRIGGER_SECRET_KEY}, {@code TRIGGER_ACCESS_TOKEN},
	 * {@code TRIGGER_WEBHOOKS_SECRET}, ...).
	 * @param name the name
	 * @return whether it names a credential
	 */
	static boolean isCredential(String name) {
		String normalized = SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
		return NORMALIZED_NAMES.contains(normalized)
				|| (normalized.startsWith("trigger") && NORMALIZED_NAMES.stream().anyMatch(normalized::endsWith));
	}

}
