package io.github.triggerspring.queues;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.triggerspring.internal.http.WireEnums;

/**
 * Kind of a queue. A type that this version of the starter does not know reads as
 * {@link #UNKNOWN} instead of failing.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum QueueType {

	/** Created for each task; named after the task. */
	TASK,

	/** Declared in code with {@code queue()} and shared by tasks. */
	CUSTOM,

	/** A type added to the API after this version of the starter. */
	UNKNOWN;

	/**
	 * Reads a type, tolerating unknown values.
	 * @param value the wire value
	 * @return the type, or {@link #UNKNOWN}
	 */
	@JsonCreator
	public static QueueType fromValue(String value) {
		return WireEnums.valueOrUnknown(QueueType.class, value, UNKNOWN);
	}

	/**
	 * Wire value of this type.
	 * @return the value, for example {@code task}
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
