package io.github.triggerspring.auth;

import org.jspecify.annotations.Nullable;

/**
 * Per-call choices that the {@link TriggerAuthStrategy} takes into account.
 * {@link #toString()} masks the token.
 *
 * @param credential kind of credential the caller insists on, or {@code null} to let the
 * strategy choose (secret key first)
 * @param environment environment the call targets, or {@code null} for the configured one
 * @param branch preview branch for this call, or {@code null} for the configured one
 * @param token a credential used for this call instead of the configured ones, or
 * {@code null}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record AuthOptions(@Nullable CredentialKind credential, @Nullable TriggerEnvironment environment,
		@Nullable String branch, @Nullable String token) {

	/**
	 * No per-call choice: the strategy decides from the configuration alone.
	 */
	public static final AuthOptions DEFAULT = new AuthOptions(null, null, null, null);

	/**
	 * Options without a credential of their own.
	 * @param credential the credential kind, or {@code null}
	 * @param environment the environment, or {@code null}
	 * @param branch the branch, or {@code null}
	 */
	public AuthOptions(@Nullable CredentialKind credential, @Nullable TriggerEnvironment environment,
			@Nullable String branch) {
		this(credential, environment, branch, null);
	}

	/**
	 * Options that insist on the given kind of credential.
	 * @param credential the credential kind
	 * @return the options
	 */
	public static AuthOptions using(CredentialKind credential) {
		return new AuthOptions(credential, null, null);
	}

	@Override
	public String toString() {
		return "AuthOptions[credential=" + this.credential + ", environment=" + this.environment + ", branch="
				+ this.branch + ", token=" + ((this.token != null) ? Secrets.mask(this.token) : null) + "]";
	}

}
