package io.github.triggerspring.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A verified public access token: the environment it names ({@code sub}) and its scopes.
 * Any one of the scopes a route accepts lets the call through, as on the server;
 * {@code admin} lets every call through.
 *
 * @param env the environment
 * @param scopes the token's scopes
 * @param oneTimeUse whether the token carries {@code otu: true}
 * @param skipColumns the run columns its claim {@code realtime.skipColumns} leaves out of
 * realtime rows, replacing the request's {@code skipColumns}; {@code null} without the
 * claim
 * @author trigger-spring-boot contributors
 */
record PublicJwt(EnvRecord env, List<String> scopes, boolean oneTimeUse, @Nullable List<String> skipColumns) {

	/**
	 * Lets the call through if the token has one of the accepted scopes.
	 * @param accepted the scopes any one of which allows the call
	 * @throws ApiError 403 with the server's message otherwise
	 */
	void require(Collection<String> accepted) {
		if (this.scopes.contains("admin")) {
			return;
		}
		for (String scope : accepted) {
			if (this.scopes.contains(scope)) {
				return;
			}
		}
		throw new ApiError(403, "Unauthorized: Public Access Token is missing required permissions. Token has the "
				+ "following permissions: " + this.scopes.stream().map((scope) -> "'" + scope + "'")
					.collect(Collectors.joining(", "))
				+ ". See https://trigger.dev/docs/frontend/overview#authentication for more information.");
	}

	/**
	 * The scopes that allow an action on resources: each resource's own scope, the type
	 * level scope and the given super scopes.
	 * @param action the action, for example {@code read}
	 * @param type the resource type, for example {@code runs}
	 * @param ids the resource ids
	 * @param superScopes scopes that allow the action on every resource
	 * @return the accepted scopes
	 */
	static List<String> accepted(String action, String type, Collection<String> ids, String... superScopes) {
		List<String> accepted = new ArrayList<>();
		ids.forEach((id) -> accepted.add(action + ":" + type + ":" + id));
		accepted.add(action + ":" + type);
		accepted.addAll(List.of(superScopes));
		return accepted;
	}

}
