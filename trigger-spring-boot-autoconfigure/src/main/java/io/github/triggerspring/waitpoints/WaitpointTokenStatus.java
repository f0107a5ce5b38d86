package io.github.triggerspring.waitpoints;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.triggerspring.internal.http.WireEnums;

/**
 * Status of a waitpoint token. A status that this version of the starter does not know
 * reads as {@link #UNKNOWN} instead of failing.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum WaitpointTokenStatus {

	/** Not completed yet: runs that wait for it are blocked. */
	WAITING,

	/** Completed, with or without data. */
	COMPLETED,

	/** Its timeout passed before it was completed. */
	TIMED_OUT,

	/** A status that this version of the starter does not know. */
	UNKNOWN;

	/**
	 * Reads a status, tolerating unknown values.
	 * @param value the wire value
	 * @return the status, or {@link #UNKNOWN}
	 */
	@JsonCreator
	public static WaitpointTokenStatus fromValue(String value) {
		return WireEnums.valueOrUnknown(WaitpointTokenStatus.class, value, UNKNOWN);
	}

	/**
	 * Wire value of this status, as {@code filter[status]} sends it.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return name();
	}

}
