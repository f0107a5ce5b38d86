package io.github.triggerspring.deployments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.triggerspring.internal.http.WireEnums;

/**
 * Status of a deployment. A status that this version of the starter does not know reads
 * as {@link #UNKNOWN} instead of failing.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum DeploymentStatus {

	/** Created, not yet building. */
	PENDING,

	/** Installing dependencies. */
	INSTALLING,

	/** Building the image. */
	BUILDING,

	/** Deploying the built image. */
	DEPLOYING,

	/** Deployed: its version can run tasks. */
	DEPLOYED,

	/** Failed. */
	FAILED,

	/** Canceled. */
	CANCELED,

	/** Did not finish in time. */
	TIMED_OUT,

	/** A status added to the API after this version of the starter. */
	UNKNOWN;

	/**
	 * Reads a status, tolerating unknown values.
	 * @param value the wire value
	 * @return the status, or {@link #UNKNOWN}
	 */
	@JsonCreator
	public static DeploymentStatus fromValue(String value) {
		return WireEnums.valueOrUnknown(DeploymentStatus.class, value, UNKNOWN);
	}

	/**
	 * Wire value of this status.
	 * @return the value, for example {@code DEPLOYED}
	 */
	@JsonValue
	public String value() {
		return name();
	}

}
