package io.github.triggerspring.queues;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerEngineVersionException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.paging.AutoPaging;
import io.github.triggerspring.paging.OffsetPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Client for {@code queues.*}: list and retrieve the queues of an environment, pause and
 * resume them, and override or reset their concurrency limits.
 * <p>
 * Every call needs a secret key; it manages the queues of the key's environment. The
 * queue endpoints work only in environments on Run Engine V2: in an environment on V1
 * every call signals {@link TriggerEngineVersionException}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class QueuesClient {

	/** Highest concurrency limit the API accepts. */
	public static final int MAX_CONCURRENCY_LIMIT = 100_000;

	private static final String QUEUES_PATH = "/api/v1/queues";

	private static final String QUEUE_PATH = QUEUES_PATH + "/{queue}";

	private static final ParameterizedTypeReference<OffsetPage<Queue>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public QueuesClient(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Every queue, in pages of the server's default size (25), fetching each page only
	 * when it is demanded.
	 * @return the queues
	 */
	public Flux<Queue> list() {
		return list(RequestOptions.none());
	}

	/**
	 * Every queue, in pages of the server's default size (25), fetching each page only
	 * when it is demanded.
	 * @param options the per-call options, applied to each page
	 * @return the queues
	 */
	public Flux<Queue> list(RequestOptions options) {
		return AutoPaging.byOffset((page) -> fetchPage(firstOmitted(page), null, options));
	}

	/**
	 * Every queue, in pages of the given size, fetching each page only when it is
	 * demanded.
	 * @param perPage the page size, from 1 to 100
	 * @return the queues
	 */
	public Flux<Queue> list(int perPage) {
		return list(perPage, RequestOptions.none());
	}

	/**
	 * Every queue, in pages of the given size, fetching each page only when it is
	 * demanded.
	 * @param perPage the page size, from 1 to 100
	 * @param options the per-call options, applied to each page
	 * @return the queues
	 */
	public Flux<Queue> list(int perPage, RequestOptions options) {
		return AutoPaging.byOffset((page) -> fetchPage(firstOmitted(page), perPage, options));
	}

	/**
	 * One page of queues, with the page numbers.
	 * @param page the page number, from 1
	 * @param perPage the page size, from 1 to 100
	 * @return the page
	 */
	public Mono<OffsetPage<Queue>> listPage(int page, int perPage) {
		return listPage(page, perPage, RequestOptions.none());
	}

	/**
	 * One page of queues, with the page numbers.
	 * @param page the page number, from 1
	 * @param perPage the page size, from 1 to 100
	 * @param options the per-call options
	 * @return the page
	 */
	public Mono<OffsetPage<Queue>> listPage(int page, int perPage, RequestOptions options) {
		return fetchPage(page, perPage, options);
	}

	/**
	 * Retrieves a queue.
	 * @param queue the queue, by id, task or custom name
	 * @return the queue
	 */
	public Mono<Queue> retrieve(QueueRef queue) {
		return retrieve(queue, RequestOptions.none());
	}

	/**
	 * Retrieves a queue.
	 * @param queue the queue, by id, task or custom name
	 * @param options the per-call options
	 * @return the queue
	 */
	public Mono<Queue> retrieve(QueueRef queue, RequestOptions options) {
		return call(TriggerEndpoint.QUEUES_RETRIEVE, options, () -> TriggerRequest
			.get(QUEUE_PATH, segment(queue))
			.withQuery(Map.of("type", queue.kind().wireValue())));
	}

	/**
	 * Pauses a queue: no new runs start from it, runs already executing continue.
	 * @param queue the queue, by id, task or custom name
	 * @return the paused queue
	 */
	public Mono<Queue> pause(QueueRef queue) {
		return pause(queue, RequestOptions.none());
	}

	/**
	 * Pauses a queue: no new runs start from it, runs already executing continue.
	 * @param queue the queue, by id, task or custom name
	 * @param options the per-call options
	 * @return the paused queue
	 */
	public Mono<Queue> pause(QueueRef queue, RequestOptions options) {
		return call(TriggerEndpoint.QUEUES_PAUSE, options, () -> TriggerRequest
			.post(QUEUE_PATH + "/pause", segment(queue))
			.withBody(QueueCommand.pause(queue, true)));
	}

	/**
	 * Resumes a paused queue.
	 * @param queue the queue, by id, task or custom name
	 * @return the resumed queue
	 */
	public Mono<Queue> resume(QueueRef queue) {
		return resume(queue, RequestOptions.none());
	}

	/**
	 * Resumes a paused queue.
	 * @param queue the queue, by id, task or custom name
	 * @param options the per-call options
	 * @return the resumed queue
	 */
	public Mono<Queue> resume(QueueRef queue, RequestOptions options) {
		return call(TriggerEndpoint.QUEUES_RESUME, options, () -> TriggerRequest
			.post(QUEUE_PATH + "/pause", segment(queue))
			.withBody(QueueCommand.pause(queue, false)));
	}

	/**
	 * Overrides the concurrency limit of a queue, until it is reset. The server refuses a
	 * limit above the environment's maximum concurrency with a 400.
	 * @param queue the queue, by id, task or custom name
	 * @param concurrencyLimit the new limit, from 0 to {@value #MAX_CONCURRENCY_LIMIT}
	 * @return the queue with its new limit
	 */
	public Mono<Queue> overrideConcurrencyLimit(QueueRef queue, int concurrencyLimit) {
		return overrideConcurrencyLimit(queue, concurrencyLimit, RequestOptions.none());
	}

	/**
	 * Overrides the concurrency limit of a queue, until it is reset. The server refuses a
	 * limit above the environment's maximum concurrency with a 400.
	 * @param queue the queue, by id, task or custom name
	 * @param concurrencyLimit the new limit, from 0 to {@value #MAX_CONCURRENCY_LIMIT}
	 * @param options the per-call options
	 * @return the queue with its new limit
	 */
	public Mono<Queue> overrideConcurrencyLimit(QueueRef queue, int concurrencyLimit, RequestOptions options) {
		return call(TriggerEndpoint.QUEUES_OVERRIDE_CONCURRENCY_LIMIT, options, () -> {
			String segment = segment(queue);
			if (concurrencyLimit < 0 || concurrencyLimit > MAX_CONCURRENCY_LIMIT) {
				throw new TriggerValidationException("concurrencyLimit", "must be between 0 and "
						+ MAX_CONCURRENCY_LIMIT + ", but was " + concurrencyLimit
						+ ". Pass a limit in that range (0 lets no run start), or resetConcurrencyLimit(...) to"
						+ " return to the limit defined in code.");
			}
			return TriggerRequest.post(QUEUE_PATH + "/concurrency/override", segment)
				.withBody(QueueCommand.overrideConcurrencyLimit(queue, concurrencyLimit));
		});
	}

	/**
	 * Resets the concurrency limit of a queue to the one defined in code. The server
	 * answers 400 when the limit is not overridden.
	 * @param queue the queue, by id, task or custom name
	 * @return the queue with its base limit
	 */
	public Mono<Queue> resetConcurrencyLimit(QueueRef queue) {
		return resetConcurrencyLimit(queue, RequestOptions.none());
	}

	/**
	 * Resets the concurrency limit of a queue to the one defined in code. The server
	 * answers 400 when the limit is not overridden.
	 * @param queue the queue, by id, task or custom name
	 * @param options the per-call options
	 * @return the queue with its base limit
	 */
	public Mono<Queue> resetConcurrencyLimit(QueueRef queue, RequestOptions options) {
		return call(TriggerEndpoint.QUEUES_RESET_CONCURRENCY_LIMIT, options, () -> TriggerRequest
			.post(QUEUE_PATH + "/concurrency/reset", segment(queue))
			.withBody(QueueCommand.resetConcurrencyLimit(queue)));
	}

	private Mono<Queue> call(TriggerEndpoint endpoint, RequestOptions options, RequestBuilder request) {
		return engineVersion(endpoint,
				this.http.retrieve(endpoint, AuthOptions.DEFAULT, options, (authorization) -> request.build(),
						Queue.class));
	}

	private Mono<OffsetPage<Queue>> fetchPage(@Nullable Integer page, @Nullable Integer perPage,
			RequestOptions options) {
		return engineVersion(TriggerEndpoint.QUEUES_LIST, this.http.retrieve(TriggerEndpoint.QUEUES_LIST,
				AuthOptions.DEFAULT, options, (authorization) -> {
					TriggerValidationException.checkPageSize(perPage, "perPage");
					if (page != null && page < 1) {
						throw new TriggerValidationException("page",
								"must be 1 or more, but was " + page + ". Pages are numbered from 1.");
					}
					Map<String, @Nullable Integer> query = new LinkedHashMap<>();
					query.put("perPage", perPage);
					query.put("page", page);
					return TriggerRequest.get(QUEUES_PATH).withQuery(query);
				}, PAGE));
	}

	/**
	 * The first page is asked for without a page number, as the official SDK does.
	 */
	private static @Nullable Integer firstOmitted(int page) {
		return (page > 1) ? page : null;
	}

	private static String segment(@Nullable QueueRef queue) {
		if (queue == null) {
			throw new TriggerValidationException("queue",
					"is required. Name the queue with QueueRef.id(...), QueueRef.task(...) or QueueRef.custom(...).");
		}
		TriggerValidationException.requireText(queue.name(), "queue.name");
		return queue.pathSegment();
	}

	/**
	 * Turns the server's {@code 400 {"error":"engine-version"}} into an exception that
	 * says what to do.
	 */
	private static <T> Mono<T> engineVersion(TriggerEndpoint endpoint, Mono<T> call) {
		return call.onErrorMap(
				(ex) -> ex instanceof TriggerBadRequestException badRequest
						&& TriggerEngineVersionException.ERROR.equals(badRequest.getError()),
				(ex) -> new TriggerEngineVersionException(endpoint.id(), ((TriggerBadRequestException) ex).getStatus(),
						((TriggerBadRequestException) ex).getHeaders()));
	}

	/**
	 * Builds a request once the call is authorized; a validation failure thrown here is
	 * signalled and nothing is sent.
	 */
	@FunctionalInterface
	private interface RequestBuilder {

		TriggerRequest build();

	}

}
