package io.github.triggerspring.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerException;
import io.github.triggerspring.error.TriggerTimeoutException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * HTTP layer shared by every client. For one logical call it asks the
 * {@link TriggerAuthStrategy} for an authorization (nothing is sent if it refuses), builds
 * the request, sends the headers the official SDK sends, retries with
 * {@link TriggerRetryPolicy} and maps errors to {@link TriggerException} subclasses.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TriggerHttpClient {

	/** Value of {@code x-trigger-api-version}; without it the server uses old status names. */
	public static final String API_VERSION = "2025-07-16";

	private final WebClient webClient;

	private final TriggerAuthStrategy authStrategy;

	private final Duration responseTimeout;

	private final TriggerRetry retry;

	private final ApiErrors errors;

	private final JsonMapper jsonMapper;

	/**
	 * Creates a client with the system clock and Reactor's parallel scheduler.
	 * @param webClient the web client, with the API's base URL
	 * @param authStrategy the auth strategy
	 * @param jsonMapper the application's JSON mapper
	 * @param retryPolicy the retry policy
	 * @param responseTimeout the maximum wait for each attempt's response
	 */
	public TriggerHttpClient(WebClient webClient, TriggerAuthStrategy authStrategy, JsonMapper jsonMapper,
			TriggerRetryPolicy retryPolicy, Duration responseTimeout) {
		this(webClient, authStrategy, jsonMapper, retryPolicy, responseTimeout, Clock.systemUTC(),
				Schedulers.parallel());
	}

	/**
	 * Creates a client.
	 * @param webClient the web client, with the API's base URL
	 * @param authStrategy the auth strategy
	 * @param jsonMapper the application's JSON mapper
	 * @param retryPolicy the retry policy
	 * @param responseTimeout the maximum wait for each attempt's response
	 * @param clock the clock used to read rate-limit resets
	 * @param scheduler the scheduler that times backoff waits
	 */
	public TriggerHttpClient(WebClient webClient, TriggerAuthStrategy authStrategy, JsonMapper jsonMapper,
			TriggerRetryPolicy retryPolicy, Duration responseTimeout, Clock clock, Scheduler scheduler) {
		this.webClient = webClient;
		this.authStrategy = authStrategy;
		this.jsonMapper = jsonMapper;
		this.responseTimeout = responseTimeout;
		this.retry = new TriggerRetry(retryPolicy, clock, scheduler);
		this.errors = new ApiErrors(jsonMapper, clock);
	}

	/**
	 * Application's JSON mapper, for clients that serialize payloads themselves.
	 * @return the JSON mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Performs one logical call and decodes its body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param options the per-call auth options
	 * @param request builds the request from the authorization; a
	 * {@link TriggerException} thrown here is signalled and nothing is sent
	 * @param bodyType the body type
	 * @return the response
	 */
	public <T> Mono<TriggerResponse<T>> exchange(TriggerEndpoint endpoint, AuthOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType) {
		return exchange(endpoint, options, request, ParameterizedTypeReference.forType(bodyType));
	}

	/**
	 * Performs one logical call and decodes its body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param options the per-call auth options
	 * @param request builds the request from the authorization; a
	 * {@link TriggerException} thrown here is signalled and nothing is sent
	 * @param bodyType the body type
	 * @return the response
	 */
	public <T> Mono<TriggerResponse<T>> exchange(TriggerEndpoint endpoint, AuthOptions options,
			Function<CallAuthorization, TriggerRequest> request, ParameterizedTypeReference<T> bodyType) {
		return Mono.defer(() -> {
			String requestIdempotencyKey = UUID.randomUUID().toString();
			return this.authStrategy.authorize(endpoint, options)
				.flatMap((authorization) -> {
					TriggerRequest built = request.apply(authorization);
					return Mono.defer(() -> attempt(built, authorization, requestIdempotencyKey, bodyType))
						.timeout(this.responseTimeout)
						.onErrorMap(this::toTriggerException)
						.retryWhen(this.retry);
				});
		});
	}

	/**
	 * Performs one logical call and returns only its decoded body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param options the per-call auth options
	 * @param request builds the request from the authorization
	 * @param bodyType the body type
	 * @return the body
	 */
	public <T> Mono<T> retrieve(TriggerEndpoint endpoint, AuthOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType) {
		return exchange(endpoint, options, request, bodyType).map(TriggerResponse::body);
	}

	/**
	 * Performs one logical call and returns only its decoded body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param options the per-call auth options
	 * @param request builds the request from the authorization
	 * @param bodyType the body type
	 * @return the body
	 */
	public <T> Mono<T> retrieve(TriggerEndpoint endpoint, AuthOptions options,
			Function<CallAuthorization, TriggerRequest> request, ParameterizedTypeReference<T> bodyType) {
		return exchange(endpoint, options, request, bodyType).map(TriggerResponse::body);
	}

	private <T> Mono<TriggerResponse<T>> attempt(TriggerRequest request, CallAuthorization authorization,
			String requestIdempotencyKey, ParameterizedTypeReference<T> bodyType) {
		List<Object> variables = new ArrayList<>(request.pathVariables());
		StringBuilder template = new StringBuilder(request.pathTemplate());
		char separator = '?';
		int index = 0;
		for (Map.Entry<String, String> parameter : request.query().entrySet()) {
			template.append(separator).append(parameter.getKey()).append("={q").append(index++).append('}');
			variables.add(parameter.getValue());
			separator = '&';
		}
		WebClient.RequestBodySpec spec = this.webClient.method(request.method())
			.uri(template.toString(), variables.toArray())
			.headers((headers) -> applyHeaders(headers, request, authorization, requestIdempotencyKey));
		WebClient.RequestHeadersSpec<?> withBody = spec;
		if (request.body() != null) {
			withBody = spec.bodyValue(request.body());
		}
		else if (request.bodyStream() != null) {
			withBody = spec.body(BodyInserters.fromPublisher(request.bodyStream(), String.class));
		}
		return withBody.exchangeToMono((response) -> handle(response, bodyType));
	}

	private void applyHeaders(HttpHeaders headers, TriggerRequest request, CallAuthorization authorization,
			String requestIdempotencyKey) {
		if (authorization.token() != null) {
			headers.setBearerAuth(authorization.token());
		}
		headers.set(HttpHeaders.CONTENT_TYPE, request.contentType().toString());
		headers.set(HttpHeaders.ACCEPT, "application/json");
		headers.set(HttpHeaders.USER_AGENT, TriggerUserAgent.VALUE);
		headers.set("x-trigger-api-version", API_VERSION);
		headers.set("x-trigger-request-idempotency-key", requestIdempotencyKey);
		if (authorization.branch() != null) {
			headers.set("x-trigger-branch", authorization.branch());
		}
	}

	private <T> Mono<TriggerResponse<T>> handle(ClientResponse response, ParameterizedTypeReference<T> bodyType) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (!response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.flatMap((body) -> Mono.error(this.errors.create(status, body, headers)));
		}
		return response.bodyToMono(bodyType)
			.onErrorMap(CodecException.class,
					(ex) -> new TriggerUnexpectedResponseException(status,
							"The response to this call does not have the expected shape: " + ex.getMessage(), ex))
			.switchIfEmpty(Mono.error(() -> new TriggerUnexpectedResponseException(status,
					"The response to this call has no body, but one was expected.", null)))
			.map((body) -> new TriggerResponse<>(status, headers, body));
	}

	private Throwable toTriggerException(Throwable failure) {
		if (failure instanceof TriggerException) {
			return failure;
		}
		if (failure instanceof TimeoutException) {
			return new TriggerTimeoutException(this.responseTimeout, failure);
		}
		if (failure instanceof WebClientRequestException || hasCause(failure, IOException.class)) {
			return new TriggerConnectionException("Connection error: " + rootMessage(failure), failure);
		}
		return failure;
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
