package io.github.triggerspring.auth;

import org.jspecify.annotations.Nullable;

/**
 * Kinds of credential that the Trigger.dev management API accepts.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum CredentialKind {

	/**
	 * Secret key ({@code tr_dev_}, {@code tr_stg_}, {@code tr_prod_}, {@code tr_preview_}),
	 * scoped to one environment of one project.
	 */
	SECRET_KEY("secret key", "trigger.secret-key", "TRIGGER_SECRET_KEY"),

	/**
	 * Personal access token ({@code tr_pat_}) or organization access token
	 * ({@code tr_oat_}), scoped to every project its owner can reach.
	 */
	PERSONAL_ACCESS_TOKEN("personal access token", "trigger.personal-access-token", "TRIGGER_ACCESS_TOKEN"),

	/**
	 * Public access token: a short-lived JWT ({@code "pub": true}) minted by a backend
	 * that holds the secret key, scoped to a few resources. It is never configured: a call
	 * carries one as its per-call credential.
	 */
	PUBLIC_ACCESS_TOKEN("public access token", null, null);

	private final String description;

	private final @Nullable String property;

	private final @Nullable String environmentVariable;

	CredentialKind(String description, @Nullable String property, @Nullable String environmentVariable) {
		this.description = description;
		this.property = property;
		this.environmentVariable = environmentVariable;
	}

	/**
	 * Human-readable name of this kind, for example {@code "secret key"}.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Configuration property that holds a credential of this kind.
	 * @return the property name, or {@code null} for a public access token, which is
	 * never configured
	 */
	public @Nullable String property() {
		return this.property;
	}

	/**
	 * Environment variable, as read by the official SDK, that holds a credential of this
	 * kind.
	 * @return the environment variable name, or {@code null} for a public access token
	 */
	public @Nullable String environmentVariable() {
		return this.environmentVariable;
	}

	/**
	 * How to configure a credential of this kind, for use in error messages.
	 * @return for example {@code 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY)}
	 */
	public String howToConfigure() {
		if (this.property == null) {
			return "a public access token as the call's credential (RequestOptions.withCredential)";
		}
		return "'" + this.property + "' (environment variable " + this.environmentVariable + ")";
	}

}
