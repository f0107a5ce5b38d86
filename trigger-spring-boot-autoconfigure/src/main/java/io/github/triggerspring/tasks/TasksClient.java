package io.github.triggerspring.tasks;

import java.time.Duration;
import java.util.List;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.tokens.IssuedTokens;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Client for {@code tasks.*}: trigger tasks, one run at a time or in batches, sending
 * what the official SDK 4.x sends from a backend.
 * <p>
 * Payloads: a {@link String} is sent as-is as {@code text/plain}; any other value is
 * written by the application's JSON mapper and sent as the superjson string
 * {@code {"json":<value>}} ({@code application/super+json}); {@code null} sends no
 * payload. As the SDK does, a payload whose serialized UTF-8 size is 128 KiB or more is
 * uploaded to object storage first ({@code PUT /api/v2/packets/{filename}}, then a
 * {@code PUT} to the presigned URL it returns) and sent as its storage path, with
 * {@code payloadType} {@code application/store} and the original {@code payloadSize}.
 * <p>
 * Java values with a JavaScript counterpart reach a TypeScript task as that type, with
 * superjson's {@code meta.values} annotation at the JSON path where the mapper wrote
 * them:
 * <table>
 * <caption>Java values sent with a superjson annotation</caption>
 * <tr><th>Java</th><th>JavaScript</th></tr>
 * <tr><td>{@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
 * {@code java.util.Date}, {@code Calendar}</td><td>{@code Date} (written like
 * {@code toISOString()}, whatever the mapper's date settings)</td></tr>
 * <tr><td>{@code BigInteger}</td><td>{@code bigint}</td></tr>
 * <tr><td>{@code Set}</td><td>{@code Set}</td></tr>
 * <tr><td>{@code Map} with a key not written as a string</td><td>{@code Map}</td></tr>
 * </table>
 * {@code LocalDate}, {@code LocalDateTime} and the other local types name no instant and
 * stay strings. Metadata is always plain JSON, as the SDK sends it.
 * <p>
 * Batches use the two-phase protocol: {@code POST /api/v3/batches} creates the batch,
 * then {@code POST /api/v3/batches/{batchId}/items} streams the items as NDJSON. If the
 * server answers that the batch is not sealed, the whole stream is sent again with
 * backoff (the server deduplicates items by index), and a
 * {@link BatchNotSealedException} is signalled when it never seals.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TasksClient {

	/** Most items a batch may have. */
	public static final int MAX_BATCH_ITEMS = TwoPhaseBatch.MAX_ITEMS;

	/**
	 * The SDK's policy for resending a batch's items: 5 sends in all, waiting
	 * 1 s × 2<sup>n-1</sup>, randomized up to double, capped at 30 s.
	 */
	public static final TriggerRetryPolicy SDK_SEAL_RETRY = new TriggerRetryPolicy(5, Duration.ofSeconds(1),
			Duration.ofSeconds(30), 2, 1);

	private final TriggerHttpClient http;

	private final TriggerWire wire;

	private final PayloadOffload offload;

	private final TwoPhaseBatch batches;

	private final IssuedTokens tokens;

	/**
	 * Creates a client that resends the items of unsealed batches with
	 * {@link #SDK_SEAL_RETRY}.
	 * @param http the HTTP layer
	 */
	public TasksClient(TriggerHttpClient http) {
		this(http, SDK_SEAL_RETRY);
	}

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 * @param sealRetry how many times, and with which waits, the items of a batch are
	 * sent while the server answers that the batch is not sealed
	 */
	public TasksClient(TriggerHttpClient http, TriggerRetryPolicy sealRetry) {
		this.http = http;
		this.wire = new TriggerWire(http.jsonMapper());
		this.offload = new PayloadOffload(http);
		this.batches = new TwoPhaseBatch(http, this.wire, sealRetry);
		this.tokens = new IssuedTokens(http);
	}

	/**
	 * Triggers one run of a task with no options.
	 * @param taskId the task id
	 * @param payload the payload, or {@code null} for none
	 * @return the run
	 */
	public Mono<TriggerResult> trigger(String taskId, @Nullable Object payload) {
		return trigger(taskId, payload, TriggerOptions.none());
	}

	/**
	 * Triggers one run of a task: {@code POST /api/v1/tasks/{taskId}/trigger}.
	 * @param taskId the task id; it is URL-encoded, so a {@code /} is sent as
	 * {@code %2F}
	 * @param payload the payload, or {@code null} for none
	 * @param options the run's options
	 * @return the run
	 */
	public Mono<TriggerResult> trigger(String taskId, @Nullable Object payload, TriggerOptions options) {
		return trigger(taskId, payload, options, RequestOptions.none());
	}

	/**
	 * Triggers one run of a task: {@code POST /api/v1/tasks/{taskId}/trigger}.
	 * @param taskId the task id; it is URL-encoded, so a {@code /} is sent as
	 * {@code %2F}
	 * @param payload the payload, or {@code null} for none
	 * @param options the run's options
	 * @param requestOptions the per-call options
	 * @return the run
	 */
	public Mono<TriggerResult> trigger(String taskId, @Nullable Object payload, TriggerOptions options,
			RequestOptions requestOptions) {
		return Mono.defer(() -> {
			String task = TriggerValidationException.requireText(taskId, "taskId");
			PayloadPacket packet = this.wire.packet(payload, "payload");
			byte[] body = this.wire.triggerBody(packet.beforeOffload(), options);
			if (!PayloadOffload.isRequired(packet)) {
				return send(taskId, body, requestOptions);
			}
			return this.offload.offload(task, packet, requestOptions)
				.flatMap((stored) -> send(taskId, this.wire.triggerBody(stored, options), requestOptions));
		});
	}

	private Mono<TriggerResult> send(String taskId, byte[] body, RequestOptions requestOptions) {
		return this.tokens.exchange(TriggerEndpoint.TASK_TRIGGER, AuthOptions.concerning(taskId), requestOptions,
				(authorization) -> TriggerRequest.post("/api/v1/tasks/{taskId}/trigger", taskId).withBody(body),
				JsonNode.class, (response) -> List.of("read:runs:" + TwoPhaseBatch.requiredId(response)),
				IssuedTokens.SELF_SIGNED_EXPIRY, (response, token) -> new TriggerResult(
						TwoPhaseBatch.requiredId(response), TwoPhaseBatch.isCached(response.body()), token));
	}

	/**
	 * Triggers a batch of runs of one task, with no batch options.
	 * @param taskId the task id
	 * @param items the runs, 1 to {@value #MAX_BATCH_ITEMS}
	 * @return the batch
	 */
	public Mono<BatchResult> batchTrigger(String taskId, List<BatchItem> items) {
		return batchTrigger(taskId, items, BatchOptions.none());
	}

	/**
	 * Triggers a batch of runs of one task. Every item is serialized, and checked,
	 * before anything is sent.
	 * @param taskId the task id
	 * @param items the runs, 1 to {@value #MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @return the batch
	 */
	public Mono<BatchResult> batchTrigger(String taskId, List<BatchItem> items, BatchOptions options) {
		return batchTrigger(taskId, items, options, RequestOptions.none());
	}

	/**
	 * Triggers a batch of runs of one task. Every item is serialized, and checked,
	 * before anything is sent.
	 * @param taskId the task id
	 * @param items the runs, 1 to {@value #MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @param requestOptions the per-call options, applied to both phases
	 * @return the batch
	 */
	public Mono<BatchResult> batchTrigger(String taskId, List<BatchItem> items, BatchOptions options,
			RequestOptions requestOptions) {
		return Mono.defer(() -> {
			TriggerValidationException.requireText(taskId, "taskId");
			return this.batches.trigger(TriggerEndpoint.TASK_BATCH_TRIGGER,
					items.stream().map((item) -> toTaskItem(taskId, item)).toList(), options, requestOptions);
		});
	}

	/**
	 * Triggers a batch of runs of one task from a stream of items, with no batch
	 * options.
	 * @param taskId the task id
	 * @param items the runs, 1 to {@value #MAX_BATCH_ITEMS}
	 * @return the batch
	 * @see #batchTrigger(String, Flux, BatchOptions)
	 */
	public Mono<BatchResult> batchTrigger(String taskId, Flux<BatchItem> items) {
		return batchTrigger(taskId, items, BatchOptions.none());
	}

	/**
	 * Triggers a batch of runs of one task from a stream of items. The batch's run
	 * count must be sent first, so each item is serialized to its NDJSON line as it
	 * arrives and written to a temporary file; memory use does not grow with the
	 * payloads. The file is read again for each send of the items and deleted when the
	 * returned {@link Mono} terminates or is cancelled. An item that breaks a rule, or
	 * item {@value #MAX_BATCH_ITEMS} + 1, cancels the stream and fails the call before
	 * anything is sent.
	 * @param taskId the task id
	 * @param items the runs, 1 to {@value #MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @return the batch
	 */
	public Mono<BatchResult> batchTrigger(String taskId, Flux<BatchItem> items, BatchOptions options) {
		return batchTrigger(taskId, items, options, RequestOptions.none());
	}

	/**
	 * Triggers a batch of runs of one task from a stream of items. The batch's run
	 * count must be sent first, so each item is serialized to its NDJSON line as it
	 * arrives and written to a temporary file; memory use does not grow with the
	 * payloads. The file is read again for each send of the items and deleted when the
	 * returned {@link Mono} terminates or is cancelled. An item that breaks a rule, or
	 * item {@value #MAX_BATCH_ITEMS} + 1, cancels the stream and fails the call before
	 * anything is sent.
	 * @param taskId the task id
	 * @param items the runs, 1 to {@value #MAX_BATCH_ITEMS}
	 * @param options the batch's options
	 * @param requestOptions the per-call options, applied to both phases
	 * @return the batch
	 */
	public Mono<BatchResult> batchTrigger(String taskId, Flux<BatchItem> items, BatchOptions options,
			RequestOptions requestOptions) {
		return Mono.defer(() -> {
			TriggerValidationException.requireText(taskId, "taskId");
			return this.batches.trigger(TriggerEndpoint.TASK_BATCH_TRIGGER,
					items.map((item) -> toTaskItem(taskId, item)), options, requestOptions);
		});
	}

	private static BatchTaskItem toTaskItem(String taskId, BatchItem item) {
		return new BatchTaskItem(taskId, item.payload(), item.options());
	}

}
