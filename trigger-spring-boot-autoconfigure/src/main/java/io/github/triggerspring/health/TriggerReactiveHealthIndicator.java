package io.github.triggerspring.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerAuthenticationException;
import io.github.triggerspring.error.TriggerPermissionDeniedException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.HeaderNumbers;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.http.HttpHeaders;

/**
 * {@link org.springframework.boot.health.contributor.ReactiveHealthIndicator} for the
 * Trigger.dev API: one cheap, read-only call that the configured credential may make,
 * with no retry and a short timeout of its own. With a secret key it lists one run
 * ({@code runs.list}, page size 1); with only a personal access token it lists the env
 * vars of the configured project and environment ({@code envvars.list}). It never
 * triggers anything.
 * <ul>
 * <li>{@code UP}: the credential is accepted. The details give the latency, read on the
 * HTTP layer's {@link TriggerHttpClient#clock() clock}, and the rate-limit headroom
 * ({@code x-ratelimit-remaining}).</li>
 * <li>{@code UP} with {@code rateLimited: true} on a 429: the API is there and knows the
 * credential, only this application calls it too often. Being throttled is not being
 * down, and a readiness probe should not take the application out of service for it.</li>
 * <li>{@code DOWN} on a 401 or 403, with {@code credentialAccepted: false} and an
 * {@code action} that names the property to fix (never the secret), on any other error
 * status, on a timeout, on a connection failure, or when the call is refused before the
 * wire.</li>
 * </ul>
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerReactiveHealthIndicator extends AbstractReactiveHealthIndicator {

	private final TriggerHttpClient http;

	private final CredentialKind credential;

	private final RequestOptions options;

	/**
	 * Creates an indicator.
	 * @param http the HTTP layer, whose auth strategy authorizes the call and whose clock
	 * times it
	 * @param credential kind of credential to check: a
	 * {@link CredentialKind#SECRET_KEY secret key} lists one run, a
	 * {@link CredentialKind#PERSONAL_ACCESS_TOKEN personal access token} lists env vars
	 * @param timeout maximum wait for the response; the call is not retried
	 */
	public TriggerReactiveHealthIndicator(TriggerHttpClient http, CredentialKind credential, Duration timeout) {
		super("Trigger health check failed");
		this.http = http;
		this.credential = credential;
		this.options = RequestOptions.none().withRetry(TriggerRetryPolicy.none()).withResponseTimeout(timeout);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		TriggerEndpoint endpoint = endpoint();
		builder.withDetail("endpoint", endpoint.id()).withDetail("credential", this.credential.description());
		return Mono.defer(() -> {
			Clock clock = this.http.clock();
			long start = clock.millis();
			return this.http
				.exchange(endpoint, AuthOptions.using(this.credential), this.options, this::request, JsonNode.class)
				.map((response) -> up(builder, response.headers(), latency(clock, start)))
				.onErrorResume((failure) -> Mono.just(failed(builder, failure, latency(clock, start))));
		});
	}

	private TriggerEndpoint endpoint() {
		return (this.credential == CredentialKind.PERSONAL_ACCESS_TOKEN) ? TriggerEndpoint.ENVVARS_LIST
				: TriggerEndpoint.RUNS_LIST;
	}

	private TriggerRequest request(CallAuthorization authorization) {
		if (authorization.endpoint() == TriggerEndpoint.ENVVARS_LIST) {
			return TriggerRequest.get("/api/v1/projects/{projectRef}/envvars/{env}",
					authorization.requiredProjectRef(), authorization.requiredEnvironment().pathSegment());
		}
		return TriggerRequest.get("/api/v1/runs").withQuery(Map.of("page[size]", 1));
	}

	private Health up(Health.Builder builder, HttpHeaders headers, String latency) {
		builder.up().withDetail("credentialAccepted", true).withDetail("latency", latency);
		withRateLimitRemaining(builder, headers);
		return builder.build();
	}

	private Health failed(Health.Builder builder, Throwable failure, String latency) {
		if (failure instanceof TriggerRateLimitException rateLimit) {
			builder.up()
				.withDetail("credentialAccepted", true)
				.withDetail("latency", latency)
				.withDetail("rateLimited", true);
			withRateLimitRemaining(builder, rateLimit.getHeaders());
			if (rateLimit.getReset() != null) {
				builder.withDetail("rateLimitReset", rateLimit.getReset().toString());
			}
			return builder.build();
		}
		builder.down();
		if (failure instanceof TriggerAuthenticationException || failure instanceof TriggerPermissionDeniedException) {
			int status = ((TriggerApiException) failure).getStatus();
			return builder.withDetail("credentialAccepted", false)
				.withDetail("httpStatus", status)
				.withDetail("latency", latency)
				.withDetail("action", "Check " + this.credential.howToConfigure() + ": the API refused the "
						+ this.credential.description() + " with " + status + ".")
				.build();
		}
		if (failure instanceof UnsupportedCredentialException || failure instanceof TriggerValidationException) {
			return builder.withDetail("action", failure.getMessage()).build();
		}
		if (failure instanceof TriggerApiException api) {
			builder.withDetail("httpStatus", api.getStatus()).withDetail("latency", latency);
		}
		return builder.withDetail("error", failure.getClass().getSimpleName() + ": " + failure.getMessage()).build();
	}

	private static void withRateLimitRemaining(Health.Builder builder, HttpHeaders headers) {
		Long remaining = HeaderNumbers.of(headers, "x-ratelimit-remaining");
		if (remaining != null) {
			builder.withDetail("rateLimitRemaining", remaining);
		}
	}

	private static String latency(Clock clock, long start) {
		return (clock.millis() - start) + "ms";
	}

}
