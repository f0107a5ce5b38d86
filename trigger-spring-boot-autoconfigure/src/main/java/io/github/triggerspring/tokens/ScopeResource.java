package io.github.triggerspring.tokens;

/**
 * Kinds of resource that a public access token's {@code read} and {@code write} scopes
 * name, as in {@code read:runs:run_1}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum ScopeResource {

	/** Runs, by run id ({@code run_…}). */
	RUNS("runs"),

	/** Tasks, by task id; reading a task reads its runs. */
	TASKS("tasks"),

	/** Run tags; reading a tag reads the runs that carry it. */
	TAGS("tags"),

	/** Batches, by batch id ({@code batch_…}). */
	BATCH("batch"),

	/** Waitpoint tokens, by waitpoint id ({@code waitpoint_…}). */
	WAITPOINTS("waitpoints");

	private final String wireName;

	ScopeResource(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Name of the resource in a scope, for example {@code runs}.
	 * @return the wire name
	 */
	public String wireName() {
		return this.wireName;
	}

}
