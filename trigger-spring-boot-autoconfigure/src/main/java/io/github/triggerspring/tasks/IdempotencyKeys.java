package io.github.triggerspring.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Idempotency keys hashed the way the official SDK hashes them when it triggers from a
 * backend: the lowercase hex SHA-256 digest of the UTF-8 key, the parts of a list key
 * being joined with {@code -}. A single key of exactly 64 characters is taken to be a
 * hash already and is returned unchanged. The key's {@linkplain IdempotencyKeyScope scope}
 * does not change the hash: outside a task the SDK adds nothing to the material for any
 * scope.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class IdempotencyKeys {

	/** Length of a hashed key: 64 hex characters. */
	public static final int HASH_LENGTH = 64;

	private IdempotencyKeys() {
	}

	/**
	 * Hashes a key, or returns it unchanged when it is 64 characters long.
	 * @param key the key
	 * @return the key sent to the API
	 */
	public static String hash(String key) {
		return (key.length() == HASH_LENGTH) ? key : sha256Hex(key);
	}

	/**
	 * Hashes a key made of parts, joined with {@code -}. A list key is always hashed,
	 * whatever its length.
	 * @param parts the parts of the key
	 * @return the key sent to the API
	 */
	public static String hash(List<String> parts) {
		return sha256Hex(String.join("-", parts));
	}

	/**
	 * Creates a key as the SDK's {@code idempotencyKeys.create(key, {scope})} does from
	 * a backend: always hashed, whatever its length. Pass the result as
	 * {@code idempotencyKey(...)} to send it unchanged.
	 * @param key the key
	 * @param scope the scope; outside a task it does not change the hash
	 * @return the hashed key, 64 hex characters
	 * @throws io.github.triggerspring.error.TriggerValidationException if the key is
	 * empty or longer than 2048 characters
	 */
	public static String create(String key, IdempotencyKeyScope scope) {
		return created(IdempotencyKey.of(key, scope));
	}

	/**
	 * Creates a key made of parts as the SDK's
	 * {@code idempotencyKeys.create([...parts], {scope})} does from a backend.
	 * @param parts the parts of the key, joined with {@code -}
	 * @param scope the scope; outside a task it does not change the hash
	 * @return the hashed key, 64 hex characters
	 * @throws io.github.triggerspring.error.TriggerValidationException if a part is
	 * empty or the key is longer than 2048 characters
	 */
	public static String create(List<String> parts, IdempotencyKeyScope scope) {
		return created(IdempotencyKey.of(parts, scope));
	}

	private static String created(IdempotencyKey key) {
		key.validate("idempotencyKey");
		return key.hashed();
	}

	/**
	 * Lowercase hex SHA-256 digest of the UTF-8 bytes of a string.
	 * @param material the string
	 * @return the digest, 64 hex characters
	 */
	static String sha256Hex(String material) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
