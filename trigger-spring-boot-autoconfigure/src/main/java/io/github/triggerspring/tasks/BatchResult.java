package io.github.triggerspring.tasks;

import org.jspecify.annotations.Nullable;

/**
 * Result of {@code tasks.batchTrigger}.
 *
 * @param batchId id of the batch ({@code batch_…})
 * @param runCount number of runs in the batch
 * @param isCached whether an idempotency key matched an existing batch; its items were
 * sent again, and the server kept only those it did not have yet (by index)
 * @param publicAccessToken token that may read this batch (header
 * {@code x-trigger-jwt}), or {@code null} when the server sent none
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record BatchResult(String batchId, int runCount, boolean isCached, @Nullable String publicAccessToken) {

	@Override
	public String toString() {
		return "BatchResult[batchId=" + this.batchId + ", runCount=" + this.runCount + ", isCached=" + this.isCached
				+ ", publicAccessToken=" + ((this.publicAccessToken != null) ? "<redacted>" : "null") + "]";
	}

}
