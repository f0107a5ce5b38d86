package io.github.triggerspring.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * When a public access token expires: a time after it is issued (a {@link Duration} or
 * one of the SDK's time-span strings such as {@code "15m"}, {@code "1h"} or
 * {@code "2 hours"}), or an {@link Instant}. The default is {@link #DEFAULT 15 minutes},
 * as in the SDK.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TokenExpiration {

	/** The SDK's default: 15 minutes after the token is issued. */
	public static final TokenExpiration DEFAULT = new TokenExpiration(null, "15m", 900, null);

	/** The jose time-span grammar that the SDK's {@code expirationTime} accepts. */
	private static final Pattern TIME_SPAN = Pattern.compile(
			"^(\\+|-)? ?(\\d+|\\d+\\.\\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$",
			Pattern.CASE_INSENSITIVE);

	private static final double MINUTE = 60;

	private static final double HOUR = MINUTE * 60;

	private static final double DAY = HOUR * 24;

	private static final double WEEK = DAY * 7;

	private static final double YEAR = DAY * 365.25;

	private final @Nullable String invalid;

	private final @Nullable String wire;

	private final long seconds;

	private final @Nullable Instant at;

	private TokenExpiration(@Nullable String invalid, @Nullable String wire, long seconds, @Nullable Instant at) {
		this.invalid = invalid;
		this.wire = wire;
		this.seconds = seconds;
		this.at = at;
	}

	/**
	 * Expiry a time after the token is issued.
	 * @param duration the lifetime, at least one second
	 * @return the expiration
	 */
	public static TokenExpiration in(Duration duration) {
		if (duration.getSeconds() < 1) {
			return new TokenExpiration("a lifetime of " + duration, null, 0, null);
		}
		return new TokenExpiration(null, duration.getSeconds() + "s", duration.getSeconds(), null);
	}

	/**
	 * Expiry at a given instant (sent and signed as whole seconds since the epoch).
	 * @param instant the instant
	 * @return the expiration
	 */
	public static TokenExpiration at(Instant instant) {
		return new TokenExpiration(null, null, 0, instant);
	}

	/**
	 * Expiry given as one of the SDK's time-span strings, for example {@code "15m"},
	 * {@code "1h"}, {@code "2 hours"} or {@code "30 days"}.
	 * @param timeSpan the time span
	 * @return the expiration; a string that is not a future time span fails the call that
	 * uses it with a {@link TriggerValidationException}
	 */
	public static TokenExpiration parse(String timeSpan) {
		Matcher matcher = TIME_SPAN.matcher((timeSpan != null) ? timeSpan.trim() : "");
		if (!matcher.matches()) {
			return new TokenExpiration("'" + timeSpan + "'", null, 0, null);
		}
		double value = Double.parseDouble(matcher.group(2));
		long seconds = Math.round(value * unitSeconds(matcher.group(3).toLowerCase(Locale.ROOT)));
		if ("-".equals(matcher.group(1)) || "ago".equalsIgnoreCase(matcher.group(4)) || seconds < 1) {
			return new TokenExpiration("'" + timeSpan + "', which is not in the future", null, 0, null);
		}
		return new TokenExpiration(null, timeSpan.trim(), seconds, null);
	}

	private static double unitSeconds(String unit) {
		return switch (unit.charAt(0)) {
			case 's' -> 1;
			case 'm' -> MINUTE;
			case 'h' -> HOUR;
			case 'd' -> DAY;
			case 'w' -> WEEK;
			default -> YEAR;
		};
	}

	/**
	 * The {@code exp} claim of a token issued at the given time.
	 * @param issuedAt the {@code iat} claim, in whole seconds
	 * @return the expiry
	 * @throws TriggerValidationException if this expiration is not valid
	 */
	public Instant expiresAt(Instant issuedAt) {
		requireValid();
		return (this.at != null) ? Instant.ofEpochSecond(this.at.getEpochSecond())
				: issuedAt.plusSeconds(this.seconds);
	}

	/**
	 * The {@code expirationTime} the server's public-tokens endpoint takes: the time span
	 * as given, or whole seconds since the epoch for an instant.
	 * @return a string or a number
	 * @throws TriggerValidationException if this expiration is not valid
	 */
	Object wireValue() {
		requireValid();
		return (this.wire != null) ? this.wire : this.at.getEpochSecond();
	}

	private void requireValid() {
		if (this.invalid != null) {
			throw new TriggerValidationException("expiration", "is " + this.invalid
					+ ". Pass a positive Duration, an Instant, or a time span such as \"15m\", \"1h\" or \"2 hours\".");
		}
	}

	@Override
	public String toString() {
		return "TokenExpiration[" + ((this.at != null) ? this.at : (this.wire != null) ? this.wire : this.invalid)
				+ "]";
	}

}
