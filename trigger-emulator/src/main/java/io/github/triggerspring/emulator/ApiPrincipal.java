package io.github.triggerspring.emulator;

/**
 * Who a call is made by: the environment of a secret key, or the access token.
 *
 * @param env the environment of a secret key, {@code null} for an access token
 * @param token the access token, {@code null} for a secret key
 * @author trigger-spring-boot contributors
 */
record ApiPrincipal(EnvRecord env, EmulatorState.AccessToken token) {

	ProjectRecord accessibleProject(EmulatorState state, String projectRef) {
		ProjectRecord project = state.projects.get(projectRef);
		if (project == null || !this.token.projectRefs.contains(projectRef)) {
			throw new ApiError(404, "Project not found");
		}
		return project;
	}

}
