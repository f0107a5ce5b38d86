package io.github.triggerspring.emulator;

/**
 * Status of a seeded deployment, as the API writes it.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum EmulatedDeploymentStatus {

	/** Created, not yet building. */
	PENDING,

	/** Installing dependencies. */
	INSTALLING,

	/** Building the image. */
	BUILDING,

	/** Deploying the built image. */
	DEPLOYING,

	/** Deployed: it can be current and be promoted. */
	DEPLOYED,

	/** Failed. */
	FAILED,

	/** Canceled. */
	CANCELED,

	/** Did not finish in time. */
	TIMED_OUT

}
