package io.github.triggerspring.auth;

import java.util.Set;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link TriggerAuthStrategy} driven by the {@link TriggerEndpoint} table.
 * <ul>
 * <li>Credential: the kind the call insists on, else the secret key where the endpoint
 * accepts it, else the access token where it accepts that; otherwise the call is
 * refused. A call that names an environment other than the secret key's uses the access
 * token when the endpoint accepts one, since a secret key reaches only its own
 * environment.</li>
 * <li>Project ref: sent with access-token calls and on project-scoped (env-var) calls.</li>
 * <li>Environment: a secret key's own environment; for an access token, the call's
 * environment or the configured one.</li>
 * <li>Branch ({@code x-trigger-branch}): only when the target environment is
 * {@code preview}; the call's branch wins over the configured one.</li>
 * <li>A call that carries a credential of its own ({@link AuthOptions#token()}) is
 * decided by the same rules, as if that credential were the only one configured; the
 * project ref, environment and branch settings still apply.</li>
 * </ul>
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class DefaultTriggerAuthStrategy implements TriggerAuthStrategy {

	private final TriggerCredentials credentials;

	/**
	 * Creates a strategy for the given credentials.
	 * @param credentials the validated credentials
	 */
	public DefaultTriggerAuthStrategy(TriggerCredentials credentials) {
		this.credentials = credentials;
	}

	/**
	 * Credentials this strategy chooses from.
	 * @return the credentials
	 */
	public TriggerCredentials getCredentials() {
		return this.credentials;
	}

	@Override
	public Mono<CallAuthorization> authorize(TriggerEndpoint endpoint, AuthOptions options) {
		return Mono.fromCallable(() -> decide(endpoint, options));
	}

	@Override
	public boolean canCall(TriggerEndpoint endpoint) {
		return endpoint.isPublic() || endpoint.accepts().stream().anyMatch(this.credentials::has);
	}

	/**
	 * Makes the decision synchronously.
	 * @param endpoint the endpoint
	 * @param options the per-call options
	 * @return the authorization
	 * @throws UnsupportedCredentialException if no acceptable credential is configured, or
	 * the call's public access token is not accepted or lacks a scope
	 * @throws TriggerValidationException if the call lacks a project ref or environment,
	 * or carries a credential that is not one
	 */
	public CallAuthorization decide(TriggerEndpoint endpoint, AuthOptions options) {
		if (endpoint.isPublic()) {
			return CallAuthorization.anonymous(endpoint);
		}
		PublicAccessToken publicToken = (options.token() != null) ? PublicAccessToken.parse(options.token()) : null;
		if (publicToken != null) {
			return decidePublicToken(endpoint, options, publicToken);
		}
		TriggerCredentials credentials = (options.token() != null)
				? this.credentials.forCall(options.token(), options.branch()) : this.credentials;
		CredentialKind kind = chooseCredential(credentials, endpoint, options);
		String token = credentials.token(kind);
		TriggerEnvironment environment = environment(credentials, endpoint, kind, options.environment());
		String projectRef = (kind == CredentialKind.PERSONAL_ACCESS_TOKEN || endpoint.isProjectScoped())
				? requireProjectRef(credentials, endpoint) : null;
		String branch = (environment == TriggerEnvironment.PREVIEW) ? branch(credentials, options.branch()) : null;
		return new CallAuthorization(endpoint, kind, token, projectRef, environment, branch);
	}

	private static CallAuthorization decidePublicToken(TriggerEndpoint endpoint, AuthOptions options,
			PublicAccessToken token) {
		if (!endpoint.accepts(CredentialKind.PUBLIC_ACCESS_TOKEN)) {
			throw UnsupportedCredentialException.publicTokenNotAccepted(endpoint);
		}
		CredentialKind requested = options.credential();
		if (requested != null && requested != CredentialKind.PUBLIC_ACCESS_TOKEN) {
			throw UnsupportedCredentialException.publicTokenOfAnotherKind(endpoint, requested);
		}
		String missing = PublicTokenScopeRules.missing(endpoint, options.resources(), token.scopes());
		if (missing != null) {
			throw new MissingScopeException(endpoint, missing, token.scopes());
		}
		return new CallAuthorization(endpoint, CredentialKind.PUBLIC_ACCESS_TOKEN, token.token(), null, null, null);
	}

	private static CredentialKind chooseCredential(TriggerCredentials credentials, TriggerEndpoint endpoint,
			AuthOptions options) {
		Set<CredentialKind> configured = credentials.configuredKinds();
		CredentialKind requested = options.credential();
		if (requested != null) {
			if (endpoint.accepts(requested) && credentials.has(requested)) {
				return requested;
			}
			throw UnsupportedCredentialException.requestedUnavailable(endpoint, requested, configured);
		}
		if (targetsAnotherEnvironmentThanTheSecretKey(credentials, options)
				&& canUse(credentials, endpoint, CredentialKind.PERSONAL_ACCESS_TOKEN)) {
			return CredentialKind.PERSONAL_ACCESS_TOKEN;
		}
		for (CredentialKind kind : CredentialKind.values()) {
			if (canUse(credentials, endpoint, kind)) {
				return kind;
			}
		}
		throw UnsupportedCredentialException.notAccepted(endpoint, configured);
	}

	private static boolean canUse(TriggerCredentials credentials, TriggerEndpoint endpoint, CredentialKind kind) {
		return endpoint.accepts(kind) && credentials.has(kind);
	}

	/**
	 * Whether the call names an environment that the secret key cannot reach, so that an
	 * access token, which reaches every environment, is the credential to use.
	 */
	private static boolean targetsAnotherEnvironmentThanTheSecretKey(TriggerCredentials credentials,
			AuthOptions options) {
		TriggerEnvironment keyEnvironment = credentials.secretKeyEnvironment();
		return options.environment() != null && keyEnvironment != null && options.environment() != keyEnvironment;
	}

	private static @Nullable TriggerEnvironment environment(TriggerCredentials credentials, TriggerEndpoint endpoint,
			CredentialKind kind, @Nullable TriggerEnvironment requested) {
		if (kind == CredentialKind.SECRET_KEY) {
			TriggerEnvironment keyEnvironment = credentials.secretKeyEnvironment();
			if (requested != null && requested != keyEnvironment) {
				throw new TriggerValidationException("environment",
						"the call targets '" + requested.pathSegment() + "', but the secret key belongs to the '"
								+ ((keyEnvironment != null) ? keyEnvironment.pathSegment() : "?")
								+ "' environment. Leave the environment out, or configure a key of that environment.");
			}
			return keyEnvironment;
		}
		TriggerEnvironment environment = (requested != null) ? requested : credentials.environment();
		if (environment == null) {
			throw new TriggerValidationException("environment",
					"'" + endpoint.id() + "' with a personal access token needs a target environment. "
							+ "Pass one with the call, or set 'trigger.environment' (environment variable TRIGGER_ENVIRONMENT) "
							+ "to dev, staging, prod or preview.");
		}
		return environment;
	}

	private static String requireProjectRef(TriggerCredentials credentials, TriggerEndpoint endpoint) {
		String projectRef = credentials.projectRef();
		if (projectRef == null) {
			throw new TriggerValidationException("projectRef", "'" + endpoint.id()
					+ "' needs a project ref. Set 'trigger.project-ref' (environment variable TRIGGER_PROJECT_REF).");
		}
		return projectRef;
	}

	private static @Nullable String branch(TriggerCredentials credentials, @Nullable String requested) {
		return (requested != null && !requested.isBlank()) ? requested.trim() : credentials.previewBranch();
	}

}
