package io.github.triggerspring.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A controllable clock used by the emulator for run timestamps and time-driven run
 * statuses. By default it follows system time; {@link #advance(Duration)} moves it
 * forward, {@link #setInstant(Instant)} freezes it at a given instant. Thread-safe.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class EmulatorClock extends Clock {

	private final Clock base;

	private Duration offset = Duration.ZERO;

	private @Nullable Instant fixed;

	private EmulatorClock(Clock base, @Nullable Instant fixed) {
		this.base = base;
		this.fixed = fixed;
	}

	/**
	 * A clock that follows system time (plus any amount it is advanced by).
	 * @return a new clock
	 */
	public static EmulatorClock system() {
		return new EmulatorClock(Clock.systemUTC(), null);
	}

	/**
	 * A clock frozen at the given instant until advanced or set.
	 * @param instant the initial instant
	 * @return a new clock
	 */
	public static EmulatorClock fixed(Instant instant) {
		return new EmulatorClock(Clock.systemUTC(), Objects.requireNonNull(instant, "instant"));
	}

	/**
	 * Move the clock forward.
	 * @param duration how far to move, not negative
	 * @return this clock
	 */
	public synchronized EmulatorClock advance(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be negative");
		}
		if (this.fixed != null) {
			this.fixed = this.fixed.plus(duration);
		}
		else {
			this.offset = this.offset.plus(duration);
		}
		return this;
	}

	/**
	 * Freeze the clock at the given instant.
	 * @param instant the instant
	 * @return this clock
	 */
	public synchronized EmulatorClock setInstant(Instant instant) {
		this.fixed = Objects.requireNonNull(instant, "instant");
		return this;
	}

	/**
	 * Follow system time again, dropping any offset.
	 * @return this clock
	 */
	public synchronized EmulatorClock useSystemTime() {
		this.fixed = null;
		this.offset = Duration.ZERO;
		return this;
	}

	@Override
	public synchronized Instant instant() {
		return (this.fixed != null) ? this.fixed : this.base.instant().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The emulator clock is always UTC");
	}

}
