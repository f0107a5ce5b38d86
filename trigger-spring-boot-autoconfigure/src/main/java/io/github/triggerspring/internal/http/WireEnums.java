package io.github.triggerspring.internal.http;

import java.util.Locale;

/**
 * Reads the vendor's enum values tolerantly: a value this version of the starter does not
 * know becomes the enum's {@code UNKNOWN} constant instead of failing the whole response.
 *
 * @author trigger-spring-boot contributors
 */
public final class WireEnums {

	private WireEnums() {
	}

	/**
	 * The constant named by a wire value, in any case, or {@code unknown}.
	 * @param <E> the enum type
	 * @param type the enum type
	 * @param value the wire value
	 * @param unknown the constant for values the enum does not name
	 * @return the constant
	 */
	public static <E extends Enum<E>> E valueOrUnknown(Class<E> type, String value, E unknown) {
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return unknown;
		}
	}

}
