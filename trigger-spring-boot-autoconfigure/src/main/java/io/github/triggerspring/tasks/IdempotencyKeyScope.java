package io.github.triggerspring.tasks;

/**
 * Scope of an idempotency key, as the SDK's {@code idempotencyKeys.create(key, {scope})}
 * takes it. Inside a task the SDK adds the run's id ({@link #RUN}), or the run's id and
 * the attempt number ({@link #ATTEMPT}), to the hashed material, and nothing for
 * {@link #GLOBAL}. This client triggers from a backend, where there is no run, so every
 * scope hashes the key alone; the scope is only recorded with the key, sent as
 * {@code idempotencyKeyOptions.scope}, for the dashboard and for resetting the key.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum IdempotencyKeyScope {

	/** Unique per parent run; the SDK's default. */
	RUN("run"),

	/** Unique per attempt of the parent run. */
	ATTEMPT("attempt"),

	/** The same key wherever it is used. */
	GLOBAL("global");

	private final String wireValue;

	IdempotencyKeyScope(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Value sent to the API, for example {@code global}.
	 * @return the wire value
	 */
	public String wireValue() {
		return this.wireValue;
	}

}
