package io.github.triggerspring.emulator;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week) with
 * lists, ranges, steps and month/day names.
 *
 * @author trigger-spring-boot contributors
 */
final class Cron {

	private static final String[] MONTHS = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
			"NOV", "DEC" };

	private static final String[] DAYS = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

	private final String expression;

	private final BitSet minutes;

	private final BitSet hours;

	private final BitSet daysOfMonth;

	private final BitSet months;

	private final BitSet daysOfWeek;

	private final boolean daysOfMonthRestricted;

	private final boolean daysOfWeekRestricted;

	private Cron(String expression, String[] fields) {
		this.expression = expression;
		this.minutes = parseField(fields[0], 0, 59, null, "minute");
		this.hours = parseField(fields[1], 0, 23, null, "hour");
		this.daysOfMonth = parseField(fields[2], 1, 31, null, "day of month");
		this.months = parseField(fields[3], 1, 12, MONTHS, "month");
		BitSet dow = parseField(fields[4], 0, 7, DAYS, "day of week");
		if (dow.get(7)) {
			dow.set(0);
		}
		this.daysOfWeek = dow;
		this.daysOfMonthRestricted = !fields[2].equals("*") && !fields[2].equals("?");
		this.daysOfWeekRestricted = !fields[4].equals("*") && !fields[4].equals("?");
	}

	static Cron parse(@Nullable String expression) {
		if (expression == null || expression.isBlank()) {
			throw new IllegalArgumentException("Invalid cron expression: empty");
		}
		String[] fields = expression.trim().split("\\s+");
		if (fields.length != 5) {
			throw new IllegalArgumentException("Invalid cron expression '" + expression
					+ "': expected 5 fields (minute hour day-of-month month day-of-week), got " + fields.length);
		}
		return new Cron(expression.trim(), fields);
	}

	private static BitSet parseField(String field, int min, int max, String @Nullable [] names, String label) {
		BitSet bits = new BitSet(max + 1);
		for (String part : field.split(",", -1)) {
			if (part.isEmpty()) {
				throw invalid(field, label);
			}
			int step = 1;
			String range = part;
			int slash = part.indexOf('/');
			if (slash >= 0) {
				step = number(part.substring(slash + 1), null, 1, max, field, label);
				range = part.substring(0, slash);
			}
			int from;
			int to;
			if (range.equals("*") || range.equals("?")) {
				from = min;
				to = max;
			}
			else {
				int dash = range.indexOf('-');
				if (dash > 0) {
					from = number(range.substring(0, dash), names, min, max, field, label);
					to = number(range.substring(dash + 1), names, min, max, field, label);
					if (to < from) {
						throw invalid(field, label);
					}
				}
				else {
					from = number(range, names, min, max, field, label);
					to = (slash >= 0) ? max : from;
				}
			}
			for (int value = from; value <= to; value += step) {
				bits.set(value);
			}
		}
		return bits;
	}

	private static int number(String text, String @Nullable [] names, int min, int max, String field, String label) {
		if (names != null) {
			for (int i = 0; i < names.length; i++) {
				if (names[i].equals(text.toUpperCase(Locale.ROOT))) {
					return (names == MONTHS) ? i + 1 : i;
				}
			}
		}
		try {
			int value = Integer.parseInt(text);
			if (value < min || value > max) {
				throw invalid(field, label);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw invalid(field, label);
		}
	}

	private static IllegalArgumentException invalid(String field, String label) {
		return new IllegalArgumentException("Invalid cron expression: invalid " + label + " field '" + field + "'");
	}

	String expression() {
		return this.expression;
	}

	/**
	 * First matching minute strictly after the given time.
	 * @param after the time
	 * @return the next matching time (searching at most five years ahead)
	 */
	@Nullable ZonedDateTime next(ZonedDateTime after) {
		ZonedDateTime time = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		ZonedDateTime limit = after.plusYears(5);
		while (time.isBefore(limit)) {
			if (!this.months.get(time.getMonthValue())) {
				time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
				continue;
			}
			if (!dayMatches(time)) {
				time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
				continue;
			}
			if (!this.hours.get(time.getHour())) {
				time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
				continue;
			}
			if (!this.minutes.get(time.getMinute())) {
				time = time.plusMinutes(1);
				continue;
			}
			return time;
		}
		return null;
	}

	private boolean dayMatches(ZonedDateTime time) {
		boolean dom = this.daysOfMonth.get(time.getDayOfMonth());
		boolean dow = this.daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
		if (this.daysOfMonthRestricted && this.daysOfWeekRestricted) {
			return dom || dow;
		}
		return dom && dow;
	}

	/**
	 * A short English description of common expressions.
	 * @return the description
	 */
	String describe() {
		String[] f = this.expression.split("\\s+");
		boolean everyDay = f[2].equals("*") && f[3].equals("*") && f[4].equals("*");
		if (everyDay && f[0].equals("*") && f[1].equals("*")) {
			return "Every minute";
		}
		if (everyDay && f[0].startsWith("*/") && f[1].equals("*")) {
			return "Every " + f[0].substring(2) + " minutes";
		}
		if (everyDay && f[0].matches("\\d+") && f[1].equals("*")) {
			return "At " + f[0] + " minutes past the hour";
		}
		if (f[0].matches("\\d+") && f[1].matches("\\d+")) {
			String at = String.format(Locale.ROOT, "At %02d:%02d", Integer.parseInt(f[1]), Integer.parseInt(f[0]));
			if (everyDay) {
				return at;
			}
			if (f[2].equals("*") && f[3].equals("*")) {
				return at + ", only on " + f[4];
			}
		}
		return "Cron expression " + this.expression;
	}

}
