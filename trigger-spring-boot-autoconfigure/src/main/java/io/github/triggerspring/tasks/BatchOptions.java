package io.github.triggerspring.tasks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Options of a whole batch. Immutable; build one with {@link #builder()}.
 * <p>
 * With an idempotency key, the batch is sent with that key hashed, and every item that
 * has no key of its own gets the key {@code sha256(<key>-<index>)}, as the official SDK
 * does; retrying the same batch then triggers no run twice. A key given with a
 * {@linkplain IdempotencyKeyScope scope} reaches the SDK's batch already created, as its
 * hash, so the items' keys are then {@code sha256(<hash of the key>-<index>)}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class BatchOptions {

	private static final BatchOptions NONE = new Builder().build();

	private final @Nullable IdempotencyKey idempotencyKey;

	private final @Nullable String idempotencyKeyTTL;

	private BatchOptions(Builder builder) {
		this.idempotencyKey = builder.idempotencyKey;
		this.idempotencyKeyTTL = builder.idempotencyKeyTTL;
	}

	/**
	 * Options with nothing set.
	 * @return the empty options
	 */
	public static BatchOptions none() {
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
	 * Idempotency key as given, its parts joined with {@code -}, or {@code null}.
	 * @return the idempotency key before hashing
	 */
	public @Nullable String idempotencyKey() {
		return (this.idempotencyKey != null) ? this.idempotencyKey.userValue() : null;
	}

	/**
	 * Scope recorded with the batch's idempotency key, or {@code null} when no key is
	 * set: {@link IdempotencyKeyScope#RUN} unless another scope was given.
	 * @return the idempotency key scope
	 */
	public @Nullable IdempotencyKeyScope idempotencyKeyScope() {
		return (this.idempotencyKey != null) ? this.idempotencyKey.effectiveScope() : null;
	}

	/**
	 * TTL of the items' idempotency keys, used by items that set none, or {@code null}.
	 * @return the idempotency key TTL
	 */
	public @Nullable String idempotencyKeyTTL() {
		return this.idempotencyKeyTTL;
	}

	@Nullable IdempotencyKey idempotencyKeyValue() {
		return this.idempotencyKey;
	}

	/**
	 * Builder of {@link BatchOptions}.
	 */
	public static final class Builder {

		private @Nullable IdempotencyKey idempotencyKey;

		private @Nullable String idempotencyKeyTTL;

		private Builder() {
		}

		/**
		 * Sets the batch's idempotency key, sent hashed; a key of exactly 64 characters
		 * is taken to be a hash and sent unchanged.
		 * @param key the key, at most 2048 characters
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable String key) {
			this.idempotencyKey = (key != null) ? IdempotencyKey.of(key) : null;
			return this;
		}

		/**
		 * Sets the batch's idempotency key made of parts, joined with {@code -} and
		 * hashed.
		 * @param parts the parts of the key
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable List<String> parts) {
			this.idempotencyKey = (parts != null) ? IdempotencyKey.of(parts) : null;
			return this;
		}

		/**
		 * Sets the batch's idempotency key with a scope, as the SDK's
		 * {@code idempotencyKeys.create(key, {scope})} creates one: always hashed, and
		 * sent with {@code idempotencyKeyOptions: {key, scope}}. Items without a key of
		 * their own get {@code sha256(<hash of the key>-<index>)}.
		 * @param key the key, at most 2048 characters
		 * @param scope the scope
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable String key, IdempotencyKeyScope scope) {
			this.idempotencyKey = (key != null) ? IdempotencyKey.of(key, scope) : null;
			return this;
		}

		/**
		 * Sets the batch's idempotency key made of parts, joined with {@code -} and
		 * hashed, with a scope; see {@link #idempotencyKey(String, IdempotencyKeyScope)}.
		 * @param parts the parts of the key
		 * @param scope the scope
		 * @return this builder
		 */
		public Builder idempotencyKey(@Nullable List<String> parts, IdempotencyKeyScope scope) {
			this.idempotencyKey = (parts != null) ? IdempotencyKey.of(parts, scope) : null;
			return this;
		}

		/**
		 * Sets the TTL of the items' idempotency keys, for items that set none; a number
		 * followed by {@code s}, {@code m}, {@code h} or {@code d}.
		 * @param ttl the TTL, for example {@code 1d}
		 * @return this builder
		 */
		public Builder idempotencyKeyTTL(@Nullable String ttl) {
			this.idempotencyKeyTTL = ttl;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public BatchOptions build() {
			return new BatchOptions(this);
		}

	}

}
