package io.github.triggerspring.auth;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.triggerspring.error.TriggerException;

/**
 * Signalled when an endpoint does not accept any credential that is configured (or the
 * one the caller asked for). Nothing is sent. The message names the endpoint, what is
 * configured, what the endpoint accepts, and the property and environment variable to set.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class UnsupportedCredentialException extends TriggerException {

	private final TriggerEndpoint endpoint;

	private final Set<CredentialKind> configured;

	/**
	 * Creates a new exception.
	 * @param endpoint the endpoint that was called
	 * @param configured kinds of credential that are configured (or requested)
	 * @param message the full message
	 */
	public UnsupportedCredentialException(TriggerEndpoint endpoint, Set<CredentialKind> configured, String message) {
		super(message, null);
		this.endpoint = endpoint;
		this.configured = Set.copyOf(configured);
	}

	/**
	 * Creates the exception for a call whose endpoint accepts none of the configured kinds.
	 * @param endpoint the endpoint
	 * @param configured the configured kinds
	 * @return the exception
	 */
	static UnsupportedCredentialException notAccepted(TriggerEndpoint endpoint, Set<CredentialKind> configured) {
		String have = configured.isEmpty() ? "no credential is configured"
				: "only " + describe(configured) + " is configured";
		CredentialKind missing = endpoint.accepts().iterator().next();
		return new UnsupportedCredentialException(endpoint, configured,
				"Endpoint '" + endpoint.id() + "' accepts " + describe(endpoint.accepts()) + ", but " + have
						+ ". Set " + missing.howToConfigure() + ".");
	}

	/**
	 * Creates the exception for a call that insists on a credential kind that the endpoint
	 * does not accept or that is not configured.
	 * @param endpoint the endpoint
	 * @param requested the requested kind
	 * @param configured the configured kinds
	 * @return the exception
	 */
	static UnsupportedCredentialException requestedUnavailable(TriggerEndpoint endpoint, CredentialKind requested,
			Set<CredentialKind> configured) {
		if (!endpoint.accepts(requested)) {
			return new UnsupportedCredentialException(endpoint, Set.of(requested),
					"Endpoint '" + endpoint.id() + "' accepts " + describe(endpoint.accepts())
							+ ", but the call asked for a " + requested.description()
							+ ". Call it without asking for a credential kind, and set "
							+ endpoint.accepts().iterator().next().howToConfigure() + ".");
		}
		return new UnsupportedCredentialException(endpoint, configured,
				"The call to '" + endpoint.id() + "' asked for a " + requested.description() + ", but "
						+ (configured.isEmpty() ? "no credential is configured"
								: "only " + describe(configured) + " is configured")
						+ ". Set " + requested.howToConfigure() + ".");
	}

	/**
	 * Creates the exception for a call that carries a public access token to an endpoint
	 * that does not accept one.
	 * @param endpoint the endpoint
	 * @return the exception
	 */
	static UnsupportedCredentialException publicTokenNotAccepted(TriggerEndpoint endpoint) {
		return new UnsupportedCredentialException(endpoint, Set.of(CredentialKind.PUBLIC_ACCESS_TOKEN),
				"Endpoint '" + endpoint.id() + "' accepts " + describe(endpoint.accepts())
						+ ", but the call carries a public access token. Call it without a per-call credential to use "
						+ "the configured one, or pass a secret key as the per-call credential.");
	}

	/**
	 * Creates the exception for a call that carries a public access token but asks for
	 * another kind of credential.
	 * @param endpoint the endpoint
	 * @param requested the requested kind
	 * @return the exception
	 */
	static UnsupportedCredentialException publicTokenOfAnotherKind(TriggerEndpoint endpoint,
			CredentialKind requested) {
		return new UnsupportedCredentialException(endpoint, Set.of(CredentialKind.PUBLIC_ACCESS_TOKEN),
				"The call to '" + endpoint.id() + "' asked for a " + requested.description()
						+ ", but carries a public access token. Leave the credential kind out, or pass a "
						+ requested.description() + " as the per-call credential.");
	}

	/**
	 * Describes kinds of credential; a public access token, which is never configured but
	 * only carried by a call, is left out.
	 */
	private static String describe(Set<CredentialKind> kinds) {
		List<CredentialKind> configurable = kinds.stream()
			.filter((kind) -> kind != CredentialKind.PUBLIC_ACCESS_TOKEN)
			.toList();
		if (configurable.isEmpty()) {
			return "no credential";
		}
		return configurable.stream().map((kind) -> "a " + kind.description()).collect(Collectors.joining(" or "));
	}

	/**
	 * Endpoint that refused the call.
	 * @return the endpoint
	 */
	public TriggerEndpoint getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Kinds of credential that were configured, or the one requested by the call.
	 * @return the kinds
	 */
	public Set<CredentialKind> getConfigured() {
		return this.configured;
	}

}
