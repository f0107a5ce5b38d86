package io.github.triggerspring.error;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Signalled for a {@code 429 Too Many Requests} response, once its retries are used up.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerRateLimitException extends TriggerApiException {

	private final @Nullable Instant reset;

	/**
	 * Creates a new exception.
	 * @param status the HTTP status
	 * @param error the server's {@code error} message, or {@code null}
	 * @param headers the response headers
	 * @param reset when the limit resets, or {@code null} if the server did not say
	 */
	public TriggerRateLimitException(int status, @Nullable String error, HttpHeaders headers, @Nullable Instant reset) {
		super(status, error, headers);
		this.reset = reset;
	}

	/**
	 * When the rate limit resets, read from {@code x-ratelimit-reset} (milliseconds or
	 * seconds since the epoch) or {@code Retry-After}.
	 * @return the reset instant, or {@code null}
	 */
	public @Nullable Instant getReset() {
		return this.reset;
	}

}
