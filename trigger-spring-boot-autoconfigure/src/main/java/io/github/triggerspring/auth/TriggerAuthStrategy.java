package io.github.triggerspring.auth;

import reactor.core.publisher.Mono;

/**
 * Decides, for each call, which credential is sent and which project, environment and
 * preview branch it targets, or refuses the call before anything goes on the wire.
 * <p>
 * The auto-configuration registers a {@link DefaultTriggerAuthStrategy}; declare a bean
 * of this type to replace it.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public interface TriggerAuthStrategy {

	/**
	 * Authorizes one call. A refusal is an error signal, typically
	 * {@link UnsupportedCredentialException}; this method never throws.
	 * @param endpoint the endpoint to call
	 * @param options the caller's per-call choices
	 * @return the authorization, or an error
	 */
	Mono<CallAuthorization> authorize(TriggerEndpoint endpoint, AuthOptions options);

	/**
	 * Whether a credential that the endpoint accepts is configured, so that some call to
	 * it can be authorized. Used at startup to detect clients that cannot work.
	 * @param endpoint the endpoint
	 * @return whether the endpoint can be called
	 */
	boolean canCall(TriggerEndpoint endpoint);

}
