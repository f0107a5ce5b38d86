package io.github.triggerspring.auth;

import org.jspecify.annotations.Nullable;

/**
 * Per-call choices that the {@link TriggerAuthStrategy} takes into account.
 *
 * @param credential kind of credential the caller insists on, or {@code null} to let the
 * strategy choose (secret key first)
 * @param environment environment the call targets, or {@code null} for the configured one
 * @param branch preview branch for this call, or {@code null} for the configured one
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record AuthOptions(@Nullable CredentialKind credential, @Nullable TriggerEnvironment environment,
		@Nullable String branch) {

	/**
	 * No per-call choice: the strategy decides from the configuration alone.
	 */
	public static final AuthOptions DEFAULT = new AuthOptions(null, null, null);

	/**
	 * Options that insist on the given kind of credential.
	 * @param credential the credential kind
	 * @return the options
	 */
	public static AuthOptions using(CredentialKind credential) {
		return new AuthOptions(credential, null, null);
	}

}
