package io.github.triggerspring.tokens;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/auth/public-tokens}.
 *
 * @param scopes the scopes, at least one
 * @param expirationTime a time span or whole seconds since the epoch
 * @param oneTimeUse {@code true} for a one-time token, else absent
 * @param realtime the realtime claim, or absent
 * @author trigger-spring-boot contributors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublicTokenBody(List<String> scopes, Object expirationTime, @Nullable Boolean oneTimeUse,
		@Nullable Map<String, List<String>> realtime) {

	static PublicTokenBody of(TokenScopes scopes, TokenExpiration expiration) {
		return new PublicTokenBody(scopes.scopes(), expiration.wireValue(), scopes.oneTimeUse() ? Boolean.TRUE : null,
				scopes.skipColumns().isEmpty() ? null : Map.of("skipColumns", scopes.skipColumns()));
	}

}
