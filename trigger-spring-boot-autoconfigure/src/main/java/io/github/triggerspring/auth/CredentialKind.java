package io.github.triggerspring.auth;

/**
 * Kinds of credential that the Trigger.dev management API accepts from a backend.
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
	PERSONAL_ACCESS_TOKEN("personal access token", "trigger.personal-access-token", "TRIGGER_ACCESS_TOKEN");

	private final String description;

	private final String property;

	private final String environmentVariable;

	CredentialKind(String description, String property, String environmentVariable) {
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
	 * @return the property name
	 */
	public String property() {
		return this.property;
	}

	/**
	 * Environment variable, as read by the official SDK, that holds a credential of this
	 * kind.
	 * @return the environment variable name
	 */
	public String environmentVariable() {
		return this.environmentVariable;
	}

	/**
	 * How to configure a credential of this kind, for use in error messages.
	 * @return for example {@code 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY)}
	 */
	public String howToConfigure() {
		return "'" + this.property + "' (environment variable " + this.environmentVariable + ")";
	}

}
