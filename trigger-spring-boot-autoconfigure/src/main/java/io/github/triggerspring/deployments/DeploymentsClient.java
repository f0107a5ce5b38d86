package io.github.triggerspring.deployments;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.paging.AutoPaging;
import io.github.triggerspring.paging.CursorPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Client for {@code deployments.*}: list the deployments of an environment, read the
 * current, latest or a given one, and promote a deployed version.
 * <p>
 * Every call needs a secret key; it reads the deployments of the key's environment. The
 * server rate-limits these routes with a limiter of their own; its 429s are retried like
 * those of the general limiter (see {@code trigger.retry.max-rate-limit-wait}).
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class DeploymentsClient {

	private static final String DEPLOYMENTS_PATH = "/api/v1/deployments";

	private static final ParameterizedTypeReference<CursorPage<Deployment>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public DeploymentsClient(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Every deployment, most recent first, fetching each page only when it is demanded.
	 * @return the deployments
	 */
	public Flux<Deployment> list() {
		return list(ListDeploymentsRequest.all());
	}

	/**
	 * Deployments matching the request, most recent first, fetching each page only when it
	 * is demanded.
	 * @param request the filters and page size
	 * @return the deployments
	 */
	public Flux<Deployment> list(ListDeploymentsRequest request) {
		return list(request, RequestOptions.none());
	}

	/**
	 * Deployments matching the request, most recent first, fetching each page only when it
	 * is demanded.
	 * @param request the filters and page size
	 * @param options the per-call options, applied to each page
	 * @return the deployments
	 */
	public Flux<Deployment> list(ListDeploymentsRequest request, RequestOptions options) {
		return AutoPaging
			.byCursor((cursor) -> listPage((cursor != null) ? request.after(cursor) : request, options));
	}

	/**
	 * One page of deployments and the cursor of the next one; pass it to
	 * {@link ListDeploymentsRequest#after(String)} for the next page.
	 * @param request the filters, page size and cursor
	 * @return the page
	 */
	public Mono<CursorPage<Deployment>> listPage(ListDeploymentsRequest request) {
		return listPage(request, RequestOptions.none());
	}

	/**
	 * One page of deployments and the cursor of the next one; pass it to
	 * {@link ListDeploymentsRequest#after(String)} for the next page.
	 * @param request the filters, page size and cursor
	 * @param options the per-call options
	 * @return the page
	 */
	public Mono<CursorPage<Deployment>> listPage(ListDeploymentsRequest request, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.DEPLOYMENTS_LIST, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.get(DEPLOYMENTS_PATH).withQuery(request.query()), PAGE);
	}

	/**
	 * The deployment that is current in the environment.
	 * @return the deployment
	 */
	public Mono<Deployment> retrieveCurrent() {
		return retrieveCurrent(RequestOptions.none());
	}

	/**
	 * The deployment that is current in the environment.
	 * @param options the per-call options
	 * @return the deployment
	 */
	public Mono<Deployment> retrieveCurrent(RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.DEPLOYMENTS_RETRIEVE_CURRENT, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.get(DEPLOYMENTS_PATH + "/current"), Deployment.class);
	}

	/**
	 * Retrieves a deployment.
	 * @param deploymentId the deployment id
	 * @return the deployment
	 */
	public Mono<Deployment> retrieve(String deploymentId) {
		return retrieve(deploymentId, RequestOptions.none());
	}

	/**
	 * Retrieves a deployment.
	 * @param deploymentId the deployment id
	 * @param options the per-call options
	 * @return the deployment
	 */
	public Mono<Deployment> retrieve(String deploymentId, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.DEPLOYMENTS_RETRIEVE, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.get(DEPLOYMENTS_PATH + "/{deploymentId}",
						TriggerValidationException.requireText(deploymentId, "deploymentId")),
				Deployment.class);
	}

	/**
	 * The latest unmanaged deployment.
	 * @return the deployment
	 */
	public Mono<Deployment> latest() {
		return latest(RequestOptions.none());
	}

	/**
	 * The latest unmanaged deployment.
	 * @param options the per-call options
	 * @return the deployment
	 */
	public Mono<Deployment> latest(RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.DEPLOYMENTS_LATEST, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.get(DEPLOYMENTS_PATH + "/latest"), Deployment.class);
	}

	/**
	 * Makes a previously deployed version the current one, so that new runs use it.
	 * @param version the version, for example {@code 20250228.1}
	 * @return the promoted deployment
	 */
	public Mono<PromotedDeployment> promote(String version) {
		return promote(version, RequestOptions.none());
	}

	/**
	 * Makes a previously deployed version the current one, so that new runs use it.
	 * @param version the version, for example {@code 20250228.1}
	 * @param options the per-call options
	 * @return the promoted deployment
	 */
	public Mono<PromotedDeployment> promote(String version, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.DEPLOYMENTS_PROMOTE, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.post(DEPLOYMENTS_PATH + "/{version}/promote",
						TriggerValidationException.requireText(version, "version")),
				PromotedDeployment.class);
	}

}
