package io.github.triggerspring.waitpoints;

import org.jspecify.annotations.Nullable;

/**
 * Result of {@code wait.createToken}.
 *
 * @param id id of the token ({@code waitpoint_…})
 * @param isCached whether the idempotency key matched an existing token, whose id this
 * is; that token may already be completed
 * @param url the HTTP callback URL: a {@code POST} to it, with any JSON body, completes
 * the token without an API key
 * @param publicAccessToken token with the scope {@code write:waitpoints:<id>} that lets a
 * frontend complete this token (header {@code x-trigger-jwt}, or signed with the secret
 * key from the {@code x-trigger-jwt-claims} header, valid for 24 hours), or {@code null}
 * when the server sent neither or the key cannot sign (an additional secret key)
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record CreatedWaitpointToken(String id, boolean isCached, String url, @Nullable String publicAccessToken) {

	@Override
	public String toString() {
		return "CreatedWaitpointToken[id=" + this.id + ", isCached=" + this.isCached + ", url=<redacted>"
				+ ", publicAccessToken=" + ((this.publicAccessToken != null) ? "<redacted>" : "null") + "]";
	}

}
