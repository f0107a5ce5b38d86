package io.github.triggerspring.tasks;

import org.jspecify.annotations.Nullable;

/**
 * Result of {@code tasks.trigger}.
 *
 * @param id id of the run ({@code run_…})
 * @param isCached whether an idempotency key matched an existing run, whose id this is
 * @param publicAccessToken token that may read this run (header {@code x-trigger-jwt}),
 * or {@code null} when the server sent none
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record TriggerResult(String id, boolean isCached, @Nullable String publicAccessToken) {

	@Override
	public String toString() {
		return "TriggerResult[id=" + this.id + ", isCached=" + this.isCached + ", publicAccessToken="
				+ ((this.publicAccessToken != null) ? "<redacted>" : "null") + "]";
	}

}
