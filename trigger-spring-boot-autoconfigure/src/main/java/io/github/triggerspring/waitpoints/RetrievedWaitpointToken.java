package io.github.triggerspring.waitpoints;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A waitpoint token as {@code wait.retrieveToken} returns it, with its output decoded.
 * <p>
 * The output is decoded by its type, as the SDK's {@code retrieveToken} does:
 * {@code application/json} is parsed, {@code application/super+json} gives its
 * {@code json} member (dates stay ISO strings), {@code application/store} is downloaded
 * from object storage first, and any other type is kept as a string. A token that timed
 * out has no output: its {@link #error()} says why, and the call itself succeeds.
 *
 * @param id token id ({@code waitpoint_…})
 * @param url the HTTP callback URL that completes the token without an API key
 * @param status status
 * @param completedAt when it was completed or timed out, or {@code null}
 * @param timeoutAt when it times out, or {@code null} when it has no timeout
 * @param idempotencyKey the idempotency key it was created with, or {@code null}
 * @param idempotencyKeyExpiresAt when the idempotency key expires, or {@code null}
 * @param tags tags, sorted
 * @param createdAt creation time
 * @param output the data it was completed with, as plain JSON; {@code null} while it
 * waits, when it timed out, or when it was completed without data
 * @param error the timeout, when {@link #status()} is {@link WaitpointTokenStatus#TIMED_OUT};
 * otherwise {@code null}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record RetrievedWaitpointToken(String id, String url, WaitpointTokenStatus status,
		@Nullable Instant completedAt, @Nullable Instant timeoutAt, @Nullable String idempotencyKey,
		@Nullable Instant idempotencyKeyExpiresAt, List<String> tags, Instant createdAt, @Nullable JsonNode output,
		@Nullable WaitpointTimeout error) {

	/**
	 * Copies the tags.
	 * @param id token id
	 * @param url callback URL
	 * @param status status
	 * @param completedAt completion time
	 * @param timeoutAt timeout
	 * @param idempotencyKey idempotency key
	 * @param idempotencyKeyExpiresAt idempotency key expiry
	 * @param tags tags
	 * @param createdAt creation time
	 * @param output decoded output
	 * @param error timeout
	 */
	public RetrievedWaitpointToken {
		tags = List.copyOf(tags);
	}

	/**
	 * Whether the token timed out, in which case {@link #error()} is set.
	 * @return whether it timed out
	 */
	public boolean isTimedOut() {
		return this.error != null;
	}

	@Override
	public String toString() {
		return "RetrievedWaitpointToken[id=" + this.id + ", status=" + this.status + ", url=<redacted>, tags="
				+ this.tags + ", error=" + this.error + "]";
	}

}
