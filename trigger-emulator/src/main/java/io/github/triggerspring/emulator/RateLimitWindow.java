package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The general API limiter's window, read on the {@link EmulatorClock}: every response
 * counts against {@link ApiRouter#RATE_LIMIT} requests per minute and reports the
 * window's end in {@code x-ratelimit-reset}. Nothing is refused: only injected
 * {@link Fault#rateLimited(Duration) rate-limit faults} answer 429. Thread-safe.
 *
 * @author trigger-spring-boot contributors
 */
final class RateLimitWindow {

	static final Duration LENGTH = Duration.ofMinutes(1);

	private @Nullable Instant start;

	private int used;

	/**
	 * Count one response.
	 * @param now the current instant on the emulator clock
	 * @return the state of the window after counting it
	 */
	synchronized Usage record(Instant now) {
		if (this.start == null || now.isBefore(this.start) || !now.isBefore(this.start.plus(LENGTH))) {
			this.start = now;
			this.used = 0;
		}
		this.used++;
		return new Usage(Math.max(0, ApiRouter.RATE_LIMIT - this.used), this.start.plus(LENGTH));
	}

	/**
	 * Forget the current window.
	 */
	synchronized void reset() {
		this.start = null;
		this.used = 0;
	}

	/**
	 * Requests left in the window and when it ends.
	 *
	 * @param remaining requests left
	 * @param reset end of the window
	 */
	record Usage(int remaining, Instant reset) {
	}

}
