package io.github.triggerspring.runs;

import java.util.Map;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerHttpClient;
import io.github.triggerspring.http.TriggerRequest;
import io.github.triggerspring.paging.AutoPaging;
import io.github.triggerspring.paging.CursorPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Client for {@code runs.*}: list, retrieve, cancel and replay runs.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class RunsClient {

	private static final ParameterizedTypeReference<CursorPage<RunSummary>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public RunsClient(TriggerHttpClient http) {
		this.http = http;
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
		Map<String, ? extends Object> query = request.query();
		if (authorization.credential() == CredentialKind.PERSONAL_ACCESS_TOKEN) {
			return TriggerRequest.get("/api/v1/projects/{projectRef}/runs", authorization.requiredProjectRef())
				.withQuery(Map.of("filter[env]", authorization.requiredEnvironment().slug()))
				.withQuery(query);
		}
		return TriggerRequest.get("/api/v1/runs").withQuery(query);
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
		return this.http.retrieve(TriggerEndpoint.RUNS_RETRIEVE, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.get("/api/v3/runs/{runId}",
						TriggerValidationException.requireText(runId, "runId")),
				Run.class);
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
		return this.http
			.retrieve(TriggerEndpoint.RUNS_REPLAY, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest.post("/api/v1/runs/{runId}/replay",
							TriggerValidationException.requireText(runId, "runId")),
					RunId.class)
			.map(RunId::id);
	}

}
