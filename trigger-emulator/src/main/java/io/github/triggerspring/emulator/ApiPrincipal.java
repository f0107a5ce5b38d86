package io.github.triggerspring.emulator;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Who a call is made by: the environment of a secret key or of a public access token, or
 * the access token.
 *
 * @param env the environment of a secret key or public access token, {@code null} for an
 * access token
 * @param token the access token, {@code null} otherwise
 * @param jwt the verified public access token, {@code null} otherwise
 * @author trigger-spring-boot contributors
 */
record ApiPrincipal(@Nullable EnvRecord env, EmulatorState.@Nullable AccessToken token, @Nullable PublicJwt jwt) {

	ApiPrincipal(@Nullable EnvRecord env, EmulatorState.@Nullable AccessToken token) {
		this(env, token, null);
	}

	/**
	 * The environment of a call made with a secret key or a public access token, as every
	 * route whose authentication mode ({@link ApiAuthenticator.Mode#SECRET} or
	 * {@link ApiAuthenticator.Mode#JWT}) refuses access tokens guarantees.
	 * @return the environment
	 * @throws IllegalStateException if the call was made with an access token, which names
	 * no environment: the route's mode should have refused it
	 */
	EnvRecord requireEnv() {
		EnvRecord env = this.env;
		if (env == null) {
			throw new IllegalStateException("This route expects a secret key or a public access token, which name "
					+ "an environment, but the call was made with an access token, which names none: a route that "
					+ "reads the environment must authenticate in mode SECRET or JWT");
		}
		return env;
	}

	/**
	 * The access token of a call, as a route in mode
	 * {@link ApiAuthenticator.Mode#ACCESS_TOKEN} guarantees, and a route in mode
	 * {@link ApiAuthenticator.Mode#ANY} when the call names no {@link #env()}.
	 * @return the access token
	 * @throws IllegalStateException if the call was made with a secret key or a public
	 * access token, which name no access token: the route's mode should have refused it
	 */
	EmulatorState.AccessToken requireToken() {
		EmulatorState.AccessToken token = this.token;
		if (token == null) {
			throw new IllegalStateException("This route expects a personal or organization access token, but the "
					+ "call was made with a secret key or a public access token: a route that reads the access "
					+ "token must authenticate in mode ACCESS_TOKEN, or in mode ANY and read it only without an "
					+ "environment");
		}
		return token;
	}

	/**
	 * A project the call's access token may reach.
	 * @param state the emulator data
	 * @param projectRef the project ref of the path
	 * @return the project
	 * @throws ApiError 404 {@code Project not found} if there is no such project or the
	 * token may not reach it
	 * @throws IllegalStateException if the call was not made with an access token (see
	 * {@link #requireToken()})
	 */
	ProjectRecord accessibleProject(EmulatorState state, String projectRef) {
		EmulatorState.AccessToken token = requireToken();
		ProjectRecord project = state.projects.get(projectRef);
		if (project == null || !token.projectRefs.contains(projectRef)) {
			throw new ApiError(404, "Project not found");
		}
		return project;
	}

	/**
	 * Lets a call made with a public access token through only if the token has one of
	 * the accepted scopes; calls made with a key are not concerned.
	 * @param accepted the scopes any one of which allows the call
	 * @throws ApiError 403 otherwise
	 */
	void requireScope(Collection<String> accepted) {
		if (this.jwt != null) {
			this.jwt.require(accepted);
		}
	}

}
