package io.github.triggerspring.test;

/**
 * Which of the emulator's seeded credentials (see
 * {@link io.github.triggerspring.emulator.EmulatorAccount}) the Trigger.dev clients are
 * configured with.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum EmulatorCredentials {

	/**
	 * The secret key of the chosen environment, as most applications are configured.
	 */
	SECRET_KEY(true, false),

	/**
	 * The personal access token only; calls target the chosen environment.
	 */
	PERSONAL_ACCESS_TOKEN(false, true),

	/**
	 * Both the secret key of the chosen environment and the personal access token.
	 */
	BOTH(true, true);

	private final boolean secretKey;

	private final boolean personalAccessToken;

	EmulatorCredentials(boolean secretKey, boolean personalAccessToken) {
		this.secretKey = secretKey;
		this.personalAccessToken = personalAccessToken;
	}

	/**
	 * Whether a secret key is configured.
	 * @return whether a secret key is configured
	 */
	public boolean hasSecretKey() {
		return this.secretKey;
	}

	/**
	 * Whether a personal access token is configured.
	 * @return whether a personal access token is configured
	 */
	public boolean hasPersonalAccessToken() {
		return this.personalAccessToken;
	}

}
