package io.github.triggerspring.schedules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.triggerspring.internal.http.WireEnums;

/**
 * How a schedule was defined. A type that this version of the starter does not know
 * reads as {@link #UNKNOWN} instead of failing.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum ScheduleType {

	/** Declared in code with the {@code cron} option of a scheduled task. */
	DECLARATIVE,

	/** Created in the dashboard or through the API; only these can be changed by the API. */
	IMPERATIVE,

	/** A type added to the API after this version of the starter. */
	UNKNOWN;

	/**
	 * Reads a type, tolerating unknown values.
	 * @param value the wire value
	 * @return the type, or {@link #UNKNOWN}
	 */
	@JsonCreator
	public static ScheduleType fromValue(String value) {
		return WireEnums.valueOrUnknown(ScheduleType.class, value, UNKNOWN);
	}

	/**
	 * Wire value of this type.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return name();
	}

}
