package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Public access tokens as the server makes and checks them: HS256 JWTs signed with the
 * root secret key of the environment they name ({@code sub}; a preview branch's parent
 * key for a branch), with {@code iss}, {@code aud}, {@code iat} and {@code exp}.
 *
 * @author trigger-spring-boot contributors
 */
final class PublicJwts {

	static final String ISSUER = "https://id.trigger.dev";

	static final String AUDIENCE = "https://api.trigger.dev";

	private static final String HEADER = "{\"alg\":\"HS256\"}";

	private static final Pattern TIME_SPAN = Pattern.compile(
			"^(\\+|-)? ?(\\d+|\\d+\\.\\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$",
			Pattern.CASE_INSENSITIVE);

	private PublicJwts() {
	}

	/**
	 * Whether a credential has the shape of a JWT rather than of a key.
	 * @param credential the bearer credential
	 * @return whether it is a JWT
	 */
	static boolean isJwt(String credential) {
		return !credential.startsWith("tr_") && credential.chars().filter((c) -> c == '.').count() == 2;
	}

	/**
	 * Signs a token for an environment.
	 * @param state the state, which knows the environment's root key
	 * @param env the environment
	 * @param claims claims besides {@code sub}, {@code pub}, {@code iss}, {@code aud},
	 * {@code iat} and {@code exp}
	 * @param issuedAt the issue time
	 * @param expiresAt the expiry
	 * @return the compact JWS
	 */
	static String sign(EmulatorState state, EnvRecord env, ObjectNode claims, Instant issuedAt, Instant expiresAt) {
		ObjectNode payload = Json.object().put("sub", env.id).put("pub", true);
		payload.setAll(claims);
		payload.put("iss", ISSUER)
			.put("aud", AUDIENCE)
			.put("iat", issuedAt.getEpochSecond())
			.put("exp", expiresAt.getEpochSecond());
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String input = encoder.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
		return input + "." + encoder.encodeToString(hmac(state.signingKey(env), input));
	}

	/**
	 * Signs the token a response hands out ({@code x-trigger-jwt}): the given scopes, no
	 * other claim.
	 * @param state the state, which knows the environment's root key
	 * @param env the environment
	 * @param scopes the scopes
	 * @param issuedAt the issue time
	 * @param validity how long the token is valid
	 * @return the compact JWS
	 */
	static String issue(EmulatorState state, EnvRecord env, List<String> scopes, Instant issuedAt,
			Duration validity) {
		ObjectNode claims = Json.object();
		ArrayNode scopeArray = claims.putArray("scopes");
		scopes.forEach(scopeArray::add);
		return sign(state, env, claims, issuedAt, issuedAt.plus(validity));
	}

	/**
	 * The {@code x-trigger-jwt-claims} header of a response that hands out a token: the
	 * claims a client signs its own token with when the server sends none.
	 * @param env the environment
	 * @return the header value
	 */
	static String claimsHeader(EnvRecord env) {
		return Json.write(Json.object().put("sub", env.id).put("pub", true));
	}

	/**
	 * Verifies a token: its shape, its signature with the key of the environment it
	 * names, {@code pub} and {@code exp}.
	 * @param state the state
	 * @param token the token
	 * @param now the emulator's time
	 * @return the verified token
	 * @throws ApiError 401 if it does not verify or has expired
	 */
	static PublicJwt verify(EmulatorState state, String token, Instant now) {
		String[] parts = token.split("\\.", -1);
		JsonNode payload;
		try {
			payload = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw invalid();
		}
		EnvRecord env = (payload != null) ? state.envById(Json.text(payload, "sub")) : null;
		if (env == null || !payload.path("pub").asBoolean(false)) {
			throw invalid();
		}
		byte[] signature;
		try {
			signature = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (!MessageDigest.isEqual(hmac(state.signingKey(env), parts[0] + "." + parts[1]), signature)) {
			throw invalid();
		}
		JsonNode exp = payload.get("exp");
		if (exp == null || !exp.isNumber()
				|| (exp.canConvertToLong() ? exp.asLong() <= now.getEpochSecond() : exp.asDouble() <= 0)) {
			throw new ApiError(401, "Public Access Token has expired");
		}
		List<String> scopes = new ArrayList<>();
		payload.path("scopes").forEach((scope) -> scopes.add(Json.display(scope)));
		JsonNode skipColumns = payload.path("realtime").get("skipColumns");
		List<String> skipped = null;
		if (skipColumns != null && skipColumns.isArray()) {
			skipped = new ArrayList<>();
			for (JsonNode column : skipColumns) {
				skipped.add(Json.display(column));
			}
		}
		return new PublicJwt(env, scopes, payload.path("otu").asBoolean(false), skipped);
	}

	/**
	 * Seconds of a jose time span such as {@code 15m} or {@code 2 hours}.
	 * @param timeSpan the time span
	 * @return the seconds (negative for a span in the past), or {@code null} if it is no
	 * time span
	 */
	static @Nullable Long seconds(String timeSpan) {
		Matcher matcher = TIME_SPAN.matcher(timeSpan.trim());
		if (!matcher.matches()) {
			return null;
		}
		double unit = switch (matcher.group(3).toLowerCase(Locale.ROOT).charAt(0)) {
			case 's' -> 1;
			case 'm' -> 60;
			case 'h' -> 3600;
			case 'd' -> 86400;
			case 'w' -> 604800;
			default -> 31557600;
		};
		long seconds = Math.round(Double.parseDouble(matcher.group(2)) * unit);
		return ("-".equals(matcher.group(1)) || "ago".equalsIgnoreCase(matcher.group(4))) ? -seconds : seconds;
	}

	private static ApiError invalid() {
		return new ApiError(401, "Invalid Public Access Token");
	}

	private static byte[] hmac(String key, String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
