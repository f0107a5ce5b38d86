package io.github.triggerspring.waitpoints;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A waitpoint token as {@code wait.listTokens} returns it.
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
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WaitpointToken(String id, String url, WaitpointTokenStatus status, @Nullable Instant completedAt,
		@Nullable Instant timeoutAt, @Nullable String idempotencyKey, @Nullable Instant idempotencyKeyExpiresAt,
		List<String> tags, Instant createdAt) {

	/**
	 * Normalizes missing tags.
	 * @param id token id
	 * @param url callback URL
	 * @param status status
	 * @param completedAt completion time
	 * @param timeoutAt timeout
	 * @param idempotencyKey idempotency key
	 * @param idempotencyKeyExpiresAt idempotency key expiry
	 * @param tags tags
	 * @param createdAt creation time
	 */
	public WaitpointToken {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	@Override
	public String toString() {
		return "WaitpointToken[id=" + this.id + ", status=" + this.status + ", url=<redacted>, tags=" + this.tags + "]";
	}

}
