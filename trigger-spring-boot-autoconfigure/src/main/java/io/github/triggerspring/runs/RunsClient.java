package io.github.triggerspring.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.paging.AutoPaging;
import io.github.triggerspring.internal.realtime.RealtimeSubscriptions;
import io.github.triggerspring.paging.CursorPage;
import io.github.triggerspring.realtime.RealtimeRun;
import io.github.triggerspring.realtime.SubscribeOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Client for {@code runs.*}: list, retrieve (downloading offloaded payloads and outputs),
 * wait for, cancel, replay and reschedule runs, change their tags and metadata, and
 * subscribe to their changes in realtime.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class RunsClient {

	private static final ParameterizedTypeReference<CursorPage<RunSummary>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final TriggerHttpClient http;

	private final RunsWire wire;

	private final RealtimeSubscriptions realtime;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public RunsClient(TriggerHttpClient http) {
		this.http = http;
		this.wire = new RunsWire(http.jsonMapper());
		this.realtime = new RealtimeSubscriptions(http);
	}

	/**
	 * Every run, newest first, fetching pages as they are demanded.
	 * @return the runs
	 */
	public Flux<RunSummary> list() {
		return list(ListRunsRequest.all());
	}

	/**
	 * Runs that match the request, newest first, fetching pages as they are demanded.
	 * @param request the filters
	 * @return the runs
	 */
	public Flux<RunSummary> list(ListRunsRequest request) {
		return list(request, RequestOptions.none());
	}

	/**
	 * Runs that match the request, newest first, fetching pages as they are demanded.
	 * @param request the filters
	 * @param options the per-call options, applied to each page
	 * @return the runs
	 */
	public Flux<RunSummary> list(ListRunsRequest request, RequestOptions options) {
		return AutoPaging
			.byCursor((cursor) -> listPage((cursor != null) ? request.after(cursor) : request, options));
	}

	/**
	 * One page of runs, with the cursors of its neighbours.
	 * @param request the filters, page size and cursor
	 * @return the page
	 */
	public Mono<CursorPage<RunSummary>> listPage(ListRunsRequest request) {
		return listPage(request, RequestOptions.none());
	}

	/**
	 * One page of runs, with the cursors of its neighbours.
	 * @param request the filters, page size and cursor
	 * @param options the per-call options
	 * @return the page
	 */
	public Mono<CursorPage<RunSummary>> listPage(ListRunsRequest request, RequestOptions options) {
		return Mono.defer(() -> this.http.retrieve(TriggerEndpoint.RUNS_LIST, request.authOptions(), options,
				(authorization) -> {
					request.validate();
					return listRequest(authorization, request);
				}, PAGE));
	}

	private static TriggerRequest listRequest(CallAuthorization authorization, ListRunsRequest request) {
		if (authorization.credential() == CredentialKind.PERSONAL_ACCESS_TOKEN) {
			return TriggerRequest.get("/api/v1/projects/{projectRef}/runs", authorization.requiredProjectRef())
				.withQuery(request.query(authorization.requiredEnvironment()));
		}
		return TriggerRequest.get("/api/v1/runs").withQuery(request.query(null));
	}

	/**
	 * Retrieves a run with its payload and output.
	 * @param runId the run id
	 * @return the run
	 */
	public Mono<Run> retrieve(String runId) {
		return retrieve(runId, RequestOptions.none());
	}

	/**
	 * Retrieves a run with its payload and output.
	 * @param runId the run id
	 * @param options the per-call options
	 * @return the run
	 */
	public Mono<Run> retrieve(String runId, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.RUNS_RETRIEVE, AuthOptions.concerning(runId), options,
					(authorization) -> TriggerRequest.get("/api/v3/runs/{runId}",
							TriggerValidationException.requireText(runId, "runId")),
					Run.class)
			.flatMap((run) -> resolvePackets(run, options));
	}

	/**
	 * Downloads an offloaded payload, then an offloaded output, from their presigned URLs,
	 * without any credential, as the SDK's {@code resolvePayloadAndOutputUrls} does.
	 */
	private Mono<Run> resolvePackets(Run run, RequestOptions options) {
		if (run.payloadPresignedUrl() == null && run.outputPresignedUrl() == null) {
			return Mono.just(run);
		}
		Mono<Optional<JsonNode>> payload = packet(run.payload(), run.payloadPresignedUrl(), options);
		Mono<Optional<JsonNode>> output = packet(run.output(), run.outputPresignedUrl(), options);
		return payload.flatMap((resolvedPayload) -> output
			.map((resolvedOutput) -> run.withPackets(resolvedPayload.orElse(null), resolvedOutput.orElse(null))));
	}

	private Mono<Optional<JsonNode>> packet(@Nullable JsonNode inline, @Nullable String presignedUrl,
			RequestOptions options) {
		if (inline != null || presignedUrl == null) {
			return Mono.just(Optional.ofNullable(inline));
		}
		return this.http.download(presignedUrl, options).map((download) -> Optional.of(RunsWire.packetOf(download)));
	}

	/**
	 * Waits until a run reaches a final status (see {@link RunStatus#isFinal()}), like the
	 * SDK's {@code runs.poll}: retrieves it every second, for at most 10 minutes.
	 * @param runId the run id
	 * @return the finished run; {@link RunWaitTimeoutException} when the wait is over
	 */
	public Mono<Run> waitForCompletion(String runId) {
		return waitForCompletion(runId, WaitOptions.defaults());
	}

	/**
	 * Waits until a run reaches a final status (see {@link RunStatus#isFinal()}), like the
	 * SDK's {@code runs.poll}.
	 * @param runId the run id
	 * @param wait the poll interval and the maximum wait
	 * @return the finished run; {@link RunWaitTimeoutException} when the wait is over
	 */
	public Mono<Run> waitForCompletion(String runId, WaitOptions wait) {
		return waitForCompletion(runId, wait, RequestOptions.none());
	}

	/**
	 * Waits until a run reaches a final status (see {@link RunStatus#isFinal()}), like the
	 * SDK's {@code runs.poll}. Each retrieval is a {@link #retrieve(String, RequestOptions)}
	 * with its own retries; the waits run on the HTTP client's scheduler and hold no
	 * thread, and cancelling the subscription stops the polling.
	 * @param runId the run id
	 * @param wait the poll interval and the maximum wait
	 * @param options the per-call options of each retrieval
	 * @return the finished run; {@link RunWaitTimeoutException} when the wait is over
	 */
	public Mono<Run> waitForCompletion(String runId, WaitOptions wait, RequestOptions options) {
		return Mono.defer(() -> {
			if (wait == null) {
				return Mono.error(new TriggerValidationException("waitOptions", "is null. Pass WaitOptions.defaults()."));
			}
			return RunPolling.untilFinished(runId, () -> retrieve(runId, options), wait, this.http.scheduler());
		});
	}

	/**
	 * Cancels a run. A run that already finished stays as it is.
	 * @param runId the run id
	 * @return the id of the canceled run
	 */
	public Mono<String> cancel(String runId) {
		return cancel(runId, RequestOptions.none());
	}

	/**
	 * Cancels a run. A run that already finished stays as it is.
	 * @param runId the run id
	 * @param options the per-call options
	 * @return the id of the canceled run
	 */
	public Mono<String> cancel(String runId, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.RUNS_CANCEL, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest.post("/api/v2/runs/{runId}/cancel",
							TriggerValidationException.requireText(runId, "runId")),
					RunId.class)
			.map(RunId::id);
	}

	/**
	 * Replays a run: triggers a new run of the same task with the same payload.
	 * @param runId the id of the run to replay
	 * @return the id of the new run
	 */
	public Mono<String> replay(String runId) {
		return replay(runId, RequestOptions.none());
	}

	/**
	 * Replays a run: triggers a new run of the same task with the same payload.
	 * @param runId the id of the run to replay
	 * @param options the per-call options
	 * @return the id of the new run
	 */
	public Mono<String> replay(String runId, RequestOptions options) {
		return replay(runId, ReplayOptions.none(), options);
	}

	/**
	 * Replays a run with changes: a new payload, tags, metadata, queue, delay and the
	 * other options of SDK 4.8.3's {@code runs.replay}. What is left out is copied.
	 * @param runId the id of the run to replay
	 * @param replay what the new run changes
	 * @return the id of the new run
	 */
	public Mono<String> replay(String runId, ReplayOptions replay) {
		return replay(runId, replay, RequestOptions.none());
	}

	/**
	 * Replays a run with changes: a new payload, tags, metadata, queue, delay and the
	 * other options of SDK 4.8.3's {@code runs.replay}. What is left out is copied.
	 * @param runId the id of the run to replay
	 * @param replay what the new run changes; {@link ReplayOptions#none()} sends no body
	 * @param options the per-call options
	 * @return the id of the new run
	 */
	public Mono<String> replay(String runId, ReplayOptions replay, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.RUNS_REPLAY, AuthOptions.DEFAULT, options, (authorization) -> {
			TriggerRequest request = TriggerRequest.post("/api/v1/runs/{runId}/replay",
					TriggerValidationException.requireText(runId, "runId"));
			ObjectNode body = this.wire.replayBody(replay);
			return (body != null) ? request.withBody(body) : request;
		}, RunId.class).map(RunId::id);
	}

	/**
	 * Moves the start of a delayed run.
	 * @param runId the run id
	 * @param delay the new delay from now, a duration such as {@code 30m}, {@code 1h30m}
	 * or {@code 2d}
	 * @return the rescheduled run
	 */
	public Mono<Run> reschedule(String runId, String delay) {
		return reschedule(runId, delay, RequestOptions.none());
	}

	/**
	 * Moves the start of a delayed run.
	 * @param runId the run id
	 * @param delay the new delay from now, a duration such as {@code 30m}, {@code 1h30m}
	 * or {@code 2d}
	 * @param options the per-call options
	 * @return the rescheduled run; a run that is not delayed signals
	 * {@link TriggerBadRequestException} (or {@link TriggerUnprocessableEntityException})
	 * saying so
	 */
	public Mono<Run> reschedule(String runId, String delay, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.RUNS_RESCHEDULE, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest
						.post("/api/v1/runs/{runId}/reschedule", TriggerValidationException.requireText(runId, "runId"))
						.withBody(RunsWire.rescheduleBody(delay)),
					Run.class)
			.onErrorMap(TriggerApiException.class, RunsClient::rescheduleFailure);
	}

	/**
	 * Moves the start of a delayed run to an instant.
	 * @param runId the run id
	 * @param until the new start, sent as an ISO-8601 string with milliseconds
	 * @return the rescheduled run
	 */
	public Mono<Run> reschedule(String runId, Instant until) {
		return reschedule(runId, until, RequestOptions.none());
	}

	/**
	 * Moves the start of a delayed run to an instant.
	 * @param runId the run id
	 * @param until the new start, sent as an ISO-8601 string with milliseconds
	 * @param options the per-call options
	 * @return the rescheduled run
	 */
	public Mono<Run> reschedule(String runId, Instant until, RequestOptions options) {
		return Mono.defer(() -> {
			if (until == null) {
				return Mono.error(new TriggerValidationException("until", "is null. Pass the instant the run "
						+ "should start at, or a duration such as '1h'."));
			}
			return reschedule(runId, RunsWire.isoMillis(until), options);
		});
	}

	private static Throwable rescheduleFailure(TriggerApiException ex) {
		String hint = "Only a run in the DELAYED state can be rescheduled (check Run.status()), and the delay must "
				+ "be a duration such as '30m' or a future instant";
		return switch (ex.getStatus()) {
			case 400 -> new TriggerBadRequestException(400, ex.getError(), ex.getHeaders(), hint);
			case 422 -> new TriggerUnprocessableEntityException(422, ex.getError(), ex.getHeaders(), hint);
			default -> ex;
		};
	}

	/**
	 * Adds tags to a run. Tags it already has are ignored.
	 * @param runId the run id
	 * @param tags the tags, at most 10 of at most 128 characters each
	 * @return the server's message, for example {@code Successfully set 2 new tags.}
	 */
	public Mono<String> addTags(String runId, List<String> tags) {
		return addTags(runId, tags, RequestOptions.none());
	}

	/**
	 * Adds tags to a run. Tags it already has are ignored.
	 * @param runId the run id
	 * @param tags the tags, at most 10 of at most 128 characters each
	 * @param options the per-call options
	 * @return the server's message; more than 10 tags in all signals
	 * {@link TriggerUnprocessableEntityException}
	 */
	public Mono<String> addTags(String runId, List<String> tags, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.RUNS_ADD_TAGS, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest
						.post("/api/v1/runs/{runId}/tags", TriggerValidationException.requireText(runId, "runId"))
						.withBody(RunsWire.tagsBody(tags)),
					RunsWire.TagsAnswer.class)
			.map(RunsWire.TagsAnswer::message);
	}

	/**
	 * Reads a run's metadata.
	 * @param runId the run id
	 * @return the metadata, empty when the run has none
	 */
	public Mono<Map<String, Object>> retrieveMetadata(String runId) {
		return retrieveMetadata(runId, RequestOptions.none());
	}

	/**
	 * Reads a run's metadata.
	 * @param runId the run id
	 * @param options the per-call options
	 * @return the metadata, empty when the run has none
	 */
	public Mono<Map<String, Object>> retrieveMetadata(String runId, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.RUNS_RETRIEVE_METADATA, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest.get("/api/v1/runs/{runId}/metadata",
							TriggerValidationException.requireText(runId, "runId")),
					RunsWire.MetadataPacket.class)
			.map(RunsWire::metadataOf);
	}

	/**
	 * Replaces a run's metadata or applies operations to it. Values are written with the
	 * application's {@code JsonMapper}.
	 * @param runId the run id
	 * @param update the new metadata or the operations
	 * @return the run's metadata after the update
	 */
	public Mono<Map<String, Object>> updateMetadata(String runId, MetadataUpdate update) {
		return updateMetadata(runId, update, RequestOptions.none());
	}

	/**
	 * Replaces a run's metadata or applies operations to it. Values are written with the
	 * application's {@code JsonMapper}.
	 * @param runId the run id
	 * @param update the new metadata or the operations
	 * @param options the per-call options
	 * @return the run's metadata after the update
	 */
	public Mono<Map<String, Object>> updateMetadata(String runId, MetadataUpdate update, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.RUNS_UPDATE_METADATA, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest
						.put("/api/v1/runs/{runId}/metadata", TriggerValidationException.requireText(runId, "runId"))
						.withBody(this.wire.metadataBody(update)),
					RunsWire.UpdatedMetadata.class)
			.map(RunsWire.UpdatedMetadata::metadata);
	}

	/**
	 * Subscribes to a run's changes (the SDK's {@code runs.subscribeToRun}): the current
	 * state first, then one full state per change, completing after the state in which
	 * the run finished. See the README's "Realtime" section for reconnection and
	 * backpressure.
	 * @param runId the run id
	 * @return the run's states
	 */
	public Flux<RealtimeRun> subscribe(String runId) {
		return subscribe(runId, SubscribeOptions.defaults());
	}

	/**
	 * Subscribes to a run's changes (the SDK's {@code runs.subscribeToRun}).
	 * @param runId the run id
	 * @param options whether to complete when the run finishes, and columns to skip
	 * @return the run's states
	 */
	public Flux<RealtimeRun> subscribe(String runId, SubscribeOptions options) {
		return subscribe(runId, options, RequestOptions.none());
	}

	/**
	 * Subscribes to a run's changes (the SDK's {@code runs.subscribeToRun}).
	 * @param runId the run id
	 * @param options whether to complete when the run finishes, and columns to skip
	 * @param requestOptions the per-call options of every request; without a retry
	 * policy or response timeout of their own, requests reconnect forever with the
	 * Electric client's backoff (100 ms × 1.3<sup>n</sup> capped at 10 s) and wait up to
	 * 60 s for each answer; their credential may be a
	 * public access token that may read the run ({@code read:runs:<runId>}, or a scope of
	 * its task, tags or batch), whose {@code realtime.skipColumns} claim the server applies
	 * instead of {@code options}' columns
	 * @return the run's states
	 */
	public Flux<RealtimeRun> subscribe(String runId, SubscribeOptions options, RequestOptions requestOptions) {
		return Flux.defer(() -> this.realtime.subscribe(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUN,
				AuthOptions.concerning(runId), "/realtime/v1/runs/{runId}",
				TriggerValidationException.requireText(runId, "runId"), Map.of(), options,
				true, requestOptions));
	}

	/**
	 * Subscribes to every run that carries a tag (the SDK's
	 * {@code runs.subscribeToRunsWithTag}): the runs created in the window first, then one
	 * full state per change of any of them. It never completes on its own.
	 * @param tag the tag
	 * @param createdAfter the window: runs created this long before the subscription
	 * started, at most what the server allows (24 h by default), in whole seconds
	 * @return the runs' states
	 */
	public Flux<RealtimeRun> subscribeToTag(String tag, Duration createdAfter) {
		return subscribeToTag(tag, createdAfter, SubscribeOptions.defaults());
	}

	/**
	 * Subscribes to every run that carries a tag (the SDK's
	 * {@code runs.subscribeToRunsWithTag}). It never completes on its own.
	 * @param tag the tag
	 * @param createdAfter the window, in whole seconds
	 * @param options columns to skip
	 * @return the runs' states
	 */
	public Flux<RealtimeRun> subscribeToTag(String tag, Duration createdAfter, SubscribeOptions options) {
		return subscribeToTag(tag, createdAfter, options, RequestOptions.none());
	}

	/**
	 * Subscribes to every run that carries a tag (the SDK's
	 * {@code runs.subscribeToRunsWithTag}). It never completes on its own.
	 * @param tag the tag: not blank, without {@code ,}, {@code \}, {@code "} or control
	 * characters
	 * @param createdAfter the window, in whole seconds
	 * @param options columns to skip
	 * @param requestOptions the per-call options of every request; their credential may
	 * be a public access token with {@code read:tags:<tag>}, {@code read:tags} or
	 * {@code read:runs}
	 * @return the runs' states
	 */
	public Flux<RealtimeRun> subscribeToTag(String tag, Duration createdAfter, SubscribeOptions options,
			RequestOptions requestOptions) {
		return Flux.defer(() -> this.realtime.subscribe(TriggerEndpoint.RUNS_SUBSCRIBE_TO_RUNS_WITH_TAG,
				AuthOptions.concerning(tag), "/realtime/v1/runs", null,
				Map.of("tags", RunsWire.realtimeTag(tag), "createdAt", RunsWire.realtimeWindow(createdAfter)),
				options, false, requestOptions));
	}

}
