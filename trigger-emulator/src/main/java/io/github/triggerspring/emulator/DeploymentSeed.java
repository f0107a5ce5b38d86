package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Description of a deployment to add with
 * {@link TriggerEmulator#seedDeployment(DeploymentSeed)}. Defaults: the seeded project's
 * {@code dev} environment, status {@code DEPLOYED}, created now on the emulator clock, no
 * tasks. A {@code DEPLOYED} seed becomes the environment's current deployment, as a new
 * deploy does.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class DeploymentSeed {

	final String version;

	String projectRef = EmulatorAccount.PROJECT_REF;

	EmulatedEnvironment environment = EmulatedEnvironment.DEV;

	@Nullable String branch;

	EmulatedDeploymentStatus status = EmulatedDeploymentStatus.DEPLOYED;

	@Nullable Instant createdAt;

	final List<String> tasks = new ArrayList<>();

	private DeploymentSeed(String version) {
		this.version = Objects.requireNonNull(version, "version");
	}

	/**
	 * Start describing a deployment.
	 * @param version the version, for example {@code 20250228.1}
	 * @return the seed
	 */
	public static DeploymentSeed of(String version) {
		return new DeploymentSeed(version);
	}

	/**
	 * Project and environment of the deployment.
	 * @param projectRef the project ref
	 * @param environment the environment
	 * @return this seed
	 */
	public DeploymentSeed in(String projectRef, EmulatedEnvironment environment) {
		this.projectRef = Objects.requireNonNull(projectRef, "projectRef");
		this.environment = Objects.requireNonNull(environment, "environment");
		return this;
	}

	/**
	 * Environment of the deployment in the seeded project.
	 * @param environment the environment
	 * @return this seed
	 */
	public DeploymentSeed in(EmulatedEnvironment environment) {
		return in(this.projectRef, environment);
	}

	/**
	 * Preview branch (only the preview environment has branches).
	 * @param branch the branch
	 * @return this seed
	 */
	public DeploymentSeed branch(String branch) {
		this.branch = branch;
		return this;
	}

	/**
	 * Status of the deployment.
	 * @param status the status
	 * @return this seed
	 */
	public DeploymentSeed status(EmulatedDeploymentStatus status) {
		this.status = Objects.requireNonNull(status, "status");
		return this;
	}

	/**
	 * Creation time (defaults to now on the emulator clock).
	 * @param createdAt the creation time
	 * @return this seed
	 */
	public DeploymentSeed createdAt(Instant createdAt) {
		this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
		return this;
	}

	/**
	 * Tasks of the deployed worker. Each task also gets its queue.
	 * @param taskIds the task identifiers
	 * @return this seed
	 */
	public DeploymentSeed tasks(String... taskIds) {
		this.tasks.addAll(List.of(taskIds));
		return this;
	}

}
