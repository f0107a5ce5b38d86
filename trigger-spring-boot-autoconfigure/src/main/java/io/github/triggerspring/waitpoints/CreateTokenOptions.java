package io.github.triggerspring.waitpoints;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Options of {@code wait.createToken}. Build them with {@link #builder()}; the rules of
 * the API are checked when the call is made, before anything is sent.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class CreateTokenOptions {

	private static final CreateTokenOptions NONE = builder().build();

	private final @Nullable String idempotencyKey;

	private final @Nullable String idempotencyKeyTTL;

	private final @Nullable String timeout;

	private final @Nullable Duration timeoutDuration;

	private final @Nullable Instant timeoutInstant;

	private final @Nullable List<String> tags;

	private CreateTokenOptions(Builder builder) {
		this.idempotencyKey = builder.idempotencyKey;
		this.idempotencyKeyTTL = builder.idempotencyKeyTTL;
		this.timeout = builder.timeout;
		this.timeoutDuration = builder.timeoutDuration;
		this.timeoutInstant = builder.timeoutInstant;
		this.tags = (builder.tags != null) ? Collections.unmodifiableList(new ArrayList<>(builder.tags)) : null;
	}

	/**
	 * Options with nothing set: a token with no idempotency key, no timeout and no tags.
	 * @return the empty options
	 */
	public static CreateTokenOptions none() {
		return NONE;
	}

	/**
	 * A builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Idempotency key, sent as it is (not hashed), or {@code null}.
	 * @return the idempotency key
	 */
	public @Nullable String idempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * How long the idempotency key is valid, such as {@code 1h}, or {@code null}.
	 * @return the time-to-live
	 */
	public @Nullable String idempotencyKeyTTL() {
		return this.idempotencyKeyTTL;
	}

	/**
	 * Timeout as a time-span string such as {@code 1h}, or {@code null}.
	 * @return the timeout
	 */
	public @Nullable String timeout() {
		return this.timeout;
	}

	/**
	 * Timeout as a duration from now, or {@code null}.
	 * @return the timeout
	 */
	public @Nullable Duration timeoutDuration() {
		return this.timeoutDuration;
	}

	/**
	 * Timeout as an instant, or {@code null}.
	 * @return the timeout
	 */
	public @Nullable Instant timeoutInstant() {
		return this.timeoutInstant;
	}

	/**
	 * Tags, or {@code null}.
	 * @return the tags
	 */
	public @Nullable List<String> tags() {
		return this.tags;
	}

	/**
	 * Builder of {@link CreateTokenOptions}.
	 */
	public static final class Builder {

		private @Nullable String idempotencyKey;

		private @Nullable String idempotencyKeyTTL;

		private @Nullable String timeout;

		private @Nullable Duration timeoutDuration;

		private @Nullable Instant timeoutInstant;

		private @Nullable List<String> tags;

		private Builder() {
		}

		/**
		 * Idempotency key: while it is valid, creating a token with the same key returns
		 * the first token ({@code isCached}). Unlike a task's key, it is sent as it is, not
		 * hashed, as the SDK sends it. At most 2048 characters.
		 * @param idempotencyKey the key
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
			return this;
		}

		/**
		 * How long the idempotency key is valid: a number followed by {@code s}, {@code m},
		 * {@code h} or {@code d}, such as {@code 1h}. The server's default is 30 days.
		 * @param ttl the time-to-live
		 * @return this builder
		 */
		public Builder idempotencyKeyTTL(@Nullable String ttl) {
			this.idempotencyKeyTTL = ttl;
			return this;
		}

		/**
		 * Time after which the token times out: a time span such as {@code 30s},
		 * {@code 1m}, {@code 2h}, {@code 3d}, {@code 4w} or {@code 1h30m}, an ISO-8601
		 * date-time with an offset ({@code Z}, {@code +02:00}, {@code +0200} or
		 * {@code +02}), such as {@code 2026-12-01T10:00:00+02:00}, or an ISO-8601 date,
		 * such as {@code 2026-12-01}, which is midnight UTC as the server's
		 * {@code new Date(value)} reads it. A date or date-time is sent as the SDK sends a
		 * {@code Date}: in UTC with milliseconds ({@code 2026-12-01T08:00:00.000Z}).
		 * Replaces any timeout set before.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(@Nullable String timeout) {
			clearTimeout();
			this.timeout = timeout;
			return this;
		}

		/**
		 * Time after which the token times out, from when it is created; sent in whole
		 * seconds, rounded up. Replaces any timeout set before.
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder timeout(@Nullable Duration timeout) {
			clearTimeout();
			this.timeoutDuration = timeout;
			return this;
		}

		/**
		 * Instant at which the token times out, sent as an ISO-8601 string with
		 * milliseconds. Replaces any timeout set before.
		 * @param timeout the instant
		 * @return this builder
		 */
		public Builder timeout(@Nullable Instant timeout) {
			clearTimeout();
			this.timeoutInstant = timeout;
			return this;
		}

		private void clearTimeout() {
			this.timeout = null;
			this.timeoutDuration = null;
			this.timeoutInstant = null;
		}

		/**
		 * Tags, at most 10 of at most 128 characters each, for example
		 * {@code user:1234}. Replaces any tags set before.
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tags(String... tags) {
			return tags(Arrays.asList(tags));
		}

		/**
		 * Tags, at most 10 of at most 128 characters each. Replaces any tags set before.
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tags(@Nullable List<String> tags) {
			this.tags = tags;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public CreateTokenOptions build() {
			return new CreateTokenOptions(this);
		}

	}

}
