package io.github.triggerspring.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency key as the caller gave it: one string or a list of parts.
 *
 * @param parts the parts; a single key has one part
 * @param list whether the caller gave a list
 * @author trigger-spring-boot contributors
 */
record IdempotencyKey(List<@Nullable String> parts, boolean list) {

	/** Longest key the API accepts. */
	static final int MAX_LENGTH = 2048;

	IdempotencyKey {
		parts = Collections.unmodifiableList(new ArrayList<>(parts));
	}

	static IdempotencyKey of(String key) {
		return new IdempotencyKey(Collections.singletonList(key), false);
	}

	static IdempotencyKey of(List<String> parts) {
		return new IdempotencyKey(parts, true);
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

	/** Key sent to the API. */
	String hashed() {
		return this.list ? IdempotencyKeys.sha256Hex(userValue()) : IdempotencyKeys.hash(this.parts.get(0));
	}

	/** Whether the caller gave a hash already, in which case no key options are sent. */
	boolean isPreHashed() {
		return !this.list && this.parts.get(0).length() == IdempotencyKeys.HASH_LENGTH;
	}

	/** Key of the item at the given index of a batch that has this key. */
	String forBatchItem(int index) {
		return IdempotencyKeys.sha256Hex(userValue() + "-" + index);
	}

}
