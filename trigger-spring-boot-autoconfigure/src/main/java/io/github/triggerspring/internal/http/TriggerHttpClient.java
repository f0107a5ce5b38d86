package io.github.triggerspring.internal.http;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerException;
import io.github.triggerspring.error.TriggerLocalException;
import io.github.triggerspring.error.TriggerResponseTooLargeException;
import io.github.triggerspring.error.TriggerTimeoutException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.observation.DefaultTriggerObservationConvention;
import io.github.triggerspring.observation.TriggerObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelException;
import io.netty.handler.codec.DecoderException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * HTTP layer shared by every client. For one logical call it asks the
 * {@link TriggerAuthStrategy} for an authorization (nothing is sent if it refuses), builds
 * the request, sends the headers the official SDK sends, retries with
 * {@link TriggerRetryPolicy} and maps every failure to a {@link TriggerException}
 * subclass.
 * <p>
 * Request and response models are written and read in the vendor's wire format, with a
 * mapper of this library's own: the application's Jackson settings never change the
 * wire. Only the user's data (payloads, metadata) is written with the application's
 * {@link #jsonMapper() JsonMapper}, by the clients, before it reaches this layer. Bodies
 * bypass the {@link WebClient}'s codecs, so {@code spring.codec.*} does not apply
 * either: responses are limited by {@link TriggerHttpSettings#maxResponseSize()}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TriggerHttpClient {

	/** Value of {@code x-trigger-api-version}; without it the server uses old status names. */
	public static final String API_VERSION = "2025-07-16";

	/** Value of {@code x-trigger-realtime-streams-version}, as the SDK sends it. */
	public static final String REALTIME_STREAMS_VERSION = "v2";

	/**
	 * Value of {@code x-trigger-electric-version} on realtime requests; without it the
	 * server assumes a pre-1.0 ElectricSQL client and renames its response headers.
	 */
	public static final String ELECTRIC_VERSION = "1.0.0-beta.1";

	/**
	 * The SDK's retry policy for object-storage uploads ({@code ioRetryOptions}): 5
	 * attempts, waiting 500 ms × 2<sup>n-1</sup>, randomized up to double, capped at 5 s.
	 */
	public static final TriggerRetryPolicy OBJECT_STORAGE_RETRY = new TriggerRetryPolicy(5, Duration.ofMillis(500),
			Duration.ofSeconds(5), 2, 1);

	/** Most bytes of an error body that are read; the rest is dropped. */
	static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	/**
	 * Request attribute in which {@link WebClient} records the URI template of a request
	 * made with {@code uri(template, variables)}, for its observations.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/** Listener of the retries of a call that is not observed. */
	private static final Consumer<Throwable> NO_LISTENER = (failure) -> {
	};

	private final Supplier<WebClient> webClient;

	private final TriggerAuthStrategy authStrategy;

	private final JsonMapper jsonMapper;

	private final TriggerHttpSettings settings;

	private final Clock clock;

	private final Supplier<Scheduler> scheduler;

	/** Times the attempts' response timeouts on {@link #scheduler}. */
	private final Supplier<TimeoutTimer> timeouts;

	private final RandomGenerator random;

	private final ApiErrors errors;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TriggerObservationConvention observationConvention;

	/** The URIs last expanded, by template. */
	private final Map<String, ExpandedUri> expandedUris = new ConcurrentHashMap<>();

	/** The last credential's {@code Authorization} value, reused by the calls that send it again. */
	private volatile @Nullable Bearer bearer;

	/**
	 * Starts a client whose {@link WebClient} is already built.
	 * @param webClient the web client, with the API's base URL
	 * @param authStrategy the auth strategy
	 * @param jsonMapper the application's JSON mapper, for the user's data
	 * @return a builder with the defaults of {@link Builder}
	 */
	public static Builder builder(WebClient webClient, TriggerAuthStrategy authStrategy, JsonMapper jsonMapper) {
		return new Builder(() -> webClient, authStrategy, jsonMapper);
	}

	/**
	 * Starts a client whose {@link WebClient} is built on its first call. Building a
	 * {@code WebClient} (its codecs and its connector's connection pool) is the largest
	 * part of what the client costs at startup; an application that makes no call never
	 * pays for it.
	 * @param webClient builds the web client, with the API's base URL; called once, on
	 * the first call
	 * @param authStrategy the auth strategy
	 * @param jsonMapper the application's JSON mapper, for the user's data
	 * @return a builder with the defaults of {@link Builder}
	 */
	public static Builder builder(Supplier<WebClient> webClient, TriggerAuthStrategy authStrategy,
			JsonMapper jsonMapper) {
		return new Builder(webClient, authStrategy, jsonMapper);
	}

	private TriggerHttpClient(Builder builder) {
		this.webClient = SingletonSupplier.of(builder.webClient);
		this.authStrategy = builder.authStrategy;
		this.jsonMapper = builder.jsonMapper;
		this.settings = builder.settings;
		this.clock = builder.clock;
		this.scheduler = SingletonSupplier.of(builder.scheduler);
		LongSupplier nanoTime = builder.nanoTime;
		this.timeouts = SingletonSupplier.of(() -> new TimeoutTimer(this.scheduler.get(), nanoTime));
		this.random = builder.random;
		this.errors = new ApiErrors(WireJson.MAPPER, builder.clock);
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Application's JSON mapper, for clients that serialize the user's data themselves.
	 * @return the JSON mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Scheduler that times waits, for clients that wait between calls.
	 * @return the scheduler
	 */
	public Scheduler scheduler() {
		return this.scheduler.get();
	}

	/**
	 * Clock, for clients that name things by the time, as the SDK does.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Source of jitter, for clients that wait between calls.
	 * @return the random generator
	 */
	public RandomGenerator random() {
		return this.random;
	}

	/**
	 * Performs one logical call and decodes its body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization; a
	 * {@link TriggerException} thrown here is signalled and nothing is sent
	 * @param bodyType the body type
	 * @return the response
	 */
	public <T> Mono<TriggerResponse<T>> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType) {
		return exchange(endpoint, auth, options, request, WireJson.MAPPER.constructType(bodyType));
	}

	/**
	 * Performs one logical call and decodes its body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization; a
	 * {@link TriggerException} thrown here is signalled and nothing is sent
	 * @param bodyType the body type
	 * @return the response
	 */
	public <T> Mono<TriggerResponse<T>> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, ParameterizedTypeReference<T> bodyType) {
		return exchange(endpoint, auth, options, request, WireJson.MAPPER.constructType(bodyType.getType()));
	}

	/**
	 * Performs one logical call, decodes its body and makes the call's result from the
	 * response and the call's authorization, for clients that need both (to sign a token
	 * with the authorized key, for example).
	 * @param <T> the body type
	 * @param <R> the result type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization; a
	 * {@link TriggerException} thrown here is signalled and nothing is sent
	 * @param bodyType the body type
	 * @param result makes the result from the authorization and the response; an
	 * exception thrown here is signalled
	 * @return the result
	 */
	public <T, R> Mono<R> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType,
			BiFunction<CallAuthorization, TriggerResponse<T>, R> result) {
		return exchange(endpoint, auth, options, request, WireJson.MAPPER.constructType(bodyType), result);
	}

	private <T> Mono<TriggerResponse<T>> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, JavaType type) {
		return exchange(endpoint, auth, options, request, type, null);
	}

	/**
	 * One logical call. The {@link DefaultTriggerAuthStrategy} decides on the spot, so an
	 * unobserved call asks it directly rather than through its {@link Mono}.
	 * @param result makes the result from the authorization and the response, or
	 * {@code null} for the response itself
	 */
	@SuppressWarnings("unchecked")
	private <T, R> Mono<R> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, JavaType type,
			@Nullable BiFunction<CallAuthorization, TriggerResponse<T>, R> result) {
		return observed(endpoint, (observation) -> {
			TriggerHttpSettings call = settings(options);
			String requestIdempotencyKey = UUID.randomUUID().toString();
			AuthOptions applied = options.applyTo(auth);
			Consumer<Throwable> beforeRetry = observation.records() ? observation::retrying : NO_LISTENER;
			Function<CallAuthorization, Mono<R>> send = (authorization) -> {
				observation.authorized(authorization);
				TriggerRequest built = request.apply(authorization);
				observation.requested(built);
				byte[] body = encode(built);
				Mono<TriggerResponse<T>> response = retried(
						() -> this.<T>attempt(built, body, authorization, requestIdempotencyKey, type, call), call,
						beforeRetry);
				return (result != null) ? response.map((answer) -> result.apply(authorization, answer))
						: (Mono<R>) response;
			};
			if (!observation.records() && this.authStrategy.getClass() == DefaultTriggerAuthStrategy.class) {
				CallAuthorization authorization = ((DefaultTriggerAuthStrategy) this.authStrategy).decide(endpoint,
						applied);
				return withinCallTimeout(send.apply(authorization), call);
			}
			Mono<CallAuthorization> authorized = this.authStrategy.authorize(endpoint, applied);
			if (observation.records()) {
				authorized = authorized.doOnError(UnsupportedCredentialException.class,
						(refusal) -> observation.refusedWith(refusal.getConfigured()));
			}
			return withinCallTimeout(authorized.flatMap(send), call);
		});
	}

	/**
	 * One logical call, observed from its subscription to its end: the observation is the
	 * parent of the {@code WebClient}'s own observations.
	 */
	private <T> Mono<T> observed(TriggerEndpoint endpoint, Function<ObservedCall, Mono<T>> call) {
		return Mono.defer(() -> {
			ObservedCall observation = ObservedCall.create(endpoint, this.observationRegistry,
					this.observationConvention);
			return observation.isNoop() ? call.apply(observation)
					: observation.around(Mono.defer(() -> call.apply(observation)));
		});
	}

	/**
	 * Performs one logical call and returns only its decoded body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization
	 * @param bodyType the body type
	 * @return the body
	 */
	public <T> Mono<T> retrieve(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType) {
		return exchange(endpoint, auth, options, request, bodyType).map(TriggerResponse::body);
	}

	/**
	 * Performs one logical call and returns only its decoded body.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization
	 * @param bodyType the body type
	 * @return the body
	 */
	public <T> Mono<T> retrieve(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, ParameterizedTypeReference<T> bodyType) {
		return exchange(endpoint, auth, options, request, bodyType).map(TriggerResponse::body);
	}

	/**
	 * Performs one request of a realtime subscription (the ElectricSQL shape protocol on
	 * {@code /realtime/v1/...}) and returns its body as text with its headers. It sends only
	 * the headers the SDK sends on realtime calls: the credential,
	 * {@code x-trigger-electric-version}, {@code x-trigger-api-version}, the branch and the
	 * {@code User-Agent}. A 409 is an answer, not a failure: it tells the subscriber to
	 * refetch the shape. Other failures are mapped and retried as for
	 * {@link #exchange(TriggerEndpoint, AuthOptions, RequestOptions, Function, Class)
	 * exchange}, each attempt bounded by the options' response timeout (a long poll needs
	 * one longer than the server's hold time); no call timeout applies, since a
	 * subscription retries for as long as its policy allows.
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization
	 * @return the response: 2xx or 409, its body as UTF-8 text
	 */
	public Mono<TriggerResponse<String>> realtime(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request) {
		return Mono.defer(() -> {
			TriggerHttpSettings call = settings(options);
			return this.authStrategy.authorize(endpoint, options.applyTo(auth)).flatMap((authorization) -> {
				TriggerRequest built = request.apply(authorization);
				return retried(() -> this.webClient.get().get()
					.uri(uriTemplate(built), uriVariables(built).toArray())
					.headers((headers) -> applyRealtimeHeaders(headers, authorization))
					.exchangeToMono((response) -> (response.statusCode().value() == 409)
							? body(response, call).map(TriggerHttpClient::text)
								.defaultIfEmpty("")
								.map((text) -> new TriggerResponse<>(409, response.headers().asHttpHeaders(), text))
							: handleText(response, call)), call);
			});
		});
	}

	/**
	 * Downloads a document from an absolute URL that the API handed out, such as the
	 * presigned URL of an offloaded payload: a plain {@code GET} with no credential and no
	 * Trigger.dev header, through the same {@code WebClient} (so the application's
	 * connector and observations apply), with the same response size limit, timeouts,
	 * retries and error mapping as API calls.
	 * @param url the absolute {@code http} or {@code https} URL
	 * @param options the per-call options (its credential and branch are not used)
	 * @return the response, its body as UTF-8 text
	 */
	public Mono<TriggerResponse<String>> download(String url, RequestOptions options) {
		return Mono.defer(() -> {
			URI uri = absoluteUrl(url);
			TriggerHttpSettings call = settings(options);
			return withinCallTimeout(retried(() -> this.webClient.get().get()
				.uri(uri)
				.headers((headers) -> headers.set(HttpHeaders.USER_AGENT, TriggerUserAgent.VALUE))
				.exchangeToMono((response) -> handleText(response, call)), call), call);
		});
	}

	/**
	 * Uploads a body to object storage: a {@code PUT} to an absolute, presigned URL, with
	 * only a {@code Content-Type} header and none of the API's headers or credentials.
	 * It goes through the same {@link WebClient}, so the application's connector and
	 * observations apply; failures are mapped like API failures and retried with
	 * {@link #OBJECT_STORAGE_RETRY}. The per-call timeouts apply.
	 * @param presignedUrl the URL the API handed out
	 * @param contentType the content type of the body
	 * @param body the body, sent as it is
	 * @param options the caller's per-call options
	 * @return completes once the body is stored
	 */
	public Mono<Void> upload(URI presignedUrl, String contentType, byte[] body, RequestOptions options) {
		return Mono.defer(() -> {
			TriggerHttpSettings call = settings(options).withRetry(OBJECT_STORAGE_RETRY);
			return withinCallTimeout(retried(() -> this.webClient.get().put()
				.uri(presignedUrl)
				.headers((headers) -> headers.set(HttpHeaders.CONTENT_TYPE, contentType))
				.bodyValue(body)
				.exchangeToMono((response) -> response.statusCode().is2xxSuccessful() ? response.releaseBody()
						: error(response)), call), call);
		});
	}

	private TriggerHttpSettings settings(RequestOptions options) {
		requirePositive(options.responseTimeout(), "requestOptions.responseTimeout", "trigger.response-timeout");
		requirePositive(options.callTimeout(), "requestOptions.callTimeout", "trigger.call-timeout");
		return this.settings.with(options);
	}

	private static void requirePositive(@Nullable Duration timeout, String field, String property) {
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new TriggerValidationException(field, "must be positive, but was " + timeout
					+ ". Pass a positive duration, or leave it out to use '" + property + "'.");
		}
	}

	private static byte @Nullable [] encode(TriggerRequest request) {
		if (request.body() == null) {
			return null;
		}
		if (request.body() instanceof byte[] written) {
			return written;
		}
		try {
			return WireJson.MAPPER.writeValueAsBytes(request.body());
		}
		catch (JacksonException ex) {
			throw new TriggerLocalException("Could not write the request body: " + ex.getOriginalMessage(), ex);
		}
	}

	private <T> Mono<TriggerResponse<T>> attempt(TriggerRequest request, byte @Nullable [] body,
			CallAuthorization authorization, String requestIdempotencyKey, JavaType type,
			TriggerHttpSettings settings) {
		WebClient.RequestBodySpec spec = uri(this.webClient.get().method(request.method()), request)
			.headers((headers) -> applyHeaders(headers, request, authorization, requestIdempotencyKey));
		WebClient.RequestHeadersSpec<?> withBody = spec;
		if (body != null) {
			withBody = spec.body(written(body));
		}
		else if (request.bodyStream() != null) {
			withBody = spec.body(BodyInserters.fromPublisher(request.bodyStream(), String.class));
		}
		return withBody.exchangeToMono((response) -> handle(response, type, settings));
	}

	/**
	 * Sets the request's URI as {@code uri(template, variables)} does. The URI is expanded
	 * by the {@link WebClient}'s own {@code UriBuilderFactory}, kept with the template that
	 * the {@code WebClient} records for its observations, and reused while its template is
	 * expanded with the same values again, as it is by the calls that trigger one task.
	 */
	private WebClient.RequestBodySpec uri(WebClient.RequestBodyUriSpec spec, TriggerRequest request) {
		String template = uriTemplate(request);
		List<Object> variables = uriVariables(request);
		ExpandedUri last = this.expandedUris.get(template);
		if (last != null && last.variables().equals(variables)) {
			return spec.uri(last.uri()).attribute(URI_TEMPLATE_ATTRIBUTE, last.recordedTemplate());
		}
		// the function runs within uri(…), which also records the template
		URI[] expanded = new URI[1];
		spec.uri(template, (builder) -> expanded[0] = builder.build(variables.toArray()));
		return spec.attributes((attributes) -> {
			if (attributes.get(URI_TEMPLATE_ATTRIBUTE) instanceof String recorded) {
				this.expandedUris.put(template, new ExpandedUri(variables, expanded[0], recorded));
			}
		});
	}

	/**
	 * A body that is JSON already, sent as {@code bodyValue(byte[])} sends it (its
	 * {@code Content-Length}, then its bytes) without looking for a codec, and copied into
	 * a buffer of the connection's allocator: with Reactor Netty a pooled, direct buffer,
	 * which the transport can write as it is, where a wrapped heap array must first be
	 * copied into a direct one.
	 */
	private static BodyInserter<byte[], ReactiveHttpOutputMessage> written(byte[] body) {
		return (message, context) -> {
			message.getHeaders().setContentLength(body.length);
			return message
				.writeWith(Mono.fromSupplier(() -> message.bufferFactory().allocateBuffer(body.length).write(body)));
		};
	}

	/**
	 * The request's path template followed by its query, one template variable per query
	 * value, so that the values are encoded.
	 */
	private static String uriTemplate(TriggerRequest request) {
		if (request.query().isEmpty()) {
			return request.pathTemplate();
		}
		StringBuilder template = new StringBuilder(request.pathTemplate());
		char separator = '?';
		int index = 0;
		for (String name : request.query().keySet()) {
			template.append(separator).append(name).append("={q").append(index++).append('}');
			separator = '&';
		}
		return template.toString();
	}

	private static List<Object> uriVariables(TriggerRequest request) {
		if (request.query().isEmpty()) {
			return request.pathVariables();
		}
		List<Object> variables = new ArrayList<>(request.pathVariables());
		variables.addAll(request.query().values());
		return variables;
	}

	private void applyRealtimeHeaders(HttpHeaders headers, CallAuthorization authorization) {
		if (authorization.token() != null) {
			headers.set(HttpHeaders.AUTHORIZATION, bearer(authorization.token()));
		}
		headers.set(HttpHeaders.USER_AGENT, TriggerUserAgent.VALUE);
		headers.set("x-trigger-electric-version", ELECTRIC_VERSION);
		headers.set("x-trigger-api-version", API_VERSION);
		if (authorization.branch() != null) {
			headers.set("x-trigger-branch", authorization.branch());
		}
	}

	/**
	 * The {@code Authorization} value of a token, as {@link HttpHeaders#setBearerAuth}
	 * writes it.
	 */
	private String bearer(String token) {
		Bearer last = this.bearer;
		if (last == null || !last.token.equals(token)) {
			last = new Bearer(token);
			this.bearer = last;
		}
		return last.value;
	}

	private void applyHeaders(HttpHeaders headers, TriggerRequest request, CallAuthorization authorization,
			String requestIdempotencyKey) {
		if (authorization.token() != null) {
			headers.set(HttpHeaders.AUTHORIZATION, bearer(authorization.token()));
		}
		headers.set(HttpHeaders.CONTENT_TYPE, request.contentType().toString());
		headers.set(HttpHeaders.ACCEPT, "application/json");
		headers.set(HttpHeaders.USER_AGENT, TriggerUserAgent.VALUE);
		headers.set("x-trigger-api-version", API_VERSION);
		headers.set("x-trigger-realtime-streams-version", REALTIME_STREAMS_VERSION);
		headers.set("x-trigger-request-idempotency-key", requestIdempotencyKey);
		if (authorization.branch() != null) {
			headers.set("x-trigger-branch", authorization.branch());
		}
	}

	private <T> Mono<TriggerResponse<T>> handle(ClientResponse response, JavaType type,
			TriggerHttpSettings settings) {
		int status = response.statusCode().value();
		if (!response.statusCode().is2xxSuccessful()) {
			return error(response);
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		return body(response, settings).<TriggerResponse<T>>handle((buffer, sink) -> {
				try {
					if (buffer.readableByteCount() > 0) {
						sink.next(new TriggerResponse<>(status, headers, decode(buffer, type, status)));
					}
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.switchIfEmpty(Mono.error(() -> new TriggerUnexpectedResponseException(status,
					"The response to this call has no body, but one was expected.", null)));
	}

	/**
	 * One attempt, bounded by the response timeout, with failures mapped to
	 * {@link TriggerException}s and retried by the call's policy.
	 */
	private <T> Mono<T> retried(Supplier<Mono<T>> attempt, TriggerHttpSettings call) {
		return retried(attempt, call, NO_LISTENER);
	}

	/**
	 * One attempt, retried by the call's policy, telling each retry to a listener.
	 */
	private <T> Mono<T> retried(Supplier<Mono<T>> attempt, TriggerHttpSettings call,
			Consumer<Throwable> beforeRetry) {
		return new TriggerRetry(call.retry(), this.clock, this.scheduler.get(), this.random, beforeRetry)
			.apply(() -> AttemptTimeout.of(attempt, call.responseTimeout(), this.timeouts.get(),
					(failure) -> toTriggerException(failure, call)));
	}

	/**
	 * The whole call, retries included, bounded by the call timeout when there is one.
	 */
	private <T> Mono<T> withinCallTimeout(Mono<T> call, TriggerHttpSettings settings) {
		Duration callTimeout = settings.callTimeout();
		return (callTimeout != null) ? call.timeout(callTimeout, this.scheduler.get())
			.onErrorMap(TimeoutException.class, (ex) -> TriggerTimeoutException.callTimeout(callTimeout, ex)) : call;
	}

	/**
	 * A successful response's body, joined in one buffer of at most
	 * {@link TriggerHttpSettings#maxResponseSize()} bytes; empty when there is none.
	 */
	private static Mono<DataBuffer> body(ClientResponse response, TriggerHttpSettings settings) {
		return DataBufferUtils
			.join(response.body(BodyExtractors.toDataBuffers()), (int) settings.maxResponseSize().toBytes())
			.onErrorMap(DataBufferLimitException.class, (ex) -> new TriggerResponseTooLargeException(
					response.statusCode().value(), settings.maxResponseSize(), ex));
	}

	private <T> Mono<T> error(ClientResponse response) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
					MAX_ERROR_BODY_BYTES))
			.map(TriggerHttpClient::text)
			.defaultIfEmpty("")
			.flatMap((text) -> Mono.error(this.errors.create(status, text, headers)));
	}

	private static <T> T decode(DataBuffer buffer, JavaType type, int status) {
		try {
			return WireJson.MAPPER.readValue(buffer.asInputStream(), type);
		}
		catch (JacksonException ex) {
			throw new TriggerUnexpectedResponseException(status,
					"The response to this call does not have the expected shape: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static URI absoluteUrl(String url) {
		try {
			URI uri = new URI(url);
			if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					&& uri.getHost() != null) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// signalled below
		}
		throw new TriggerUnexpectedResponseException(200, "The API answered a download URL that is not an "
				+ "absolute http(s) URL: " + url, null);
	}

	private Mono<TriggerResponse<String>> handleText(ClientResponse response, TriggerHttpSettings settings) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (!response.statusCode().is2xxSuccessful()) {
			return error(response);
		}
		return body(response, settings).map(TriggerHttpClient::text)
			.defaultIfEmpty("")
			.map((text) -> new TriggerResponse<>(status, headers, text));
	}

	private Throwable toTriggerException(Throwable failure, TriggerHttpSettings settings) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof TriggerException triggerException) {
				// for example a local failure of a streamed body, wrapped by WebClient
				return triggerException;
			}
		}
		if (failure instanceof TimeoutException) {
			return new TriggerTimeoutException(settings.responseTimeout(), failure);
		}
		if (failure instanceof WebClientRequestException || hasCause(failure, IOException.class)
				|| hasCause(failure, ChannelException.class) || hasCause(failure, DecoderException.class)) {
			return new TriggerConnectionException("Connection error: " + rootMessage(failure), failure);
		}
		if (failure instanceof Exception) {
			return new TriggerLocalException("The HTTP client failed: " + ClassUtils.getShortName(failure.getClass())
					+ ": " + rootMessage(failure), failure);
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

	/**
	 * Builder of {@link TriggerHttpClient}. Unless set otherwise, a client has
	 * {@link TriggerHttpSettings#defaults()}, the system clock, Reactor's parallel
	 * scheduler (taken on the first call, not when the client is built, so that an
	 * application that makes no call does not start Reactor's schedulers), a thread-safe
	 * random generator for jitter, and calls that are not observed.
	 */
	public static final class Builder {

		private final Supplier<WebClient> webClient;

		private final TriggerAuthStrategy authStrategy;

		private final JsonMapper jsonMapper;

		private TriggerHttpSettings settings = TriggerHttpSettings.defaults();

		private Clock clock = Clock.systemUTC();

		private Supplier<Scheduler> scheduler = Schedulers::parallel;

		private LongSupplier nanoTime = System::nanoTime;

		private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable TriggerObservationConvention observationConvention;

		private Builder(Supplier<WebClient> webClient, TriggerAuthStrategy authStrategy, JsonMapper jsonMapper) {
			this.webClient = webClient;
			this.authStrategy = authStrategy;
			this.jsonMapper = jsonMapper;
		}

		/**
		 * Sets the settings that every call uses unless its {@link RequestOptions} say
		 * otherwise.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder settings(TriggerHttpSettings settings) {
			this.settings = settings;
			return this;
		}

		/**
		 * Sets the clock used to read rate-limit resets.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets the scheduler that times backoff waits and timeouts. Its
		 * {@link Scheduler#now(TimeUnit) now} also measures the response timeouts'
		 * deadlines, so that a virtual-time scheduler drives them; the default, Reactor's
		 * parallel scheduler, has them measured by {@link System#nanoTime()}, which a change
		 * of the wall clock does not move.
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = () -> scheduler;
			this.nanoTime = () -> scheduler.now(TimeUnit.NANOSECONDS);
			return this;
		}

		/**
		 * Sets the source of jitter.
		 * @param random the random generator; it must be safe for use by several threads
		 * @return this builder
		 */
		public Builder random(RandomGenerator random) {
			this.random = random;
			return this;
		}

		/**
		 * Observes each logical call.
		 * @param observationRegistry the registry that observes each logical call
		 * @param observationConvention the convention of those observations, or
		 * {@code null} for {@link DefaultTriggerObservationConvention}
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry observationRegistry,
				@Nullable TriggerObservationConvention observationConvention) {
			this.observationRegistry = observationRegistry;
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public TriggerHttpClient build() {
			return new TriggerHttpClient(this);
		}

	}

	/**
	 * A URI as the {@link WebClient} expanded it.
	 *
	 * @param variables the values of the template's variables
	 * @param uri the expanded URI
	 * @param recordedTemplate the template as the {@link WebClient} records it
	 */
	private record ExpandedUri(List<Object> variables, URI uri, String recordedTemplate) {

	}

	/**
	 * A token and its {@code Authorization} value.
	 */
	private static final class Bearer {

		private final String token;

		private final String value;

		Bearer(String token) {
			this.token = token;
			this.value = "Bearer " + token;
		}

	}

}
