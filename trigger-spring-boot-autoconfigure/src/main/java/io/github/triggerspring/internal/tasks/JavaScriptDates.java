package io.github.triggerspring.internal.tasks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;

import org.jspecify.annotations.Nullable;

/**
 * Java values that are instants, written as JavaScript's {@code Date.toISOString()}
 * writes a date.
 *
 * @author trigger-spring-boot contributors
 */
final class JavaScriptDates {

	/** Furthest a JavaScript {@code Date} reaches from the epoch: 8.64 × 10<sup>15</sup> ms. */
	static final long MAX_EPOCH_MILLIS = 8_640_000_000_000_000L;

	private JavaScriptDates() {
	}

	/**
	 * Whether values of a type are instants: {@link Instant}, {@link OffsetDateTime},
	 * {@link ZonedDateTime}, {@link Date} and {@link Calendar}, with their subclasses.
	 * {@code LocalDate}, {@code LocalDateTime} and the other local types are not: they
	 * do not name an instant.
	 */
	static boolean isInstantType(Class<?> type) {
		return Instant.class.isAssignableFrom(type) || OffsetDateTime.class.isAssignableFrom(type)
				|| ZonedDateTime.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type)
				|| Calendar.class.isAssignableFrom(type);
	}

	/**
	 * The instant of a value, or {@code null} if the value is not an instant.
	 */
	static @Nullable Instant instantOf(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof Date date) {
			// getTime(), not toInstant(): java.sql.Date does not support toInstant()
			return Instant.ofEpochMilli(date.getTime());
		}
		if (value instanceof Calendar calendar) {
			return Instant.ofEpochMilli(calendar.getTimeInMillis());
		}
		return null;
	}

	/**
	 * Whether a JavaScript {@code Date} can hold the instant.
	 */
	static boolean isInRange(Instant instant) {
		long limitSeconds = MAX_EPOCH_MILLIS / 1000;
		if (instant.getEpochSecond() < -limitSeconds - 1 || instant.getEpochSecond() > limitSeconds) {
			return false;
		}
		return Math.abs(instant.toEpochMilli()) <= MAX_EPOCH_MILLIS;
	}

	/**
	 * The instant as {@code Date.toISOString()} writes it: UTC, always milliseconds
	 * (finer precision is dropped, towards the past), and a six-digit signed year
	 * outside the years 0 to 9999, for example {@code 2030-01-01T00:00:00.000Z}.
	 * @param instant an instant for which {@link #isInRange(Instant)} holds
	 */
	static String toIsoString(Instant instant) {
		long millis = instant.toEpochMilli();
		int millisOfSecond = (int) Math.floorMod(millis, 1000L);
		LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
		StringBuilder text = new StringBuilder(27);
		int year = time.getYear();
		if (year >= 0 && year <= 9999) {
			pad(text, year, 4);
		}
		else {
			text.append((year < 0) ? '-' : '+');
			pad(text, Math.abs(year), 6);
		}
		pad(text.append('-'), time.getMonthValue(), 2);
		pad(text.append('-'), time.getDayOfMonth(), 2);
		pad(text.append('T'), time.getHour(), 2);
		pad(text.append(':'), time.getMinute(), 2);
		pad(text.append(':'), time.getSecond(), 2);
		pad(text.append('.'), millisOfSecond, 3);
		return text.append('Z').toString();
	}

	private static void pad(StringBuilder text, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			text.append('0');
		}
		text.append(digits);
	}

}
