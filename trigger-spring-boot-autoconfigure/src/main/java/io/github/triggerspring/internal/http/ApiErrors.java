package io.github.triggerspring.internal.http;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerAuthenticationException;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerConflictException;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerPayloadTooLargeException;
import io.github.triggerspring.error.TriggerPermissionDeniedException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerScopesDeniedException;
import io.github.triggerspring.error.TriggerServerException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Maps error responses to {@link TriggerApiException} subclasses.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiErrors {

	/** Values below this are seconds since the epoch, above it milliseconds. */
	private static final long SECONDS_EPOCH_LIMIT = 100_000_000_000L;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	ApiErrors(JsonMapper jsonMapper, Clock clock) {
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	TriggerApiException create(int status, String body, HttpHeaders headers) {
		String error = errorMessage(body);
		return switch (status) {
			case 400 -> new TriggerBadRequestException(status, error, headers);
			case 401 -> new TriggerAuthenticationException(status, error, headers);
			case 403 -> permissionDenied(status, error, body, headers);
			case 404 -> new TriggerNotFoundException(status, error, headers);
			case 409 -> new TriggerConflictException(status, error, headers);
			case 413 -> new TriggerPayloadTooLargeException(status, error, headers);
			case 422 -> new TriggerUnprocessableEntityException(status, error, headers);
			case 429 -> new TriggerRateLimitException(status, error, headers, rateLimitReset(headers));
			default -> (status >= 500) ? new TriggerServerException(status, error, headers)
					: new TriggerApiException(status, error, headers);
		};
	}

	/**
	 * A 403, which lists the denied scopes when a public-token request asked for more
	 * than the key may grant.
	 */
	private TriggerPermissionDeniedException permissionDenied(int status, @Nullable String error, String body,
			HttpHeaders headers) {
		try {
			JsonNode denied = body.isBlank() ? null : this.jsonMapper.readTree(body).get("deniedScopes");
			if (denied != null && denied.isArray()) {
				List<String> scopes = new ArrayList<>();
				denied.forEach((scope) -> scopes.add(scope.asString()));
				return new TriggerScopesDeniedException(status, error, headers, scopes);
			}
		}
		catch (JacksonException ex) {
			// not JSON: a plain 403
		}
		return new TriggerPermissionDeniedException(status, error, headers);
	}

	private @Nullable String errorMessage(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			JsonNode error = this.jsonMapper.readTree(body).get("error");
			if (error == null || error.isNull()) {
				return null;
			}
			if (error.isObject() && error.hasNonNull("message")) {
				return error.get("message").asString();
			}
			return error.isString() ? error.asString() : error.toString();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * When a rate limit resets: {@code x-ratelimit-reset} in epoch milliseconds (general
	 * limiter) or epoch seconds (batch limiter), else {@code Retry-After} seconds.
	 * @param headers the response headers
	 * @return the reset instant, or {@code null}
	 */
	@Nullable Instant rateLimitReset(HttpHeaders headers) {
		Long reset = HeaderNumbers.of(headers, "x-ratelimit-reset");
		if (reset != null && reset > 0) {
			return (reset < SECONDS_EPOCH_LIMIT) ? Instant.ofEpochSecond(reset) : Instant.ofEpochMilli(reset);
		}
		Long retryAfter = HeaderNumbers.of(headers, HttpHeaders.RETRY_AFTER);
		return (retryAfter != null && retryAfter >= 0) ? this.clock.instant().plusSeconds(retryAfter) : null;
	}

}
