package io.github.triggerspring.tasks;

import io.github.triggerspring.error.TriggerException;
import org.jspecify.annotations.Nullable;

/**
 * Signalled when the server still had not sealed a batch after its items were sent
 * the maximum number of times: some items were not accepted, so the batch may be
 * incomplete. Sending the same batch again with the same idempotency key is safe.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class BatchNotSealedException extends TriggerException {

	private final String batchId;

	private final int attempts;

	private final int itemsAccepted;

	private final int itemsDeduplicated;

	private final @Nullable Integer enqueuedCount;

	private final @Nullable Integer expectedCount;

	/**
	 * Creates a new exception.
	 * @param batchId the batch id
	 * @param attempts how many times the items were sent
	 * @param itemsAccepted items accepted by the last attempt
	 * @param itemsDeduplicated items the last attempt found already accepted
	 * @param enqueuedCount items enqueued so far, or {@code null} if not reported
	 * @param expectedCount items the batch expects, or {@code null} if not reported
	 */
	public BatchNotSealedException(String batchId, int attempts, int itemsAccepted, int itemsDeduplicated,
			@Nullable Integer enqueuedCount, @Nullable Integer expectedCount) {
		super("Batch " + batchId + " was not sealed after sending its items " + attempts + " time(s): last attempt "
				+ "accepted " + itemsAccepted + " and deduplicated " + itemsDeduplicated + " item(s)"
				+ ((enqueuedCount != null && expectedCount != null)
						? ", " + enqueuedCount + " of " + expectedCount + " enqueued" : "")
				+ ". Send the batch again with the same idempotency key to complete it.", null);
		this.batchId = batchId;
		this.attempts = attempts;
		this.itemsAccepted = itemsAccepted;
		this.itemsDeduplicated = itemsDeduplicated;
		this.enqueuedCount = enqueuedCount;
		this.expectedCount = expectedCount;
	}

	/**
	 * Id of the batch.
	 * @return the batch id
	 */
	public String getBatchId() {
		return this.batchId;
	}

	/**
	 * How many times the items were sent.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Items accepted by the last attempt.
	 * @return the accepted items
	 */
	public int getItemsAccepted() {
		return this.itemsAccepted;
	}

	/**
	 * Items the last attempt found already accepted.
	 * @return the deduplicated items
	 */
	public int getItemsDeduplicated() {
		return this.itemsDeduplicated;
	}

	/**
	 * Items enqueued so far, or {@code null} if the server did not say.
	 * @return the enqueued count
	 */
	public @Nullable Integer getEnqueuedCount() {
		return this.enqueuedCount;
	}

	/**
	 * Items the batch expects, or {@code null} if the server did not say.
	 * @return the expected count
	 */
	public @Nullable Integer getExpectedCount() {
		return this.expectedCount;
	}

}
