package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A two-phase batch.
 *
 * @author trigger-spring-boot contributors
 */
final class BatchRecord {

	final String id;

	final EnvRecord env;

	final int runCount;

	final @Nullable String idempotencyKey;

	final Instant createdAt;

	final TreeMap<Integer, String> runIdsByIndex = new TreeMap<>();

	@Nullable Instant sealedAt;

	BatchRecord(String id, EnvRecord env, int runCount, @Nullable String idempotencyKey, Instant createdAt) {
		this.id = id;
		this.env = env;
		this.runCount = runCount;
		this.idempotencyKey = idempotencyKey;
		this.createdAt = createdAt;
	}

	boolean sealed() {
		return this.runIdsByIndex.size() == this.runCount;
	}

}
