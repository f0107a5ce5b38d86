package io.github.triggerspring.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The server refused to mint a public access token (403, code
 * {@code scopes_exceed_key_access}) because some of the requested scopes exceed what the
 * additional secret key may grant; {@link #getDeniedScopes()} lists them.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerScopesDeniedException extends TriggerPermissionDeniedException {

	private final List<String> deniedScopes;

	/**
	 * Creates a new exception.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 * @param deniedScopes the scopes the key may not grant
	 */
	public TriggerScopesDeniedException(int status, @Nullable String error, HttpHeaders headers,
			List<String> deniedScopes) {
		super(status, error, headers);
		this.deniedScopes = List.copyOf(deniedScopes);
	}

	/**
	 * Scopes that the key may not grant, as the server listed them.
	 * @return the denied scopes
	 */
	public List<String> getDeniedScopes() {
		return this.deniedScopes;
	}

	@Override
	public String getMessage() {
		return super.getMessage() + " Denied scopes: " + String.join(", ", this.deniedScopes) + ".";
	}

}
