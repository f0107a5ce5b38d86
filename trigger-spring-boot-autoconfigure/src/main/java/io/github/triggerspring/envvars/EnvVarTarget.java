package io.github.triggerspring.envvars;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Environment, and preview branch, that one env-var call targets.
 * <p>
 * With a secret key the environment is the key's own; naming another one is refused.
 * With a personal access token it is this target's environment, else
 * {@code trigger.environment}. The branch is sent as {@code x-trigger-branch} only when
 * the environment is {@code preview}; it overrides {@code trigger.preview-branch} for
 * this call.
 *
 * @param environment the environment, or {@code null} for the configured one
 * @param branch the preview branch, or {@code null} for {@code trigger.preview-branch}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record EnvVarTarget(@Nullable TriggerEnvironment environment, @Nullable String branch) {

	/**
	 * The configured environment and branch.
	 */
	public static final EnvVarTarget CONFIGURED = new EnvVarTarget(null, null);

	/**
	 * The given environment, with the configured branch if it is {@code preview}.
	 * @param environment the environment
	 * @return the target
	 */
	public static EnvVarTarget of(TriggerEnvironment environment) {
		return new EnvVarTarget(environment, null);
	}

	/**
	 * The given branch of the {@code preview} environment.
	 * @param branch the branch name, for example {@code feature-xyz}
	 * @return the target
	 */
	public static EnvVarTarget preview(String branch) {
		return new EnvVarTarget(TriggerEnvironment.PREVIEW, branch);
	}

	AuthOptions authOptions() {
		return new AuthOptions(null, this.environment, this.branch);
	}

	void validate() {
		if (this.branch != null && this.branch.isBlank()) {
			throw new TriggerValidationException("branch",
					"must not be blank when given. Name the preview branch, or leave it out to use 'trigger.preview-branch'.");
		}
	}

}
