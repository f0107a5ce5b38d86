package io.github.triggerspring.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.tasks.Machine;
import org.jspecify.annotations.Nullable;

/**
 * What a replay changes from the original run, as SDK 4.8.3's {@code runs.replay(runId,
 * options)} accepts it. Everything left out is copied from the original run; with no option
 * at all, the replay is sent without a body.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class ReplayOptions {

	private static final ReplayOptions NONE = new Builder().build();

	private final boolean hasPayload;

	private final @Nullable Object payload;

	private final @Nullable Map<String, ?> metadata;

	private final @Nullable List<String> tags;

	private final @Nullable String queue;

	private final @Nullable String concurrencyKey;

	private final @Nullable Machine machine;

	private final @Nullable String version;

	private final @Nullable String region;

	private final @Nullable String delay;

	private final @Nullable String ttl;

	private final @Nullable Duration ttlDuration;

	private final @Nullable String idempotencyKey;

	private final @Nullable String idempotencyKeyTTL;

	private final @Nullable Integer maxAttempts;

	private final @Nullable Duration maxDuration;

	private final @Nullable Duration priority;

	private ReplayOptions(Builder builder) {
		this.hasPayload = builder.hasPayload;
		this.payload = builder.payload;
		this.metadata = builder.metadata;
		this.tags = (builder.tags != null) ? List.copyOf(builder.tags) : null;
		this.queue = builder.queue;
		this.concurrencyKey = builder.concurrencyKey;
		this.machine = builder.machine;
		this.version = builder.version;
		this.region = builder.region;
		this.delay = builder.delay;
		this.ttl = builder.ttl;
		this.ttlDuration = builder.ttlDuration;
		this.idempotencyKey = builder.idempotencyKey;
		this.idempotencyKeyTTL = builder.idempotencyKeyTTL;
		this.maxAttempts = builder.maxAttempts;
		this.maxDuration = builder.maxDuration;
		this.priority = builder.priority;
	}

	/**
	 * No changes: the replay copies the original run and is sent without a body.
	 * @return the empty options
	 */
	public static ReplayOptions none() {
		return NONE;
	}

	/**
	 * A builder of options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether a new payload was set (it may be {@code null}).
	 * @return whether the payload is replaced
	 */
	public boolean hasPayload() {
		return this.hasPayload;
	}

	/**
	 * The new payload, sent as superjson written by the application's {@code JsonMapper}.
	 * @return the payload, or {@code null}
	 */
	public @Nullable Object payload() {
		return this.payload;
	}

	/**
	 * The new metadata, written by the application's {@code JsonMapper}.
	 * @return the metadata, or {@code null}
	 */
	public @Nullable Map<String, ?> metadata() {
		return this.metadata;
	}

	/**
	 * The new tags.
	 * @return the tags, or {@code null}
	 */
	public @Nullable List<String> tags() {
		return this.tags;
	}

	/**
	 * The queue name.
	 * @return the queue, or {@code null}
	 */
	public @Nullable String queue() {
		return this.queue;
	}

	/**
	 * The concurrency key.
	 * @return the key, or {@code null}
	 */
	public @Nullable String concurrencyKey() {
		return this.concurrencyKey;
	}

	/**
	 * The machine preset.
	 * @return the machine, or {@code null}
	 */
	public @Nullable Machine machine() {
		return this.machine;
	}

	/**
	 * The version to run on.
	 * @return the version, or {@code null}
	 */
	public @Nullable String version() {
		return this.version;
	}

	/**
	 * The region.
	 * @return the region, or {@code null}
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * The delay as sent: a duration or an ISO-8601 instant.
	 * @return the delay, or {@code null}
	 */
	public @Nullable String delay() {
		return this.delay;
	}

	/**
	 * The time-to-live written as a duration string.
	 * @return the TTL, or {@code null}
	 */
	public @Nullable String ttl() {
		return this.ttl;
	}

	/**
	 * The time-to-live as a duration, sent in whole seconds.
	 * @return the TTL, or {@code null}
	 */
	public @Nullable Duration ttlDuration() {
		return this.ttlDuration;
	}

	/**
	 * The idempotency key, sent as given (the server does not hash replay keys).
	 * @return the key, or {@code null}
	 */
	public @Nullable String idempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * How long the idempotency key is kept.
	 * @return the TTL, or {@code null}
	 */
	public @Nullable String idempotencyKeyTTL() {
		return this.idempotencyKeyTTL;
	}

	/**
	 * The maximum attempts.
	 * @return the attempts, or {@code null}
	 */
	public @Nullable Integer maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * The maximum compute time, sent in whole seconds.
	 * @return the duration, or {@code null}
	 */
	public @Nullable Duration maxDuration() {
		return this.maxDuration;
	}

	/**
	 * The priority, sent in whole seconds.
	 * @return the priority, or {@code null}
	 */
	public @Nullable Duration priority() {
		return this.priority;
	}

	/**
	 * Builder of {@link ReplayOptions}.
	 */
	public static final class Builder {

		private boolean hasPayload;

		private @Nullable Object payload;

		private @Nullable Map<String, ?> metadata;

		private @Nullable List<String> tags;

		private @Nullable String queue;

		private @Nullable String concurrencyKey;

		private @Nullable Machine machine;

		private @Nullable String version;

		private @Nullable String region;

		private @Nullable String delay;

		private @Nullable String ttl;

		private @Nullable Duration ttlDuration;

		private @Nullable String idempotencyKey;

		private @Nullable String idempotencyKeyTTL;

		private @Nullable Integer maxAttempts;

		private @Nullable Duration maxDuration;

		private @Nullable Duration priority;

		private Builder() {
		}

		/**
		 * Replaces the payload; it is sent as superjson, as the SDK sends it.
		 * @param payload the payload
		 * @return this builder
		 */
		public Builder payload(@Nullable Object payload) {
			this.hasPayload = true;
			this.payload = payload;
			return this;
		}

		/**
		 * Replaces the metadata.
		 * @param metadata the metadata
		 * @return this builder
		 */
		public Builder metadata(@Nullable Map<String, ?> metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Replaces the tags, at most 10 of at most 128 characters each.
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tags(@Nullable List<String> tags) {
			this.tags = (tags != null) ? new ArrayList<>(tags) : null;
			return this;
		}

		/**
		 * Sets the queue, by its plain name.
		 * @param queue the queue name
		 * @return this builder
		 */
		public Builder queue(@Nullable String queue) {
			this.queue = queue;
			return this;
		}

		/**
		 * Sets the concurrency key.
		 * @param concurrencyKey the key
		 * @return this builder
		 */
		public Builder concurrencyKey(@Nullable String concurrencyKey) {
			this.concurrencyKey = concurrencyKey;
			return this;
		}

		/**
		 * Sets the machine preset.
		 * @param machine the machine
		 * @return this builder
		 */
		public Builder machine(@Nullable Machine machine) {
			this.machine = machine;
			return this;
		}

		/**
		 * Sets the version to run on.
		 * @param version the version, for example {@code 20250301.1}
		 * @return this builder
		 */
		public Builder version(@Nullable String version) {
			this.version = version;
			return this;
		}

		/**
		 * Sets the region.
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(@Nullable String region) {
			this.region = region;
			return this;
		}

		/**
		 * Delays the replay by a duration such as {@code 30m} or {@code 1h30m}.
		 * @param delay the delay
		 * @return this builder
		 */
		public Builder delay(@Nullable String delay) {
			this.delay = delay;
			return this;
		}

		/**
		 * Delays the replay until an instant, sent as ISO-8601 with milliseconds.
		 * @param until the instant
		 * @return this builder
		 */
		public Builder delay(@Nullable Instant until) {
			this.delay = (until != null) ? RunsWire.isoMillis(until) : null;
			return this;
		}

		/**
		 * Sets how long the replay may wait in the queue, written like {@code 10m}.
		 * @param ttl the time-to-live
		 * @return this builder
		 */
		public Builder ttl(@Nullable String ttl) {
			this.ttl = ttl;
			this.ttlDuration = null;
			return this;
		}

		/**
		 * Sets how long the replay may wait in the queue, sent in whole seconds.
		 * @param ttl the time-to-live
		 * @return this builder
		 */
		public Builder ttl(@Nullable Duration ttl) {
			this.ttlDuration = ttl;
			this.ttl = null;
			return this;
		}

		/**
		 * Sets an idempotency key, sent as given, at most 2048 characters.
		 * @param idempotencyKey the key
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
			return this;
		}

		/**
		 * Sets how long the idempotency key is kept, written like {@code 1d}.
		 * @param ttl the key's time-to-live
		 * @return this builder
		 */
		public Builder idempotencyKeyTTL(@Nullable String ttl) {
			this.idempotencyKeyTTL = ttl;
			return this;
		}

		/**
		 * Sets the maximum attempts, at least 1.
		 * @param maxAttempts the attempts
		 * @return this builder
		 */
		public Builder maxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Sets the maximum compute time, sent in whole seconds.
		 * @param maxDuration the duration
		 * @return this builder
		 */
		public Builder maxDuration(@Nullable Duration maxDuration) {
			this.maxDuration = maxDuration;
			return this;
		}

		/**
		 * Sets the priority, sent in whole seconds.
		 * @param priority the priority
		 * @return this builder
		 */
		public Builder priority(@Nullable Duration priority) {
			this.priority = priority;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public ReplayOptions build() {
			return new ReplayOptions(this);
		}

	}

}
