package io.github.triggerspring.auth;

import java.util.ArrayList;
import java.util.List;

import io.github.triggerspring.internal.auth.Secrets;
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
 * @param resources ids of what the call concerns (the task of a trigger, the tasks of a
 * batch, the run or batch read), against which the scopes of a public access token are
 * checked; empty when the call concerns no single resource
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record AuthOptions(@Nullable CredentialKind credential, @Nullable TriggerEnvironment environment,
		@Nullable String branch, @Nullable String token, List<String> resources) {

	/**
	 * No per-call choice: the strategy decides from the configuration alone.
	 */
	public static final AuthOptions DEFAULT = new AuthOptions(null, null, null, null);

	/**
	 * Copies the resources.
	 * @param credential the credential kind, or {@code null}
	 * @param environment the environment, or {@code null}
	 * @param branch the branch, or {@code null}
	 * @param token the call's own credential, or {@code null}
	 * @param resources the ids of what the call concerns
	 */
	public AuthOptions {
		resources = List.copyOf(resources);
	}

	/**
	 * Options that concern no single resource.
	 * @param credential the credential kind, or {@code null}
	 * @param environment the environment, or {@code null}
	 * @param branch the branch, or {@code null}
	 * @param token the call's own credential, or {@code null}
	 */
	public AuthOptions(@Nullable CredentialKind credential, @Nullable TriggerEnvironment environment,
			@Nullable String branch, @Nullable String token) {
		this(credential, environment, branch, token, List.of());
	}

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

	/**
	 * Options of a call that concerns the given resources, so that a public access
	 * token's scopes can be checked before anything is sent.
	 * @param resources the ids, for example a task id or a run id; {@code null} and blank
	 * ids are left out (the call itself refuses them)
	 * @return the options
	 */
	public static AuthOptions concerning(@Nullable String... resources) {
		if (resources.length == 1) {
			// most calls concern one resource
			String resource = resources[0];
			return new AuthOptions(null, null, null, null,
					(resource != null && !resource.isBlank()) ? List.of(resource) : List.of());
		}
		List<String> ids = new ArrayList<>();
		for (String resource : resources) {
			if (resource != null && !resource.isBlank()) {
				ids.add(resource);
			}
		}
		return new AuthOptions(null, null, null, null, ids);
	}

	/**
	 * These options with a credential and branch of the call's own.
	 * @param callBranch the branch, or {@code null}
	 * @param callToken the credential, or {@code null}
	 * @return the options
	 */
	public AuthOptions withCall(@Nullable String callBranch, @Nullable String callToken) {
		return new AuthOptions(this.credential, this.environment, callBranch, callToken, this.resources);
	}

	@Override
	public String toString() {
		return "AuthOptions[credential=" + this.credential + ", environment=" + this.environment + ", branch="
				+ this.branch + ", token=" + ((this.token != null) ? Secrets.mask(this.token) : null) + ", resources="
				+ this.resources + "]";
	}

}
