package io.github.triggerspring.internal.http;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads the whole numbers that the API sends in response headers, such as
 * {@code x-ratelimit-remaining} and {@code Retry-After}.
 *
 * @author trigger-spring-boot contributors
 */
public final class HeaderNumbers {

	private HeaderNumbers() {
	}

	/**
	 * The first value of a header as a whole number.
	 * @param headers the response headers
	 * @param name the header
	 * @return the number, or {@code null} when the header is absent or not a whole number
	 */
	public static @Nullable Long of(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
