package io.github.triggerspring.tasks;

import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.realtime.RealtimeSubscriptions;
import io.github.triggerspring.realtime.RealtimeRun;
import io.github.triggerspring.realtime.SubscribeOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Client for {@code batch.*}: triggers batches whose items go to different tasks,
 * retrieves batches and subscribes to their runs in realtime.
 * <p>
 * {@code batch.trigger} uses the same two-phase protocol as
 * {@link TasksClient#batchTrigger(String, List, BatchOptions) tasks.batchTrigger}, with
 * the same payload serialization, limits, idempotency keys and resending of unsealed
 * batches; the created batch lists every distinct task of its items.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class BatchesClient {

	private final TriggerHttpClient http;

	private final TwoPhaseBatch batches;

	private final RealtimeSubscriptions realtime;

	/**
	 * Creates a client that resends the items of unsealed batches with
	 * {@link TasksClient#SDK_SEAL_RETRY}.
	 * @param http the HTTP layer
	 */
	public BatchesClient(TriggerHttpClient http) {
		this(http, TasksClient.SDK_SEAL_RETRY);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 * @param sealRetry how many times, and with which waits, the items of a batch are
	 * sent while the server answers that the batch is not sealed
	 */
	public BatchesClient(TriggerHttpClient http, TriggerRetryPolicy sealRetry) {
		this.http = http;
		this.batches = new TwoPhaseBatch(http, new TriggerWire(http.jsonMapper()), sealRetry);
		this.realtime = new RealtimeSubscriptions(http);
	}

	/**
	 * Triggers a batch of runs of several tasks, with no batch options.
	 * @param items the runs, each naming its task, 1 to
	 * {@value TasksClient#MAX_BATCH_ITEMS}
	 * @return the batch
	 */
	public Mono<BatchResult> trigger(List<BatchTaskItem> items) {
		return trigger(items, BatchOptions.none());
	}

	/**
	 * Triggers a batch of runs of several tasks. Every item is serialized, and checked,
	 * before anything is sent.
	 * @param items the runs, each naming its task, 1 to
	 * {@value TasksClient#MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @return the batch
	 */
	public Mono<BatchResult> trigger(List<BatchTaskItem> items, BatchOptions options) {
		return trigger(items, options, RequestOptions.none());
	}

	/**
	 * Triggers a batch of runs of several tasks. Every item is serialized, and checked,
	 * before anything is sent.
	 * @param items the runs, each naming its task, 1 to
	 * {@value TasksClient#MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @param requestOptions the per-call options, applied to both phases
	 * @return the batch
	 */
	public Mono<BatchResult> trigger(List<BatchTaskItem> items, BatchOptions options,
			RequestOptions requestOptions) {
		return this.batches.trigger(TriggerEndpoint.BATCH_TRIGGER, items, options, requestOptions);
	}

	/**
	 * Triggers a batch of runs of several tasks from a stream of items, with no batch
	 * options.
	 * @param items the runs, each naming its task, 1 to
	 * {@value TasksClient#MAX_BATCH_ITEMS}
	 * @return the batch
	 * @see #trigger(Flux, BatchOptions)
	 */
	public Mono<BatchResult> trigger(Flux<BatchTaskItem> items) {
		return trigger(items, BatchOptions.none());
	}

	/**
	 * Triggers a batch of runs of several tasks from a stream of items. As with
	 * {@link TasksClient#batchTrigger(String, Flux, BatchOptions)}, each item is
	 * serialized to its NDJSON line as it arrives and written to a temporary file, which
	 * is deleted when the returned {@link Mono} terminates or is cancelled; an item that
	 * breaks a rule fails the call before anything is sent.
	 * @param items the runs, each naming its task, 1 to
	 * {@value TasksClient#MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @return the batch
	 */
	public Mono<BatchResult> trigger(Flux<BatchTaskItem> items, BatchOptions options) {
		return trigger(items, options, RequestOptions.none());
	}

	/**
	 * Triggers a batch of runs of several tasks from a stream of items. As with
	 * {@link TasksClient#batchTrigger(String, Flux, BatchOptions)}, each item is
	 * serialized to its NDJSON line as it arrives and written to a temporary file, which
	 * is deleted when the returned {@link Mono} terminates or is cancelled; an item that
	 * breaks a rule fails the call before anything is sent.
	 * @param items the runs, each naming its task, 1 to
	 * {@value TasksClient#MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @param requestOptions the per-call options, applied to both phases
	 * @return the batch
	 */
	public Mono<BatchResult> trigger(Flux<BatchTaskItem> items, BatchOptions options,
			RequestOptions requestOptions) {
		return this.batches.trigger(TriggerEndpoint.BATCH_TRIGGER, items, options, requestOptions);
	}

	/**
	 * Retrieves a batch: its status, the ids of its runs and its processing errors.
	 * @param batchId the batch id ({@code batch_…})
	 * @return the batch
	 */
	public Mono<Batch> retrieve(String batchId) {
		return retrieve(batchId, RequestOptions.none());
	}

	/**
	 * Retrieves a batch: {@code GET /api/v2/batches/{batchId}}.
	 * @param batchId the batch id ({@code batch_…})
	 * @param options the per-call options
	 * @return the batch
	 */
	public Mono<Batch> retrieve(String batchId, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.BATCH_RETRIEVE, AuthOptions.concerning(batchId), options,
				(authorization) -> TriggerRequest.get("/api/v2/batches/{batchId}",
						TriggerValidationException.requireText(batchId, "batchId")),
				Batch.class);
	}

	/**
	 * Subscribes to the runs of a batch (the SDK's {@code runs.subscribeToBatch}): their
	 * current states first, then one full state per change of any of them. It never
	 * completes on its own. See the README's "Realtime" section for reconnection and
	 * backpressure.
	 * @param batchId the batch id ({@code batch_…})
	 * @return the runs' states
	 */
	public Flux<RealtimeRun> subscribe(String batchId) {
		return subscribe(batchId, SubscribeOptions.defaults());
	}

	/**
	 * Subscribes to the runs of a batch (the SDK's {@code runs.subscribeToBatch}).
	 * @param batchId the batch id
	 * @param options columns to skip
	 * @return the runs' states
	 */
	public Flux<RealtimeRun> subscribe(String batchId, SubscribeOptions options) {
		return subscribe(batchId, options, RequestOptions.none());
	}

	/**
	 * Subscribes to the runs of a batch (the SDK's {@code runs.subscribeToBatch}).
	 * @param batchId the batch id
	 * @param options columns to skip
	 * @param requestOptions the per-call options of every request; their credential may
	 * be a public access token with {@code read:batch:<batchId>}, {@code read:batch} or
	 * {@code read:runs}
	 * @return the runs' states
	 */
	public Flux<RealtimeRun> subscribe(String batchId, SubscribeOptions options, RequestOptions requestOptions) {
		return Flux.defer(() -> this.realtime.subscribe(TriggerEndpoint.RUNS_SUBSCRIBE_TO_BATCH,
				AuthOptions.concerning(batchId), "/realtime/v1/batches/{batchId}",
				TriggerValidationException.requireText(batchId, "batchId"),
				Map.of(), options, false, requestOptions));
	}

}
