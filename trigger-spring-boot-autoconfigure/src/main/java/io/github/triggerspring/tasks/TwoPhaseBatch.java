package io.github.triggerspring.tasks;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.http.TriggerResponse;
import io.github.triggerspring.internal.tokens.IssuedTokens;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

/**
 * The SDK's two-phase batch protocol, shared by {@code tasks.batchTrigger} and
 * {@code batch.trigger}: every item is written as its NDJSON line first (in memory, or
 * spooled to a temporary file for a stream), so that the run count and the distinct
 * task identifiers are known, and an item's large payload is uploaded to object storage
 * as its line is written, one at a time; then {@code POST /api/v3/batches} creates the batch and
 * {@code POST /api/v3/batches/{batchId}/items} sends the lines, again while the server
 * answers that the batch is not sealed.
 * <p>
 * Unlike the SDK, which skips the items of a batch that an idempotency key matched
 * ({@code isCached}), the lines are sent for such a batch too: the call that created it
 * may have lost its items, for example when the connection dropped after the server had
 * created the batch and the retried create found it. The server keeps only the items
 * whose index it does not have yet, and refuses the items of a batch that is sealed
 * already, which means that it has them all.
 *
 * @author trigger-spring-boot contributors
 */
final class TwoPhaseBatch {

	/** Most items a batch may have. */
	static final int MAX_ITEMS = 1000;

	/** End of the server's message for items sent to a batch that is sealed already. */
	static final String ALREADY_SEALED = "is already sealed and cannot accept more items";

	private final TriggerHttpClient http;

	private final TriggerWire wire;

	private final TriggerRetryPolicy sealRetry;

	private final PayloadOffload offload;

	private final IssuedTokens tokens;

	TwoPhaseBatch(TriggerHttpClient http, TriggerWire wire, TriggerRetryPolicy sealRetry) {
		this.http = http;
		this.wire = wire;
		this.sealRetry = sealRetry;
		this.offload = new PayloadOffload(http);
		this.tokens = new IssuedTokens(http);
	}

	/**
	 * Triggers a batch whose items are all in memory. Every item is serialized, and
	 * checked, before anything is sent.
	 */
	Mono<BatchResult> trigger(TriggerEndpoint endpoint, List<BatchTaskItem> items, BatchOptions options,
			RequestOptions requestOptions) {
		return Mono.defer(() -> {
			this.wire.validate(options);
			if (items.size() > MAX_ITEMS) {
				throw tooManyItems(items.size());
			}
			SortedSet<String> tasks = new TreeSet<>();
			return Flux.range(0, items.size())
				.concatMap((index) -> line(tasks, index, items.get(index), options, requestOptions))
				.map((line) -> line + "\n")
				.collectList()
				.map((lines) -> new Encoded(requireItems(new BatchLines(lines.size(), Flux.fromIterable(lines))),
						tasks));
		}).flatMap((encoded) -> send(endpoint, encoded, options, requestOptions));
	}

	/**
	 * Triggers a batch from a stream of items, spooled to a temporary file as they
	 * arrive; the file is deleted when the returned {@link Mono} terminates or is
	 * cancelled.
	 */
	Mono<BatchResult> trigger(TriggerEndpoint endpoint, Flux<BatchTaskItem> items, BatchOptions options,
			RequestOptions requestOptions) {
		return Mono.defer(() -> {
			this.wire.validate(options);
			SortedSet<String> tasks = new TreeSet<>();
			return Mono.usingWhen(BatchSpool.create(),
					(spool) -> spool
						.write(items, MAX_ITEMS, (index, item) -> line(tasks, index, item, options, requestOptions))
						.flatMap((lines) -> send(endpoint, new Encoded(requireItems(lines), tasks), options,
								requestOptions)),
					BatchSpool::delete);
		});
	}

	/**
	 * Writes an item as its line, checking it first; a large payload is uploaded to
	 * object storage before its line is written.
	 */
	private Mono<String> line(SortedSet<String> tasks, int index, BatchTaskItem item, BatchOptions options,
			RequestOptions requestOptions) {
		PayloadPacket packet = this.wire.packet(item.payload(), "items[" + index + "].payload");
		String line = this.wire.batchLine(index, item, packet.beforeOffload(), options);
		tasks.add(item.taskId());
		return this.offload.offload(item.taskId(), packet, requestOptions)
			.map((sent) -> (sent == packet) ? line : this.wire.batchLine(index, item, sent, options));
	}

	private static BatchLines requireItems(BatchLines lines) {
		if (lines.count() == 0) {
			throw new TriggerValidationException("items",
					"must not be empty: a batch needs at least one item. Add an item, or skip the call.");
		}
		return lines;
	}

	private static TriggerValidationException tooManyItems(int count) {
		return new TriggerValidationException("items", "has " + count + " items, but a batch may have at most "
				+ MAX_ITEMS + ". Split the items into batches of at most " + MAX_ITEMS + ".");
	}

	private Mono<BatchResult> send(TriggerEndpoint endpoint, Encoded encoded, BatchOptions options,
			RequestOptions requestOptions) {
		BatchLines lines = encoded.lines();
		AuthOptions auth = AuthOptions.concerning(encoded.tasks().toArray(String[]::new));
		return this.tokens
			.exchange(endpoint, auth, requestOptions,
					(authorization) -> TriggerRequest.post("/api/v3/batches")
						.withBody(this.wire.createBatchBody(List.copyOf(encoded.tasks()), lines.count(), options)),
					JsonNode.class, (response) -> List.of("read:batch:" + requiredId(response)))
			.flatMap((issued) -> {
				TriggerResponse<JsonNode> response = issued.response();
				String batchId = requiredId(response);
				JsonNode body = response.body();
				BatchResult result = new BatchResult(batchId, body.path("runCount").asInt(lines.count()),
						isCached(body), issued.publicAccessToken());
				return streamItems(endpoint, auth, batchId, lines, requestOptions).thenReturn(result);
			});
	}

	private Mono<Void> streamItems(TriggerEndpoint endpoint, AuthOptions auth, String batchId, BatchLines lines,
			RequestOptions requestOptions) {
		return this.http
			.exchange(endpoint, auth, requestOptions,
					(authorization) -> TriggerRequest.post("/api/v3/batches/{batchId}/items", batchId)
						.withBodyStream(lines.lines(), MediaType.APPLICATION_NDJSON),
					JsonNode.class)
			.onErrorResume(TwoPhaseBatch::isAlreadySealed, (sealed) -> Mono.empty())
			.flatMap((response) -> response.body().path("sealed").asBoolean(false) ? Mono.<Void>empty()
					: Mono.error(new Unsealed(batchId, response.body())))
			.retryWhen(Retry.max(this.sealRetry.maxAttempts() - 1L)
				.filter(Unsealed.class::isInstance)
				.doBeforeRetryAsync((signal) -> Mono
					.delay(this.sealRetry.backoffWithJitter(signal.totalRetries() + 1, this.http.random()),
							this.http.scheduler())
					.then())
				.onRetryExhaustedThrow((spec, signal) -> ((Unsealed) signal.failure())
					.toException((int) signal.totalRetries() + 1)));
	}

	/**
	 * Whether the server refused the items because the batch is sealed already: it has
	 * every item, sent by an earlier attempt whose answer was lost or by an earlier call
	 * with the same idempotency key ({@code StreamBatchItemsService} answers 422
	 * {@code Batch <id> is already sealed and cannot accept more items}).
	 */
	static boolean isAlreadySealed(Throwable error) {
		return error instanceof TriggerUnprocessableEntityException refused && refused.getError() != null
				&& refused.getError().endsWith(ALREADY_SEALED);
	}

	/** Id of a trigger or batch response, which must have one. */
	static String requiredId(TriggerResponse<JsonNode> response) {
		JsonNode id = response.body().path("id");
		if (!id.isString() || id.asString().isEmpty()) {
			throw new TriggerUnexpectedResponseException(response.status(),
					"The response has no 'id', but one was expected.", null);
		}
		return id.asString();
	}

	/** Whether a trigger or batch response says an idempotency key matched. */
	static boolean isCached(JsonNode body) {
		return body.path("isCached").asBoolean(false);
	}

	/**
	 * A batch's lines and the distinct, sorted identifiers of its tasks.
	 */
	private record Encoded(BatchLines lines, SortedSet<String> tasks) {

	}

	/**
	 * The server answered that a batch is not sealed yet; retried, then turned into a
	 * {@link BatchNotSealedException}.
	 */
	private static final class Unsealed extends RuntimeException {

		private final String batchId;

		private final transient JsonNode body;

		Unsealed(String batchId, JsonNode body) {
			super("Batch " + batchId + " is not sealed", null, false, false);
			this.batchId = batchId;
			this.body = body;
		}

		BatchNotSealedException toException(int attempts) {
			return new BatchNotSealedException(this.batchId, attempts, this.body.path("itemsAccepted").asInt(0),
					this.body.path("itemsDeduplicated").asInt(0), optionalInt("enqueuedCount"),
					optionalInt("expectedCount"));
		}

		private @Nullable Integer optionalInt(String name) {
			JsonNode value = this.body.path(name);
			return value.isNumber() ? value.asInt() : null;
		}

	}

}
