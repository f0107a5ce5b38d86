package io.github.triggerspring.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Options of one run, as {@code tasks.trigger} and each item of
 * {@code tasks.batchTrigger} take them. Immutable; build one with {@link #builder()}.
 * Options left unset are not sent, so the server's defaults apply. The rules of the API
 * (tag count and length, TTL format, key length) are checked when the call is made.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TriggerOptions {

	private static final TriggerOptions NONE = new Builder().build();

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final @Nullable String queue;

	private final @Nullable String concurrencyKey;

	private final @Nullable IdempotencyKey idempotencyKey;

	private final @Nullable String idempotencyKeyTTL;

	private final @Nullable String delay;

	private final @Nullable String ttl;

	private final @Nullable Duration ttlDuration;

	private final @Nullable List<String> tags;

	private final @Nullable Map<String, ?> metadata;

	private final @Nullable Machine machine;

	private final @Nullable Integer maxAttempts;

	private final @Nullable Duration maxDuration;

	private final @Nullable Duration priority;

	private final @Nullable String region;

	private final @Nullable String version;

	private TriggerOptions(Builder builder) {
		this.queue = builder.queue;
		this.concurrencyKey = builder.concurrencyKey;
		this.idempotencyKey = builder.idempotencyKey;
		this.idempotencyKeyTTL = builder.idempotencyKeyTTL;
		this.delay = builder.delay;
		this.ttl = builder.ttl;
		this.ttlDuration = builder.ttlDuration;
		this.tags = (builder.tags != null) ? Collections.unmodifiableList(new ArrayList<>(builder.tags)) : null;
		this.metadata = (builder.metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadata))
				: null;
		this.machine = builder.machine;
		this.maxAttempts = builder.maxAttempts;
		this.maxDuration = builder.maxDuration;
		this.priority = builder.priority;
		this.region = builder.region;
		this.version = builder.version;
	}

	/**
	 * Options with nothing set.
	 * @return the empty options
	 */
	public static TriggerOptions none() {
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
	 * Name of the queue the run goes to, or {@code null} for the task's queue.
	 * @return the queue name
	 */
	public @Nullable String queue() {
		return this.queue;
	}

	/**
	 * Concurrency key, or {@code null}.
	 * @return the concurrency key
	 */
	public @Nullable String concurrencyKey() {
		return this.concurrencyKey;
	}

	/**
	 * Idempotency key as given, its parts joined with {@code -}, or {@code null}.
	 * @return the idempotency key before hashing
	 */
	public @Nullable String idempotencyKey() {
		return (this.idempotencyKey != null) ? this.idempotencyKey.userValue() : null;
	}

	/**
	 * Scope recorded with the idempotency key, or {@code null} when no key is set:
	 * {@link IdempotencyKeyScope#RUN} unless another scope was given.
	 * @return the idempotency key scope
	 */
	public @Nullable IdempotencyKeyScope idempotencyKeyScope() {
		return (this.idempotencyKey != null) ? this.idempotencyKey.effectiveScope() : null;
	}

	/**
	 * How long the idempotency key lives, for example {@code 1h}, or {@code null}.
	 * @return the idempotency key TTL
	 */
	public @Nullable String idempotencyKeyTTL() {
		return this.idempotencyKeyTTL;
	}

	/**
	 * Delay before the run starts: a duration such as {@code 1h} or an ISO-8601
	 * instant, or {@code null}.
	 * @return the delay as sent
	 */
	public @Nullable String delay() {
		return this.delay;
	}

	/**
	 * Tags, or {@code null}.
	 * @return the tags
	 */
	public @Nullable List<String> tags() {
		return this.tags;
	}

	/**
	 * Metadata, or {@code null}.
	 * @return the metadata
	 */
	public @Nullable Map<String, ?> metadata() {
		return this.metadata;
	}

	/**
	 * Machine preset, or {@code null}.
	 * @return the machine
	 */
	public @Nullable Machine machine() {
		return this.machine;
	}

	/**
	 * Maximum attempts, or {@code null}.
	 * @return the maximum attempts
	 */
	public @Nullable Integer maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Region, or {@code null}.
	 * @return the region
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * Deployed version the run is locked to, or {@code null}.
	 * @return the version
	 */
	public @Nullable String version() {
		return this.version;
	}

	@Nullable IdempotencyKey idempotencyKeyValue() {
		return this.idempotencyKey;
	}

	/**
	 * Time-to-live written like {@code 10m}, or {@code null}.
	 * @return the time-to-live as text
	 */
	public @Nullable String ttl() {
		return this.ttl;
	}

	/**
	 * Time-to-live given as a duration, or {@code null}.
	 * @return the time-to-live as a duration
	 */
	public @Nullable Duration ttlDuration() {
		return this.ttlDuration;
	}

	/**
	 * Maximum compute time, or {@code null}.
	 * @return the maximum duration
	 */
	public @Nullable Duration maxDuration() {
		return this.maxDuration;
	}

	/**
	 * Priority as a queue-time offset, or {@code null}.
	 * @return the priority
	 */
	public @Nullable Duration priority() {
		return this.priority;
	}

	/**
	 * Builder of {@link TriggerOptions}.
	 */
	public static final class Builder {

		private @Nullable String queue;

		private @Nullable String concurrencyKey;

		private @Nullable IdempotencyKey idempotencyKey;

		private @Nullable String idempotencyKeyTTL;

		private @Nullable String delay;

		private @Nullable String ttl;

		private @Nullable Duration ttlDuration;

		private @Nullable List<String> tags;

		private @Nullable Map<String, ?> metadata;

		private @Nullable Machine machine;

		private @Nullable Integer maxAttempts;

		private @Nullable Duration maxDuration;

		private @Nullable Duration priority;

		private @Nullable String region;

		private @Nullable String version;

		private Builder() {
		}

		/**
		 * Sends the run to a queue, sent as {@code queue: {name}}.
		 * @param queue the queue name
		 * @return this builder
		 */
		public Builder queue(@Nullable String queue) {
			this.queue = queue;
			return this;
		}

		/**
		 * Sets the concurrency key: runs with the same key share the queue's concurrency
		 * limit separately from other keys.
		 * @param concurrencyKey the concurrency key
		 * @return this builder
		 */
		public Builder concurrencyKey(@Nullable String concurrencyKey) {
			this.concurrencyKey = concurrencyKey;
			return this;
		}

		/**
		 * Sets the idempotency key. It is sent hashed (see {@link IdempotencyKeys}); a
		 * key of exactly 64 characters is taken to be a hash and sent unchanged.
		 * @param key the key, at most 2048 characters
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable String key) {
			this.idempotencyKey = (key != null) ? IdempotencyKey.of(key) : null;
			return this;
		}

		/**
		 * Sets an idempotency key made of parts, joined with {@code -} and hashed.
		 * @param parts the parts of the key
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable List<String> parts) {
			this.idempotencyKey = (parts != null) ? IdempotencyKey.of(parts) : null;
			return this;
		}

		/**
		 * Sets an idempotency key with a scope, as the SDK's
		 * {@code idempotencyKeys.create(key, {scope})} creates one: the key is always
		 * hashed, even when it is 64 characters long, and sent with
		 * {@code idempotencyKeyOptions: {key, scope}}. Outside a task every scope hashes
		 * the same, so only the recorded scope differs.
		 * @param key the key, at most 2048 characters
		 * @param scope the scope
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable String key, IdempotencyKeyScope scope) {
			this.idempotencyKey = (key != null) ? IdempotencyKey.of(key, scope) : null;
			return this;
		}

		/**
		 * Sets an idempotency key made of parts, joined with {@code -} and hashed, with a
		 * scope; see {@link #idempotencyKey(String, IdempotencyKeyScope)}.
		 * @param parts the parts of the key
		 * @param scope the scope
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable List<String> parts, IdempotencyKeyScope scope) {
			this.idempotencyKey = (parts != null) ? IdempotencyKey.of(parts, scope) : null;
			return this;
		}

		/**
		 * Sets how long the idempotency key lives, a number followed by {@code s},
		 * {@code m}, {@code h} or {@code d}; the server's default is 30 days.
		 * @param ttl the TTL, for example {@code 1h}
		 * @return this builder
		 */
		public Builder idempotencyKeyTTL(@Nullable String ttl) {
			this.idempotencyKeyTTL = ttl;
			return this;
		}

		/**
		 * Delays the run by a duration written like {@code 1h}, {@code 30m} or
		 * {@code 2w}.
		 * @param delay the delay
		 * @return this builder
		 */
		public Builder delay(@Nullable String delay) {
			this.delay = delay;
			return this;
		}

		/**
		 * Delays the run until an instant, sent as an ISO-8601 string with milliseconds,
		 * as JavaScript dates are.
		 * @param until the instant
		 * @return this builder
		 */
		public Builder delay(@Nullable Instant until) {
			this.delay = (until != null) ? ISO_MILLIS.format(until) : null;
			return this;
		}

		/**
		 * Sets how long the run may wait in the queue, written like {@code 10m}.
		 * @param ttl the time-to-live
		 * @return this builder
		 */
		public Builder ttl(@Nullable String ttl) {
			this.ttl = ttl;
			this.ttlDuration = null;
			return this;
		}

		/**
		 * Sets how long the run may wait in the queue, sent in whole seconds; zero
		 * disables the TTL.
		 * @param ttl the time-to-live
		 * @return this builder
		 */
		public Builder ttl(@Nullable Duration ttl) {
			this.ttlDuration = ttl;
			this.ttl = null;
			return this;
		}

		/**
		 * Sets the tags, at most 10, each at most 128 characters.
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tags(@Nullable List<String> tags) {
			this.tags = (tags != null) ? new ArrayList<>(tags) : null;
			return this;
		}

		/**
		 * Sets the tags, at most 10, each at most 128 characters.
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tags(String... tags) {
			return tags(Arrays.asList(tags));
		}

		/**
		 * Sets the run's metadata, serialized with the application's JSON mapper.
		 * @param metadata the metadata
		 * @return this builder
		 */
		public Builder metadata(@Nullable Map<String, ?> metadata) {
			this.metadata = metadata;
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
		 * Sets the maximum number of attempts.
		 * @param maxAttempts the maximum attempts
		 * @return this builder
		 */
		public Builder maxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Sets the maximum compute time of the run, sent in whole seconds.
		 * @param maxDuration the maximum duration
		 * @return this builder
		 */
		public Builder maxDuration(@Nullable Duration maxDuration) {
			this.maxDuration = maxDuration;
			return this;
		}

		/**
		 * Sets the priority: a queue-time offset, sent in whole seconds, that moves the
		 * run ahead of runs queued up to that long before it.
		 * @param priority the priority
		 * @return this builder
		 */
		public Builder priority(@Nullable Duration priority) {
			this.priority = priority;
			return this;
		}

		/**
		 * Sets the region the run executes in.
		 * @param region the region
		 * @return this builder
		 */
		public Builder region(@Nullable String region) {
			this.region = region;
			return this;
		}

		/**
		 * Locks the run to a deployed version, sent as {@code lockToVersion}.
		 * @param version the version, for example {@code 20250101.1}
		 * @return this builder
		 */
		public Builder version(@Nullable String version) {
			this.version = version;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public TriggerOptions build() {
			return new TriggerOptions(this);
		}

	}

}
