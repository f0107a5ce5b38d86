package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code auth.*} routes: the claims a root secret key signs public access tokens
 * with, and public access tokens minted by the server (for additional keys, which cannot
 * sign), limited to what the key may grant.
 *
 * @author trigger-spring-boot contributors
 */
final class AuthHandler {

	private static final long MAX_LIFETIME_SECONDS = Duration.ofDays(30).toSeconds();

	private static final long DEFAULT_LIFETIME_SECONDS = Duration.ofMinutes(15).toSeconds();

	private final EmulatorState state;

	private final EmulatorClock clock;

	AuthHandler(EmulatorState state, EmulatorClock clock) {
		this.state = state;
		this.clock = clock;
	}

	/** {@code POST /api/v1/auth/jwt/claims}: the environment (a preview key's branch). */
	ApiReply claims(ApiCall call, ApiPrincipal principal) {
		return ApiReply.json(200, Json.object().put("sub", principal.requireEnv().id).put("pub", true));
	}

	/** {@code POST /api/v1/auth/public-tokens}: a token signed with the environment's key. */
	ApiReply publicToken(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		JsonNode scopesNode = (body != null) ? body.get("scopes") : null;
		if (scopesNode == null || !scopesNode.isArray() || scopesNode.isEmpty()) {
			throw new ApiError(400, "Invalid request body: scopes must contain at least one scope");
		}
		List<String> scopes = new ArrayList<>();
		scopesNode.forEach((scope) -> scopes.add(Json.display(scope)));
		Set<String> grantable = this.state.grantableScopes.get(CredentialMasker.credential(call.header("authorization")));
		if (grantable != null) {
			List<String> denied = scopes.stream().filter((scope) -> !grants(grantable, scope)).toList();
			if (!denied.isEmpty()) {
				ObjectNode error = Json.object()
					.put("error", "Requested scopes exceed the access of this API key")
					.put("code", "scopes_exceed_key_access");
				ArrayNode list = error.putArray("deniedScopes");
				denied.forEach(list::add);
				throw new ApiError(ApiReply.json(403, error));
			}
		}
		Instant now = this.clock.instant();
		Instant expiresAt = expiry(body.get("expirationTime"), now);
		ObjectNode claims = Json.object();
		ArrayNode scopeArray = claims.putArray("scopes");
		scopes.forEach(scopeArray::add);
		if (body.path("oneTimeUse").asBoolean(false)) {
			claims.put("otu", true);
		}
		if (body.get("realtime") != null && body.get("realtime").isObject()) {
			claims.set("realtime", body.get("realtime"));
		}
		return ApiReply.json(200,
				Json.object().put("token", PublicJwts.sign(this.state, principal.requireEnv(), claims, now, expiresAt)));
	}

	private static boolean grants(Set<String> grantable, String scope) {
		if (grantable.contains(scope)) {
			return true;
		}
		int last = scope.lastIndexOf(':');
		return last > scope.indexOf(':') && grantable.contains(scope.substring(0, last));
	}

	private static Instant expiry(@Nullable JsonNode expirationTime, Instant now) {
		long seconds;
		if (expirationTime == null || expirationTime.isNull()) {
			seconds = DEFAULT_LIFETIME_SECONDS;
		}
		else if (expirationTime.isNumber() && expirationTime.canConvertToLong()) {
			long at = expirationTime.asLong();
			seconds = (at > now.getEpochSecond()) ? at - now.getEpochSecond() : 0;
		}
		else if (expirationTime.isNumber()) {
			seconds = (expirationTime.asDouble() > 0) ? Long.MAX_VALUE : 0;
		}
		else {
			Long span = expirationTime.isString() ? PublicJwts.seconds(expirationTime.stringValue()) : null;
			if (span == null) {
				throw new ApiError(400, "Invalid expirationTime: " + Json.display(expirationTime));
			}
			seconds = span;
		}
		if (seconds <= 0) {
			throw new ApiError(400, "expirationTime must be in the future");
		}
		if (seconds > MAX_LIFETIME_SECONDS) {
			throw new ApiError(400, "expirationTime must be at most 30 days in the future");
		}
		return now.plusSeconds(seconds);
	}

}
