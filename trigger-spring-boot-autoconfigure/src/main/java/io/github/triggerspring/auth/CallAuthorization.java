package io.github.triggerspring.auth;

import io.github.triggerspring.internal.auth.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * Outcome of authorizing one call: the credential to send and the project, environment
 * and branch the call targets. {@link #toString()} masks the token.
 *
 * @param endpoint the endpoint being called
 * @param credential kind of the credential sent, or {@code null} for a public endpoint
 * @param token the credential sent as {@code Authorization: Bearer}, or {@code null}
 * @param projectRef project ref the call targets, or {@code null} when the path does not
 * name a project
 * @param environment environment the call targets, or {@code null} when not known
 * @param branch value of the {@code x-trigger-branch} header, or {@code null} to send none
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record CallAuthorization(TriggerEndpoint endpoint, @Nullable CredentialKind credential,
		@Nullable String token, @Nullable String projectRef, @Nullable TriggerEnvironment environment,
		@Nullable String branch) {

	/**
	 * Authorization of a public endpoint: no credential, no branch.
	 * @param endpoint the endpoint
	 * @return the authorization
	 */
	public static CallAuthorization anonymous(TriggerEndpoint endpoint) {
		return new CallAuthorization(endpoint, null, null, null, null, null);
	}

	/**
	 * Project ref, which the strategy guarantees for project-scoped calls.
	 * @return the project ref
	 * @throws IllegalStateException if the authorization has none
	 */
	public String requiredProjectRef() {
		if (this.projectRef == null) {
			throw new IllegalStateException("No project ref was authorized for " + this.endpoint);
		}
		return this.projectRef;
	}

	/**
	 * Environment, which the strategy guarantees for project-scoped and access-token calls.
	 * @return the environment
	 * @throws IllegalStateException if the authorization has none
	 */
	public TriggerEnvironment requiredEnvironment() {
		if (this.environment == null) {
			throw new IllegalStateException("No environment was authorized for " + this.endpoint);
		}
		return this.environment;
	}

	@Override
	public String toString() {
		return "CallAuthorization[endpoint=" + this.endpoint + ", credential=" + this.credential + ", token="
				+ Secrets.mask(this.token) + ", projectRef=" + this.projectRef + ", environment=" + this.environment
				+ ", branch=" + this.branch + "]";
	}

}
