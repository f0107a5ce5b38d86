package io.github.triggerspring.runs;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One change to a run's metadata, as the server applies it in order. Values are the
 * application's data, written with its {@code JsonMapper}.
 *
 * @param type the operation: {@code set}, {@code delete}, {@code append}, {@code remove},
 * {@code increment} or {@code update}
 * @param key the metadata key, or {@code null} for {@code update}
 * @param value the value, or {@code null} for {@code delete}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record MetadataOperation(String type, @Nullable String key, @Nullable Object value) {

	/**
	 * Sets a key to a value.
	 * @param key the key
	 * @param value the value
	 * @return the operation
	 */
	public static MetadataOperation set(String key, Object value) {
		return new MetadataOperation("set", key, value);
	}

	/**
	 * Deletes a key.
	 * @param key the key
	 * @return the operation
	 */
	public static MetadataOperation delete(String key) {
		return new MetadataOperation("delete", key, null);
	}

	/**
	 * Appends a value to the array under a key (creating it when missing).
	 * @param key the key
	 * @param value the value
	 * @return the operation
	 */
	public static MetadataOperation append(String key, Object value) {
		return new MetadataOperation("append", key, value);
	}

	/**
	 * Removes a value from the array under a key.
	 * @param key the key
	 * @param value the value
	 * @return the operation
	 */
	public static MetadataOperation remove(String key, Object value) {
		return new MetadataOperation("remove", key, value);
	}

	/**
	 * Adds a number to the number under a key (starting from 0).
	 * @param key the key
	 * @param amount the amount, negative to decrement
	 * @return the operation
	 */
	public static MetadataOperation increment(String key, double amount) {
		return new MetadataOperation("increment", key, amount);
	}

	/**
	 * Merges entries into the metadata, key by key.
	 * @param entries the entries
	 * @return the operation
	 */
	public static MetadataOperation update(Map<String, ?> entries) {
		return new MetadataOperation("update", null, entries);
	}

}
