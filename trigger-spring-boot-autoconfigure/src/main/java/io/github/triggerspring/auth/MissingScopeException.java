package io.github.triggerspring.auth;

import java.util.List;
import java.util.Set;

/**
 * Signalled when a call carries a public access token whose scopes surely do not allow
 * it, for example a {@code trigger:tasks:a} token calling {@code tasks.trigger("b")}.
 * Nothing is sent. The message names the scope the token lacks and the scopes it has.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class MissingScopeException extends UnsupportedCredentialException {

	private final String missingScope;

	private final List<String> tokenScopes;

	/**
	 * Creates a new exception.
	 * @param endpoint the endpoint that was called
	 * @param missingScope the scope the call needs (alternatives joined with
	 * {@code " or "})
	 * @param tokenScopes the scopes the token has
	 */
	public MissingScopeException(TriggerEndpoint endpoint, String missingScope, List<String> tokenScopes) {
		super(endpoint, Set.of(CredentialKind.PUBLIC_ACCESS_TOKEN),
				"The public access token lacks the scope " + missingScope + " that '" + endpoint.id()
						+ "' needs; it has " + (tokenScopes.isEmpty() ? "no scope" : String.join(", ", tokenScopes))
						+ ". Mint a token with that scope, or call without a per-call credential to use the "
						+ "secret key.");
		this.missingScope = missingScope;
		this.tokenScopes = List.copyOf(tokenScopes);
	}

	/**
	 * Scope the call needs, for example {@code trigger:tasks:b}; alternatives are joined
	 * with {@code " or "}.
	 * @return the missing scope
	 */
	public String getMissingScope() {
		return this.missingScope;
	}

	/**
	 * Scopes the token has.
	 * @return the token's scopes
	 */
	public List<String> getTokenScopes() {
		return this.tokenScopes;
	}

}
