package io.github.triggerspring.waitpoints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.http.TriggerResponse;
import io.github.triggerspring.internal.paging.AutoPaging;
import io.github.triggerspring.internal.tokens.IssuedTokens;
import io.github.triggerspring.paging.CursorPage;
import io.github.triggerspring.tokens.TokenExpiration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Client for {@code wait.*} outside a task: create, list, retrieve and complete the
 * waitpoint tokens that runs wait for ({@code wait.forToken} in a task), for example when
 * a person approves something.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class WaitpointsClient {

	private static final ParameterizedTypeReference<CursorPage<WaitpointToken>> PAGE = new ParameterizedTypeReference<>() {
	};

	/** Lifetime of a waitpoint's public access token signed here, as the SDK's. */
	private static final TokenExpiration WAITPOINT_TOKEN_EXPIRY = TokenExpiration.in(Duration.ofHours(24));

	private final TriggerHttpClient http;

	private final IssuedTokens tokens;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public WaitpointsClient(TriggerHttpClient http) {
		this.http = http;
		this.tokens = new IssuedTokens(http);
	}

	/**
	 * Creates a waitpoint token with no idempotency key, timeout or tags.
	 * @return the token
	 */
	public Mono<CreatedWaitpointToken> createToken() {
		return createToken(CreateTokenOptions.none());
	}

	/**
	 * Creates a waitpoint token.
	 * @param options idempotency key, timeout and tags
	 * @return the token
	 */
	public Mono<CreatedWaitpointToken> createToken(CreateTokenOptions options) {
		return createToken(options, RequestOptions.none());
	}

	/**
	 * Creates a waitpoint token. With an idempotency key that is still valid, the first
	 * token is returned with {@code isCached} set; it may already be completed.
	 * @param options idempotency key, timeout and tags
	 * @param requestOptions the per-call options
	 * @return the token, with a public access token that may complete it: the server's
	 * (header {@code x-trigger-jwt}), or else one signed here with the scope
	 * {@code write:waitpoints:<id>}, valid for 24 hours (see {@link IssuedTokens})
	 */
	public Mono<CreatedWaitpointToken> createToken(CreateTokenOptions options, RequestOptions requestOptions) {
		return this.tokens
			.exchange(TriggerEndpoint.WAIT_CREATE_TOKEN, AuthOptions.DEFAULT, requestOptions,
					(authorization) -> TriggerRequest.post("/api/v1/waitpoints/tokens")
						.withBody(WaitpointsWire.createBody(options, this.http.clock())),
					WaitpointsWire.CreatedToken.class,
					(response) -> List.of("write:waitpoints:" + response.body().id()), WAITPOINT_TOKEN_EXPIRY)
			.map((issued) -> {
				WaitpointsWire.CreatedToken created = issued.response().body();
				return new CreatedWaitpointToken(created.id(), created.isCached(), created.url(),
						issued.publicAccessToken());
			});
	}

	/**
	 * Every waitpoint token of the environment, newest first, fetching pages as they are
	 * demanded.
	 * @return the tokens
	 */
	public Flux<WaitpointToken> listTokens() {
		return listTokens(ListWaitpointTokensRequest.all());
	}

	/**
	 * Waitpoint tokens that match the request, newest first, fetching pages as they are
	 * demanded.
	 * @param request the filters
	 * @return the tokens
	 */
	public Flux<WaitpointToken> listTokens(ListWaitpointTokensRequest request) {
		return listTokens(request, RequestOptions.none());
	}

	/**
	 * Waitpoint tokens that match the request, newest first, fetching pages as they are
	 * demanded.
	 * @param request the filters
	 * @param options the per-call options, applied to each page
	 * @return the tokens
	 */
	public Flux<WaitpointToken> listTokens(ListWaitpointTokensRequest request, RequestOptions options) {
		return AutoPaging.byCursor(
				(cursor) -> listTokensPage((cursor != null) ? request.after(cursor) : request, options));
	}

	/**
	 * One page of waitpoint tokens, with the cursors of its neighbours.
	 * @param request the filters, page size and cursor
	 * @return the page
	 */
	public Mono<CursorPage<WaitpointToken>> listTokensPage(ListWaitpointTokensRequest request) {
		return listTokensPage(request, RequestOptions.none());
	}

	/**
	 * One page of waitpoint tokens, with the cursors of its neighbours.
	 * @param request the filters, page size and cursor
	 * @param options the per-call options
	 * @return the page
	 */
	public Mono<CursorPage<WaitpointToken>> listTokensPage(ListWaitpointTokensRequest request,
			RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.WAIT_LIST_TOKENS, AuthOptions.DEFAULT, options, (authorization) -> {
			if (request == null) {
				throw new TriggerValidationException("request", "is null. Pass ListWaitpointTokensRequest.all().");
			}
			request.validate();
			return TriggerRequest.get("/api/v1/waitpoints/tokens").withQuery(request.query());
		}, PAGE);
	}

	/**
	 * Retrieves a waitpoint token with its output.
	 * @param tokenId the token id
	 * @return the token
	 */
	public Mono<RetrievedWaitpointToken> retrieveToken(String tokenId) {
		return retrieveToken(tokenId, RequestOptions.none());
	}

	/**
	 * Retrieves a waitpoint token with its output, decoded by its type; an output kept in
	 * object storage ({@code application/store}) is downloaded first, as the SDK does. A
	 * token that timed out is not an error: its {@link RetrievedWaitpointToken#error()}
	 * says so.
	 * @param tokenId the token id
	 * @param options the per-call options, applied to the download too
	 * @return the token; an unknown id signals {@link TriggerNotFoundException}
	 */
	public Mono<RetrievedWaitpointToken> retrieveToken(String tokenId, RequestOptions options) {
		return this.http
			.exchange(TriggerEndpoint.WAIT_RETRIEVE_TOKEN, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest.get("/api/v1/waitpoints/tokens/{tokenId}",
							TriggerValidationException.requireText(tokenId, "tokenId")),
					WaitpointsWire.RetrievedToken.class)
			.flatMap((response) -> {
				WaitpointsWire.RetrievedToken token = response.body();
				if (token.output() == null) {
					return Mono.just(token.decoded(null));
				}
				if (WaitpointsWire.STORE.equals(token.outputType())) {
					return download(token.output(), options).map(token::decoded);
				}
				return Mono.just(token.decoded(
						WaitpointsWire.parseOutput(token.output(), token.outputType(), response.status())));
			});
	}

	/**
	 * Downloads an output that the server keeps in object storage: asks for a presigned URL
	 * ({@code GET /api/v1/packets/{filename}}, the filename's {@code /} kept, as the SDK
	 * sends it), then reads it with no credential and decodes it by its content type.
	 */
	private Mono<JsonNode> download(String filename, RequestOptions options) {
		return this.http.exchange(TriggerEndpoint.PACKETS_RETRIEVE, AuthOptions.DEFAULT, options,
				(authorization) -> packetRequest(filename), WaitpointsWire.PacketUrl.class)
			.flatMap((response) -> {
				String presignedUrl = response.body().presignedUrl();
				if (presignedUrl == null) {
					return Mono.error(new TriggerUnexpectedResponseException(response.status(),
							"The packet response has no 'presignedUrl', but one was expected.", null));
				}
				return this.http.download(presignedUrl, options);
			})
			.map(WaitpointsClient::packetOf);
	}

	private static TriggerRequest packetRequest(String filename) {
		String[] segments = filename.split("/", -1);
		StringBuilder template = new StringBuilder("/api/v1/packets");
		List<Object> variables = new ArrayList<>();
		for (int i = 0; i < segments.length; i++) {
			template.append("/{segment").append(i).append('}');
			variables.add(segments[i]);
		}
		return TriggerRequest.get(template.toString(), variables.toArray());
	}

	private static JsonNode packetOf(TriggerResponse<String> download) {
		MediaType contentType = download.headers().getContentType();
		String type = (contentType != null) ? contentType.getType() + "/" + contentType.getSubtype() : null;
		return WaitpointsWire.parseOutput(download.body(), type, download.status());
	}

	/**
	 * Completes a waitpoint token, resuming the runs that wait for it. Completing a token
	 * that is already completed succeeds and changes nothing.
	 * @param tokenId the token id
	 * @param data the data the waiting runs receive, written with the application's
	 * {@code JsonMapper}; {@code null} completes the token without data
	 * @return completes when the token is completed
	 */
	public Mono<Void> completeToken(String tokenId, @Nullable Object data) {
		return completeToken(tokenId, data, RequestOptions.none());
	}

	/**
	 * Completes a waitpoint token, resuming the runs that wait for it. Completing a token
	 * that is already completed succeeds and changes nothing.
	 * @param tokenId the token id
	 * @param data the data the waiting runs receive, written with the application's
	 * {@code JsonMapper}; {@code null} completes the token without data
	 * @param options the per-call options; a public access token with the scope
	 * {@code write:waitpoints:<tokenId>} ({@link CreatedWaitpointToken#publicAccessToken()})
	 * may be the call's credential
	 * @return completes when the token is completed; an unknown id signals
	 * {@link TriggerNotFoundException}
	 */
	public Mono<Void> completeToken(String tokenId, @Nullable Object data,
			RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.WAIT_COMPLETE_TOKEN, AuthOptions.concerning(tokenId), options,
					(authorization) -> TriggerRequest
						.post("/api/v1/waitpoints/tokens/{tokenId}/complete",
								TriggerValidationException.requireText(tokenId, "tokenId"))
						.withBody(WaitpointsWire.completeBody(data, this.http.jsonMapper())),
					WaitpointsWire.Completed.class)
			.then();
	}

}
