package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A seeded deployment of an environment.
 *
 * @author trigger-spring-boot contributors
 */
final class DeploymentRecord {

	final String id;

	final long sequence;

	final EnvRecord env;

	final String version;

	final String shortCode;

	final EmulatedDeploymentStatus status;

	final Instant createdAt;

	final List<String> tasks;

	DeploymentRecord(String id, long sequence, EnvRecord env, String version, String shortCode,
			EmulatedDeploymentStatus status, Instant createdAt, List<String> tasks) {
		this.id = id;
		this.sequence = sequence;
		this.env = env;
		this.version = version;
		this.shortCode = shortCode;
		this.status = status;
		this.createdAt = createdAt;
		this.tasks = List.copyOf(tasks);
	}

	/** When it became {@code DEPLOYED}: for the emulator, when it was created. */
	@Nullable Instant deployedAt() {
		return (this.status == EmulatedDeploymentStatus.DEPLOYED) ? this.createdAt : null;
	}

}
