package io.github.triggerspring.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The scopes under which the server lets a public access token call an endpoint (notes
 * §2.1–§2.4, §2.7, §6.6a and the server's route definitions): the resource's own scope,
 * its type-level scope and the super scopes. Any one of them suffices. Where the server
 * may also accept a scope whose match cannot be known locally (a run's tags, batch or
 * task), a token with such a scope is let through and the server decides.
 *
 * @author trigger-spring-boot contributors
 */
final class PublicTokenScopeRules {

	private PublicTokenScopeRules() {
	}

	/**
	 * The scope the token lacks for the call, if it surely lacks one.
	 * @param endpoint the endpoint, which accepts public access tokens
	 * @param resources the ids of what the call concerns
	 * @param scopes the token's scopes
	 * @return the missing scope (several joined with {@code " or "}), or {@code null} if
	 * the token may make the call
	 */
	static @Nullable String missing(TriggerEndpoint endpoint, List<String> resources, List<String> scopes) {
		Set<String> granted = Set.copyOf(scopes);
		if (granted.contains("admin")) {
			return null;
		}
		return switch (endpoint) {
			case TASK_TRIGGER -> missing(granted, resources, "trigger:tasks", "write:tasks");
			case TASK_BATCH_TRIGGER, BATCH_TRIGGER -> missing(granted, resources, "batchTrigger:tasks", "write:tasks");
			case BATCH_RETRIEVE, RUNS_SUBSCRIBE_TO_BATCH -> missing(granted, resources, "read:batch", "read:runs",
					"read:all");
			case RUNS_RETRIEVE, RUNS_SUBSCRIBE_TO_RUN ->
				mayMatchUnknownResource(granted, "read:tags", "read:batch", "read:tasks") ? null
						: missing(granted, resources, "read:runs", "read:all");
			case RUNS_LIST -> mayMatchUnknownResource(granted, "read:tasks") ? null
					: missing(granted, List.of(), "read:runs", "read:all");
			case RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG -> missing(granted, resources, "read:tags", "read:runs", "read:all");
			case WAIT_COMPLETE_TOKEN -> missing(granted, resources, "write:waitpoints");
			default -> null;
		};
	}

	/**
	 * The missing scope for a resource type, given its type-level scope and the super
	 * scopes that also grant it.
	 */
	private static @Nullable String missing(Set<String> granted, List<String> resources, String typeScope,
			String... superScopes) {
		if (granted.contains(typeScope)) {
			return null;
		}
		for (String superScope : superScopes) {
			if (granted.contains(superScope)) {
				return null;
			}
		}
		if (resources.isEmpty()) {
			return typeScope;
		}
		List<String> needed = new ArrayList<>();
		for (String resource : resources) {
			String scope = typeScope + ":" + resource;
			if (granted.contains(scope)) {
				return null;
			}
			needed.add(scope);
		}
		return String.join(" or ", needed);
	}

	private static boolean mayMatchUnknownResource(Set<String> granted, String... prefixes) {
		for (String scope : granted) {
			for (String prefix : prefixes) {
				if (scope.equals(prefix) || scope.startsWith(prefix + ":")) {
					return true;
				}
			}
		}
		return false;
	}

}
