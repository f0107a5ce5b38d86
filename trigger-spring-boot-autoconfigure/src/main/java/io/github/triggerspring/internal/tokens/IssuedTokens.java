package io.github.triggerspring.internal.tokens;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.http.TriggerResponse;
import io.github.triggerspring.tokens.TokenExpiration;
import io.github.triggerspring.tokens.TokenScopes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;

/**
 * The public access token that a response hands out with what it created (a run, a
 * batch, a waitpoint), as the SDK surfaces it (notes §6.4): the {@code x-trigger-jwt}
 * response header; when the server sends none, a token signed here from the
 * {@code x-trigger-jwt-claims} header with the call's root secret key, valid for
 * {@link #SELF_SIGNED_EXPIRY one hour} unless the caller says otherwise. No token is surfaced when neither is possible
 * (an additional secret key cannot sign, nor a call made with a public access token).
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class IssuedTokens {

	/** Response header that carries the token the server minted. */
	public static final String JWT_HEADER = "x-trigger-jwt";

	/** Response header that carries the claims to sign a token with. */
	public static final String JWT_CLAIMS_HEADER = "x-trigger-jwt-claims";

	/** Lifetime of a token signed here, as the SDK's fallback. */
	public static final TokenExpiration SELF_SIGNED_EXPIRY = TokenExpiration.in(Duration.ofHours(1));

	private final TriggerHttpClient http;

	/**
	 * Creates the helper for a client's HTTP layer, whose clock dates the tokens signed
	 * here.
	 * @param http the HTTP layer
	 */
	public IssuedTokens(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Performs one logical call, as {@link TriggerHttpClient#exchange}, and surfaces the
	 * public access token of its response.
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization
	 * @param bodyType the body type
	 * @param scopes the scopes of a token signed here, from the response (for example
	 * {@code read:runs:<id>})
	 * @return the response and its token
	 */
	public <T> Mono<Issued<T>> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType,
			Function<TriggerResponse<T>, List<String>> scopes) {
		return exchange(endpoint, auth, options, request, bodyType, scopes, SELF_SIGNED_EXPIRY);
	}

	/**
	 * Performs one logical call, as {@link TriggerHttpClient#exchange}, and surfaces the
	 * public access token of its response, signing one that expires as given when the
	 * server sends none (a waitpoint token's is 24 hours, for example).
	 * @param <T> the body type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization
	 * @param bodyType the body type
	 * @param scopes the scopes of a token signed here, from the response
	 * @param expiry the expiry of a token signed here
	 * @return the response and its token
	 */
	public <T> Mono<Issued<T>> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType,
			Function<TriggerResponse<T>, List<String>> scopes, TokenExpiration expiry) {
		return exchange(endpoint, auth, options, request, bodyType, scopes, expiry, Issued::new);
	}

	/**
	 * Performs one logical call, as {@link TriggerHttpClient#exchange}, and makes its
	 * result from the response and the public access token it hands out, for clients that
	 * return their own type rather than an {@link Issued}.
	 * @param <T> the body type
	 * @param <R> the result type
	 * @param endpoint the endpoint called
	 * @param auth the call's own auth choices
	 * @param options the caller's per-call options
	 * @param request builds the request from the authorization
	 * @param bodyType the body type
	 * @param scopes the scopes of a token signed here, from the response
	 * @param expiry the expiry of a token signed here
	 * @param result makes the result from the response and its token, or {@code null}
	 * @return the result
	 */
	public <T, R> Mono<R> exchange(TriggerEndpoint endpoint, AuthOptions auth, RequestOptions options,
			Function<CallAuthorization, TriggerRequest> request, Class<T> bodyType,
			Function<TriggerResponse<T>, List<String>> scopes, TokenExpiration expiry,
			BiFunction<TriggerResponse<T>, @Nullable String, R> result) {
		return this.http.exchange(endpoint, auth, options, request, bodyType,
				(authorization, response) -> result.apply(response,
						publicAccessToken(response.headers(), authorization, scopes.apply(response), expiry)));
	}

	/**
	 * The token that a response hands out.
	 * @param headers the response headers
	 * @param authorization the call's authorization, or {@code null} if unknown
	 * @param scopes the scopes of a token signed here
	 * @param expiry the expiry of a token signed here
	 * @return the token, or {@code null} if the response has none and none can be signed
	 */
	public @Nullable String publicAccessToken(HttpHeaders headers, @Nullable CallAuthorization authorization,
			List<String> scopes, TokenExpiration expiry) {
		String token = headers.getFirst(JWT_HEADER);
		if (token != null && !token.isBlank()) {
			return token;
		}
		String claims = headers.getFirst(JWT_CLAIMS_HEADER);
		if (claims == null || authorization == null || !canSign(authorization)) {
			return null;
		}
		try {
			Map<String, Object> parsed = JSONObjectUtils.parse(claims);
			return PublicTokenSigner.sign(authorization.token(), parsed,
					new TokenScopes(scopes, false, List.of()), this.http.clock().instant(), expiry);
		}
		catch (ParseException ex) {
			return null;
		}
	}

	/**
	 * Whether the call's credential can sign public access tokens: only a root secret key
	 * can.
	 * @param authorization the call's authorization
	 * @return whether it can sign
	 */
	public static boolean canSign(CallAuthorization authorization) {
		return authorization.credential() == CredentialKind.SECRET_KEY && authorization.token() != null
				&& !isAdditionalKey(authorization.token());
	}

	/**
	 * Whether a secret key is an additional key ({@code tr_<env>_sk_…}), which cannot sign.
	 * @param secretKey the key
	 * @return whether it is an additional key
	 */
	static boolean isAdditionalKey(String secretKey) {
		return secretKey.matches("^tr_(dev|stg|prod|preview)_sk_.*");
	}

	/**
	 * A response and the public access token it hands out.
	 *
	 * @param <T> the body type
	 * @param response the response
	 * @param publicAccessToken the token, or {@code null}
	 */
	public record Issued<T>(TriggerResponse<T> response, @Nullable String publicAccessToken) {

		@Override
		public String toString() {
			return "Issued[response=" + this.response + ", publicAccessToken="
					+ ((this.publicAccessToken != null) ? "<redacted>" : "null") + "]";
		}

	}

}
