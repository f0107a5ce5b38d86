package io.github.triggerspring.tokens;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.tokens.IssuedTokens;
import io.github.triggerspring.internal.tokens.PublicTokenSigner;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Client for the {@code auth.*} namespace: mints public access tokens, short-lived JWTs
 * scoped to a few resources, that a backend hands to a frontend.
 * <ul>
 * <li>With a root secret key, as the SDK does: reads the environment's claims
 * ({@code POST /api/v1/auth/jwt/claims}), then signs an HS256 JWT locally with the key
 * ({@link PublicTokenSigner}); {@code iat} is the HTTP layer's clock. A preview key
 * with its branch yields a token of the branch environment.</li>
 * <li>With an additional secret key ({@code tr_<env>_sk_…}), which cannot sign: the
 * server mints the token ({@code POST /api/v1/auth/public-tokens}); scopes beyond the
 * key's rights fail with a
 * {@link io.github.triggerspring.error.TriggerScopesDeniedException} that lists
 * them.</li>
 * </ul>
 * The credential is the configured secret key, or the call's own
 * ({@link RequestOptions#withCredential(String)}).
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class PublicTokensClient {

	private static final Pattern SCOPE = Pattern.compile("^[A-Za-z]+:[A-Za-z]+(:\\S+)?$");

	private static final ParameterizedTypeReference<Map<String, Object>> CLAIMS = new ParameterizedTypeReference<>() {
	};

	private final TriggerHttpClient http;

	private final TriggerAuthStrategy authStrategy;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 * @param authStrategy the auth strategy, which tells a root key from an additional one
	 * before anything is sent
	 */
	public PublicTokensClient(TriggerHttpClient http, TriggerAuthStrategy authStrategy) {
		this.http = http;
		this.authStrategy = authStrategy;
	}

	/**
	 * Mints a token with the given scopes.
	 * @param scopes what the token may do; a root key may mint a token without scopes,
	 * which may do nothing
	 * @param expiration when it expires, for example {@link TokenExpiration#DEFAULT}
	 * @return the token
	 */
	public Mono<String> createPublicToken(TokenScopes scopes, TokenExpiration expiration) {
		return createPublicToken(scopes, expiration, RequestOptions.none());
	}

	/**
	 * Mints a token with the given scopes.
	 * @param scopes what the token may do
	 * @param expiration when it expires
	 * @param options the per-call options
	 * @return the token
	 */
	public Mono<String> createPublicToken(TokenScopes scopes, TokenExpiration expiration, RequestOptions options) {
		return Mono.defer(() -> {
			validate(scopes, expiration);
			return this.authStrategy.authorize(TriggerEndpoint.AUTH_JWT_CLAIMS, options.applyTo(AuthOptions.DEFAULT));
		}).flatMap((authorization) -> IssuedTokens.canSign(authorization)
				? signed(scopes, expiration, authorization, options) : minted(scopes, expiration, options));
	}

	/**
	 * Mints a token that may trigger the given tasks ({@code trigger:tasks:<id>}), as the
	 * SDK's {@code auth.createTriggerPublicToken}.
	 * @param taskIds the tasks, at least one
	 * @param multipleUse whether the token may be used more than once; if not, it carries
	 * {@code otu: true}
	 * @param expiration when it expires
	 * @return the token
	 */
	public Mono<String> createTriggerPublicToken(List<String> taskIds, boolean multipleUse,
			TokenExpiration expiration) {
		return createTriggerPublicToken(taskIds, multipleUse, expiration, RequestOptions.none());
	}

	/**
	 * Mints a token that may trigger the given tasks.
	 * @param taskIds the tasks, at least one
	 * @param multipleUse whether the token may be used more than once
	 * @param expiration when it expires
	 * @param options the per-call options
	 * @return the token
	 */
	public Mono<String> createTriggerPublicToken(List<String> taskIds, boolean multipleUse,
			TokenExpiration expiration, RequestOptions options) {
		return Mono.defer(() -> createPublicToken(
				taskScopes(TokenScopes.builder().triggerTasks(tasks(taskIds)), multipleUse), expiration, options));
	}

	/**
	 * Mints a token that may batch-trigger the given tasks
	 * ({@code batchTrigger:tasks:<id>}), as the SDK's
	 * {@code auth.createBatchTriggerPublicToken}.
	 * @param taskIds the tasks, at least one
	 * @param multipleUse whether the token may be used more than once; if not, it carries
	 * {@code otu: true}
	 * @param expiration when it expires
	 * @return the token
	 */
	public Mono<String> createBatchTriggerPublicToken(List<String> taskIds, boolean multipleUse,
			TokenExpiration expiration) {
		return createBatchTriggerPublicToken(taskIds, multipleUse, expiration, RequestOptions.none());
	}

	/**
	 * Mints a token that may batch-trigger the given tasks.
	 * @param taskIds the tasks, at least one
	 * @param multipleUse whether the token may be used more than once
	 * @param expiration when it expires
	 * @param options the per-call options
	 * @return the token
	 */
	public Mono<String> createBatchTriggerPublicToken(List<String> taskIds, boolean multipleUse,
			TokenExpiration expiration, RequestOptions options) {
		return Mono.defer(() -> createPublicToken(
				taskScopes(TokenScopes.builder().batchTriggerTasks(tasks(taskIds)), multipleUse), expiration,
				options));
	}

	private Mono<String> signed(TokenScopes scopes, TokenExpiration expiration, CallAuthorization authorization,
			RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.AUTH_JWT_CLAIMS, AuthOptions.DEFAULT, options,
					(claimsAuthorization) -> TriggerRequest.post("/api/v1/auth/jwt/claims"), CLAIMS)
			.map((claims) -> PublicTokenSigner.sign(authorization.token(), claims, scopes,
					this.http.clock().instant(), expiration));
	}

	private Mono<String> minted(TokenScopes scopes, TokenExpiration expiration, RequestOptions options) {
		if (scopes.scopes().isEmpty()) {
			return Mono.error(new TriggerValidationException("scopes", "must not be empty: the server mints a token "
					+ "for an additional secret key only with at least one scope. Add a scope."));
		}
		return this.http
			.retrieve(TriggerEndpoint.AUTH_PUBLIC_TOKENS, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest.post("/api/v1/auth/public-tokens")
						.withBody(PublicTokenBody.of(scopes, expiration)),
					JsonNode.class)
			.map((body) -> {
				JsonNode token = body.path("token");
				if (!token.isString() || token.asString().isEmpty()) {
					throw new TriggerUnexpectedResponseException(200,
							"The response has no 'token', but one was expected.", null);
				}
				return token.asString();
			});
	}

	private static void validate(TokenScopes scopes, TokenExpiration expiration) {
		for (String scope : scopes.scopes()) {
			if (!SCOPE.matcher(scope).matches()) {
				throw new TriggerValidationException("scopes", "has '" + scope + "', which is not a scope such as "
						+ "read:runs:run_1 or trigger:tasks:my-task. Pass the ids of the resources the token may use.");
			}
		}
		expiration.wireValue();
	}

	private static String[] tasks(List<String> taskIds) {
		if (taskIds == null || taskIds.isEmpty()) {
			throw new TriggerValidationException("taskIds",
					"must not be empty: a trigger token names the tasks it may trigger. Pass at least one task id.");
		}
		return taskIds.toArray(String[]::new);
	}

	private static TokenScopes taskScopes(TokenScopes.Builder builder, boolean multipleUse) {
		return multipleUse ? builder.build() : builder.oneTimeUse().build();
	}

}
