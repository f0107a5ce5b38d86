package io.github.triggerspring.auth;

import java.util.EnumSet;
import java.util.Set;

import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.internal.auth.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Validated credentials and targeting settings: a secret key and/or a personal access
 * token, the project ref, the environment for access-token calls and the preview branch.
 * {@link #toString()} never shows a secret.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TriggerCredentials {

	private static final String PROJECT_REF = "'trigger.project-ref' (environment variable TRIGGER_PROJECT_REF)";

	private static final String ENVIRONMENT = "'trigger.environment' (environment variable TRIGGER_ENVIRONMENT)";

	private static final String PREVIEW_BRANCH = "'trigger.preview-branch' (environment variable TRIGGER_PREVIEW_BRANCH)";

	private final @Nullable String secretKey;

	private final @Nullable TriggerEnvironment secretKeyEnvironment;

	private final @Nullable String personalAccessToken;

	private final @Nullable String projectRef;

	private final @Nullable TriggerEnvironment environment;

	private final @Nullable String previewBranch;

	private TriggerCredentials(@Nullable String secretKey, @Nullable String personalAccessToken,
			@Nullable String projectRef, @Nullable TriggerEnvironment environment, @Nullable String previewBranch) {
		this.secretKey = secretKey;
		this.secretKeyEnvironment = (secretKey != null) ? TriggerEnvironment.ofSecretKey(secretKey) : null;
		this.personalAccessToken = personalAccessToken;
		this.projectRef = projectRef;
		this.environment = environment;
		this.previewBranch = previewBranch;
	}

	/**
	 * Validates the given settings and returns the credentials they describe. Blank values
	 * count as absent.
	 * @param secretKey the secret key, or {@code null}
	 * @param personalAccessToken the personal or organization access token, or {@code null}
	 * @param projectRef the project ref, or {@code null}
	 * @param environment the environment that access-token calls target, or {@code null}
	 * @param previewBranch the preview branch, or {@code null}
	 * @return the credentials
	 * @throws InvalidTriggerConfigurationException if the settings cannot work together
	 */
	public static TriggerCredentials of(@Nullable String secretKey, @Nullable String personalAccessToken,
			@Nullable String projectRef, @Nullable TriggerEnvironment environment, @Nullable String previewBranch) {
		String key = trimToNull(secretKey);
		String token = trimToNull(personalAccessToken);
		String project = trimToNull(projectRef);
		String branch = trimToNull(previewBranch);
		if (key == null && token == null) {
			throw new InvalidTriggerConfigurationException(
					"No Trigger.dev credential is configured: neither a secret key nor a personal access token is set.",
					"Set " + CredentialKind.SECRET_KEY.howToConfigure() + " to a secret key (tr_dev_, tr_stg_, tr_prod_ or tr_preview_), or "
							+ CredentialKind.PERSONAL_ACCESS_TOKEN.howToConfigure()
							+ " to a personal access token (tr_pat_) together with " + PROJECT_REF
							+ ". To turn the Trigger.dev auto-configuration off, set 'trigger.enabled' to false.");
		}
		if (key != null) {
			checkSecretKey(key, environment, branch);
		}
		if (token != null) {
			checkAccessToken(token, project);
		}
		return new TriggerCredentials(key, token, project, environment, branch);
	}

	private static void checkSecretKey(String key, @Nullable TriggerEnvironment environment, @Nullable String branch) {
		String property = CredentialKind.SECRET_KEY.howToConfigure();
		if (isAccessToken(key)) {
			throw new InvalidTriggerConfigurationException(
					"The value of 'trigger.secret-key' (" + Secrets.mask(key) + ") is a personal access token, not a secret key.",
					"Move it to " + CredentialKind.PERSONAL_ACCESS_TOKEN.howToConfigure() + " and set " + PROJECT_REF
							+ ", or set " + property + " to a secret key (tr_dev_, tr_stg_, tr_prod_ or tr_preview_).");
		}
		TriggerEnvironment keyEnvironment = TriggerEnvironment.ofSecretKey(key);
		if (keyEnvironment == null) {
			throw new InvalidTriggerConfigurationException(
					"The value of 'trigger.secret-key' (" + Secrets.mask(key) + ") does not start with a secret-key prefix.",
					"Set " + property + " to a secret key that starts with tr_dev_, tr_stg_, tr_prod_ or tr_preview_, "
							+ "as shown on the API keys page of the Trigger.dev dashboard.");
		}
		if (keyEnvironment == TriggerEnvironment.PREVIEW && branch == null) {
			throw new InvalidTriggerConfigurationException(
					"The secret key (" + Secrets.mask(key) + ") belongs to the preview environment, but no preview branch is set. "
							+ "The server answers 401 to every preview call without an x-trigger-branch header.",
					"Set " + PREVIEW_BRANCH + " to the name of the preview branch to target.");
		}
		if (environment != null && environment != keyEnvironment) {
			throw new InvalidTriggerConfigurationException(
					"'trigger.environment' is '" + environment.pathSegment() + "', but the secret key ("
							+ Secrets.mask(key) + ") belongs to the '" + keyEnvironment.pathSegment() + "' environment.",
					"Remove " + ENVIRONMENT + " (a secret key sets the environment itself), set it to '"
							+ keyEnvironment.pathSegment() + "', or set " + property + " to a key of the '"
							+ environment.pathSegment() + "' environment.");
		}
	}

	private static void checkAccessToken(String token, @Nullable String project) {
		String property = CredentialKind.PERSONAL_ACCESS_TOKEN.howToConfigure();
		if (TriggerEnvironment.ofSecretKey(token) != null) {
			throw new InvalidTriggerConfigurationException(
					"The value of 'trigger.personal-access-token' (" + Secrets.mask(token) + ") is a secret key, not a personal access token.",
					"Move it to " + CredentialKind.SECRET_KEY.howToConfigure() + ", or set " + property
							+ " to a personal access token (tr_pat_) or an organization access token (tr_oat_).");
		}
		if (!isAccessToken(token)) {
			throw new InvalidTriggerConfigurationException(
					"The value of 'trigger.personal-access-token' (" + Secrets.mask(token) + ") does not start with tr_pat_ or tr_oat_.",
					"Set " + property + " to a personal access token (tr_pat_) or an organization access token (tr_oat_).");
		}
		if (project == null) {
			throw new InvalidTriggerConfigurationException(
					"A personal access token (" + Secrets.mask(token) + ") is configured without a project ref. "
							+ "An access token is not scoped to a project, so every access-token call needs one.",
					"Set " + PROJECT_REF + " to the ref of the project (proj_…), found in the project's settings.");
		}
	}

	/**
	 * Credentials for one call that carries a credential of its own: that credential
	 * alone, with this configuration's project ref, access-token environment and preview
	 * branch.
	 * @param credential the call's secret key or access token
	 * @param branch the call's preview branch, or {@code null} for the configured one
	 * @return the call's credentials
	 * @throws TriggerValidationException if the credential is not a secret key or access
	 * token, or cannot be used with this configuration
	 */
	public TriggerCredentials forCall(String credential, @Nullable String branch) {
		String value = credential.trim();
		boolean accessToken = isAccessToken(value);
		String callBranch = (trimToNull(branch) != null) ? branch.trim() : this.previewBranch;
		try {
			return of(accessToken ? null : value, accessToken ? value : null, this.projectRef,
					accessToken ? this.environment : null, callBranch);
		}
		catch (InvalidTriggerConfigurationException ex) {
			throw new TriggerValidationException("requestOptions.credential",
					ex.getDescription().replace("'trigger.secret-key'", "the per-call credential")
						.replace("'trigger.personal-access-token'", "the per-call credential")
							+ " Pass a secret key or access token as the per-call credential, or leave it out to use the "
							+ "configured one.");
		}
	}

	private static boolean isAccessToken(String value) {
		return value.startsWith("tr_pat_") || value.startsWith("tr_oat_");
	}

	private static @Nullable String trimToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	/**
	 * Kinds of credential that are configured.
	 * @return the configured kinds, never empty
	 */
	public Set<CredentialKind> configuredKinds() {
		Set<CredentialKind> kinds = EnumSet.noneOf(CredentialKind.class);
		if (this.secretKey != null) {
			kinds.add(CredentialKind.SECRET_KEY);
		}
		if (this.personalAccessToken != null) {
			kinds.add(CredentialKind.PERSONAL_ACCESS_TOKEN);
		}
		return kinds;
	}

	/**
	 * Whether a credential of the given kind is configured.
	 * @param kind the kind
	 * @return whether it is configured
	 */
	public boolean has(CredentialKind kind) {
		return token(kind) != null;
	}

	/**
	 * Credential of the given kind.
	 * @param kind the kind
	 * @return the credential, or {@code null} if none of that kind is configured (always
	 * for a public access token, which only a call carries)
	 */
	public @Nullable String token(CredentialKind kind) {
		return switch (kind) {
			case SECRET_KEY -> this.secretKey;
			case PERSONAL_ACCESS_TOKEN -> this.personalAccessToken;
			case PUBLIC_ACCESS_TOKEN -> null;
		};
	}

	/**
	 * Environment of the secret key, read from its prefix.
	 * @return the environment, or {@code null} without a secret key
	 */
	public @Nullable TriggerEnvironment secretKeyEnvironment() {
		return this.secretKeyEnvironment;
	}

	/**
	 * Project ref.
	 * @return the project ref, or {@code null}
	 */
	public @Nullable String projectRef() {
		return this.projectRef;
	}

	/**
	 * Environment that access-token calls target unless a call names one.
	 * @return the environment, or {@code null}
	 */
	public @Nullable TriggerEnvironment environment() {
		return this.environment;
	}

	/**
	 * Preview branch.
	 * @return the branch, or {@code null}
	 */
	public @Nullable String previewBranch() {
		return this.previewBranch;
	}

	@Override
	public String toString() {
		return "TriggerCredentials[secretKey=" + ((this.secretKey != null) ? Secrets.mask(this.secretKey) : "none")
				+ ", personalAccessToken="
				+ ((this.personalAccessToken != null) ? Secrets.mask(this.personalAccessToken) : "none")
				+ ", projectRef=" + this.projectRef + ", environment=" + this.environment + ", previewBranch="
				+ this.previewBranch + "]";
	}

}
