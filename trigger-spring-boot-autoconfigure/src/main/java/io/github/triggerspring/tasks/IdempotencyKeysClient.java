package io.github.triggerspring.tasks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import reactor.core.publisher.Mono;

/**
 * Client for {@code idempotencyKeys.*}: resets a task's idempotency key, so that the
 * next trigger of the task with that key creates a new run. The key is given as it was
 * given to {@link TriggerOptions.Builder#idempotencyKey(String)} and hashed by the same
 * rules; {@link IdempotencyKeys#create(String, IdempotencyKeyScope)} computes a key
 * up front.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class IdempotencyKeysClient {

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public IdempotencyKeysClient(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Resets a key given as {@link TriggerOptions.Builder#idempotencyKey(String)} takes
	 * it: a key of 64 characters is taken to be a hash and sent unchanged, any other key
	 * is hashed.
	 * @param taskId the task whose runs hold the key
	 * @param key the key
	 * @return the hashed key that was reset
	 */
	public Mono<String> reset(String taskId, String key) {
		return reset(taskId, key, RequestOptions.none());
	}

	/**
	 * Resets a key given as {@link TriggerOptions.Builder#idempotencyKey(String)} takes
	 * it: a key of 64 characters is taken to be a hash and sent unchanged, any other key
	 * is hashed.
	 * @param taskId the task whose runs hold the key
	 * @param key the key
	 * @param options the per-call options
	 * @return the hashed key that was reset
	 */
	public Mono<String> reset(String taskId, String key, RequestOptions options) {
		return Mono.defer(() -> send(taskId, validated(IdempotencyKey.of(key)).hashed(), options));
	}

	/**
	 * Resets a key made of parts, hashed as
	 * {@link TriggerOptions.Builder#idempotencyKey(List)} hashes it.
	 * @param taskId the task whose runs hold the key
	 * @param parts the parts of the key
	 * @return the hashed key that was reset
	 */
	public Mono<String> reset(String taskId, List<String> parts) {
		return reset(taskId, parts, RequestOptions.none());
	}

	/**
	 * Resets a key made of parts, hashed as
	 * {@link TriggerOptions.Builder#idempotencyKey(List)} hashes it.
	 * @param taskId the task whose runs hold the key
	 * @param parts the parts of the key
	 * @param options the per-call options
	 * @return the hashed key that was reset
	 */
	public Mono<String> reset(String taskId, List<String> parts, RequestOptions options) {
		return Mono.defer(() -> send(taskId, validated(IdempotencyKey.of(parts)).hashed(), options));
	}

	/**
	 * Resets a key created with a scope, as
	 * {@link IdempotencyKeys#create(String, IdempotencyKeyScope)} creates it. As the SDK
	 * does, a key of 64 characters is first sent unchanged, taken to be a created key;
	 * if the server knows no run with it (404), the key is hashed and sent again.
	 * @param taskId the task whose runs hold the key
	 * @param key the key as it was given to {@code create}, or the created key
	 * @param scope the scope it was created with
	 * @return the hashed key that was reset
	 */
	public Mono<String> reset(String taskId, String key, IdempotencyKeyScope scope) {
		return reset(taskId, key, scope, RequestOptions.none());
	}

	/**
	 * Resets a key created with a scope, as
	 * {@link IdempotencyKeys#create(String, IdempotencyKeyScope)} creates it. As the SDK
	 * does, a key of 64 characters is first sent unchanged, taken to be a created key;
	 * if the server knows no run with it (404), the key is hashed and sent again.
	 * @param taskId the task whose runs hold the key
	 * @param key the key as it was given to {@code create}, or the created key
	 * @param scope the scope it was created with
	 * @param options the per-call options
	 * @return the hashed key that was reset
	 */
	public Mono<String> reset(String taskId, String key, IdempotencyKeyScope scope, RequestOptions options) {
		return Mono.defer(() -> {
			String hashed = validated(IdempotencyKey.of(key, scope)).hashed();
			if (key.length() != IdempotencyKeys.HASH_LENGTH) {
				return send(taskId, hashed, options);
			}
			return send(taskId, key, options)
				.onErrorResume(TriggerNotFoundException.class, (ex) -> send(taskId, hashed, options));
		});
	}

	private static IdempotencyKey validated(IdempotencyKey key) {
		key.validate("idempotencyKey");
		return key;
	}

	private Mono<String> send(String taskId, String hashed, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.IDEMPOTENCY_KEYS_RESET, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest.post("/api/v1/idempotencyKeys/{key}/reset", hashed)
						.withBody(new ResetRequest(TriggerValidationException.requireText(taskId, "taskId"))),
					ResetResponse.class)
			.map(ResetResponse::id);
	}

	/**
	 * Body of {@code POST /api/v1/idempotencyKeys/{key}/reset}.
	 *
	 * @param taskIdentifier the task whose runs hold the key
	 */
	record ResetRequest(String taskIdentifier) {

	}

	/**
	 * Response of {@code POST /api/v1/idempotencyKeys/{key}/reset}.
	 *
	 * @param id the key that was reset
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ResetResponse(String id) {

	}

}
