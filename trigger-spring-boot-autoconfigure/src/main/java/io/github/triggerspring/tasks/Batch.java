package io.github.triggerspring.tasks;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A batch as {@code batch.retrieve} returns it ({@code GET /api/v2/batches/{batchId}}).
 *
 * @param id id of the batch ({@code batch_…})
 * @param status the status
 * @param idempotencyKey the batch's hashed idempotency key, if it has one
 * @param createdAt when the batch was created
 * @param updatedAt when the batch last changed
 * @param runCount number of runs the batch was created for
 * @param runs ids of the runs created so far, in item order
 * @param processing how the processing of the items went
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Batch(String id, BatchStatus status, @Nullable String idempotencyKey, @Nullable Instant createdAt,
		@Nullable Instant updatedAt, int runCount, List<String> runs, @Nullable Processing processing) {

	/**
	 * Creates a batch, reading missing lists as empty.
	 * @param id id of the batch
	 * @param status the status
	 * @param idempotencyKey the hashed idempotency key, or {@code null}
	 * @param createdAt when the batch was created
	 * @param updatedAt when the batch last changed
	 * @param runCount number of runs
	 * @param runs ids of the runs
	 * @param processing the processing state, or {@code null}
	 */
	public Batch {
		runs = (runs != null) ? List.copyOf(runs) : List.of();
	}

	/**
	 * How the processing of a batch's items went.
	 *
	 * @param completedAt when every item was processed, or {@code null}
	 * @param errors the items that could not become runs
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Processing(@Nullable Instant completedAt, List<ProcessingError> errors) {

		/**
		 * Creates a processing state, reading a missing list as empty.
		 * @param completedAt when every item was processed
		 * @param errors the items that could not become runs
		 */
		public Processing {
			errors = (errors != null) ? List.copyOf(errors) : List.of();
		}

	}

	/**
	 * An item of a batch that could not become a run.
	 *
	 * @param index index of the item in the batch
	 * @param taskIdentifier the item's task
	 * @param error what went wrong
	 * @param errorCode a code for the error, if the server gave one
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ProcessingError(int index, String taskIdentifier, String error, @Nullable String errorCode) {

	}

}
