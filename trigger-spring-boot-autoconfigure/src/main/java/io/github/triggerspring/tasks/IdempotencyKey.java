package io.github.triggerspring.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency key as the caller gave it: one string or a list of parts, with or
 * without a scope. A key given with a scope is created as the SDK's
 * {@code idempotencyKeys.create(key, {scope})} creates one: always hashed, and always
 * recorded with its scope.
 *
 * @param parts the parts; a single key has one part
 * @param list whether the caller gave a list
 * @param scope the scope the caller gave, or {@code null} for the SDK's handling of a
 * plain key: scope {@code run}, and a single key of 64 characters taken to be a hash
 * @author trigger-spring-boot contributors
 */
record IdempotencyKey(List<@Nullable String> parts, boolean list, @Nullable IdempotencyKeyScope scope) {

	/** Longest key the API accepts. */
	static final int MAX_LENGTH = 2048;

	IdempotencyKey {
		parts = Collections.unmodifiableList(new ArrayList<>(parts));
	}

	static IdempotencyKey of(String key) {
		return new IdempotencyKey(Collections.singletonList(key), false, null);
	}

	static IdempotencyKey of(List<String> parts) {
		return new IdempotencyKey(parts, true, null);
	}

	static IdempotencyKey of(String key, IdempotencyKeyScope scope) {
		return new IdempotencyKey(Collections.singletonList(key), false, requireScope(scope));
	}

	static IdempotencyKey of(List<String> parts, IdempotencyKeyScope scope) {
		return new IdempotencyKey(parts, true, requireScope(scope));
	}

	private static IdempotencyKeyScope requireScope(@Nullable IdempotencyKeyScope scope) {
		if (scope == null) {
			throw new IllegalArgumentException("The idempotency key scope must not be null");
		}
		return scope;
	}

	/**
	 * Checks the key against the API's rules.
	 * @param field the field name used in messages
	 */
	void validate(String field) {
		if (this.parts.isEmpty() || this.parts.stream().anyMatch((part) -> part == null || part.isEmpty())) {
			throw new TriggerValidationException(field,
					"must not be empty and must not contain null or empty parts. Give a non-empty key, or no key at all.");
		}
		int length = userValue().length();
		if (length > MAX_LENGTH) {
			throw new TriggerValidationException(field, "must be at most " + MAX_LENGTH + " characters, but was "
					+ length + ". Use a shorter key, for example a hash of the long one.");
		}
	}

	/** Key with its parts joined with {@code -}, as the SDK records it. */
	String userValue() {
		return String.join("-", this.parts);
	}

	/** Scope sent as {@code idempotencyKeyOptions.scope}: the given one, else {@code run}. */
	IdempotencyKeyScope effectiveScope() {
		return (this.scope != null) ? this.scope : IdempotencyKeyScope.RUN;
	}

	/**
	 * Key sent to the API. Outside a task every scope hashes the same material, the
	 * parts joined with {@code -}.
	 */
	String hashed() {
		return (this.list || this.scope != null) ? IdempotencyKeys.sha256Hex(userValue())
				: IdempotencyKeys.hash(this.parts.get(0));
	}

	/** Whether the caller gave a hash already, in which case no key options are sent. */
	boolean isPreHashed() {
		return this.scope == null && !this.list && this.parts.get(0).length() == IdempotencyKeys.HASH_LENGTH;
	}

	/**
	 * Key of the item at the given index of a batch that has this key: the SDK hashes
	 * the batch key as the caller passed it, followed by {@code -<index>}. A key created
	 * with a scope reaches the SDK's batch as its hash, so that hash is the prefix.
	 */
	String forBatchItem(int index) {
		String batchKey = (this.scope != null) ? hashed() : userValue();
		return IdempotencyKeys.sha256Hex(batchKey + "-" + index);
	}

}
