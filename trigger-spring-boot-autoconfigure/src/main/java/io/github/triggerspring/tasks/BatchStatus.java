package io.github.triggerspring.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.triggerspring.internal.http.WireEnums;

/**
 * Status of a batch. A status that this version of the starter does not know reads as
 * {@link #UNKNOWN} instead of failing.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum BatchStatus {

	/** Created; its items are not all processed yet. */
	PENDING,

	/** Its items are being processed. */
	PROCESSING,

	/** Every item was processed. */
	COMPLETED,

	/** Processed, but some items failed to become runs. */
	PARTIAL_FAILED,

	/** Aborted. */
	ABORTED,

	/** A status that this version of the starter does not know. */
	UNKNOWN;

	/**
	 * Reads a status, tolerating unknown values.
	 * @param value the wire value
	 * @return the status, or {@link #UNKNOWN}
	 */
	@JsonCreator
	public static BatchStatus fromValue(String value) {
		return WireEnums.valueOrUnknown(BatchStatus.class, value, UNKNOWN);
	}

	/**
	 * Wire value of this status.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return name();
	}

}
