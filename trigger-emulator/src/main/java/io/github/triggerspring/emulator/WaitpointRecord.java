package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A waitpoint token. A token whose timeout has passed on the emulator clock is completed
 * with the timeout error when it is next looked at ({@link #settle(Instant)}), as the
 * server's scheduled job completes it.
 *
 * @author trigger-spring-boot contributors
 */
final class WaitpointRecord {

	/** Error code of a timed-out token's output. */
	static final String TIMEOUT_CODE = "TRIGGER_WAITPOINT_TIMEOUT";

	final String id;

	final long sequence;

	final EnvRecord env;

	final Instant createdAt;

	final @Nullable Instant timeoutAt;

	final List<String> tags;

	@Nullable String idempotencyKey;

	@Nullable Instant idempotencyKeyExpiresAt;

	@Nullable Instant completedAt;

	@Nullable String output;

	@Nullable String outputType;

	boolean outputIsError;

	WaitpointRecord(String id, long sequence, EnvRecord env, Instant createdAt, @Nullable Instant timeoutAt,
			List<String> tags) {
		this.id = id;
		this.sequence = sequence;
		this.env = env;
		this.createdAt = createdAt;
		this.timeoutAt = timeoutAt;
		this.tags = tags.stream().sorted().toList();
	}

	/**
	 * Times the token out if its timeout has passed while it was waiting.
	 * @param now the emulator's time
	 * @return this token
	 */
	WaitpointRecord settle(Instant now) {
		if (this.completedAt == null && this.timeoutAt != null && !now.isBefore(this.timeoutAt)) {
			timeOut(this.timeoutAt);
		}
		return this;
	}

	/**
	 * Completes the token with the server's timeout error.
	 * @param at when it timed out
	 */
	void timeOut(Instant at) {
		complete(at, Json.write(Json.object()
			.put("code", TIMEOUT_CODE)
			.put("message", "Waitpoint timed out at " + Json.date(at))), "application/json", true);
	}

	void complete(Instant at, @Nullable String output, @Nullable String outputType, boolean isError) {
		this.completedAt = at;
		this.output = output;
		this.outputType = outputType;
		this.outputIsError = isError;
	}

	EmulatedWaitpointStatus status() {
		if (this.completedAt == null) {
			return EmulatedWaitpointStatus.WAITING;
		}
		return this.outputIsError ? EmulatedWaitpointStatus.TIMED_OUT : EmulatedWaitpointStatus.COMPLETED;
	}

}
