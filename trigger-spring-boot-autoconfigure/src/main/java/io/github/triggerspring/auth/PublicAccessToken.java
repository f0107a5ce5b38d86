package io.github.triggerspring.auth;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import org.jspecify.annotations.Nullable;

/**
 * What can be read from a public access token without its key: the claims of a JWT whose
 * payload has {@code "pub": true}. The signature is not verified here (only the server
 * and the environment's key can do that); the scopes only let the
 * {@link TriggerAuthStrategy} refuse, before the wire, a call that the server would
 * refuse. {@link #toString()} never shows the token.
 *
 * @param token the token, as sent
 * @param scopes the {@code scopes} claim, empty when the token has none
 * @param oneTimeUse whether the token carries {@code otu: true}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
record PublicAccessToken(String token, List<String> scopes, boolean oneTimeUse) {

	/**
	 * Copies the scopes.
	 * @param token the token
	 * @param scopes the scopes
	 * @param oneTimeUse whether the token is for one use
	 */
	public PublicAccessToken {
		scopes = List.copyOf(scopes);
	}

	/**
	 * Reads a credential as a public access token, the way the server classifies it: a JWT
	 * whose payload has {@code "pub": true}.
	 * @param credential the credential
	 * @return the token, or {@code null} if the credential is not a public access token
	 */
	public static @Nullable PublicAccessToken parse(String credential) {
		String value = credential.trim();
		if (value.chars().filter((c) -> c == '.').count() != 2) {
			return null;
		}
		try {
			JWT jwt = JWTParser.parse(value);
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (!Boolean.TRUE.equals(claims.getBooleanClaim("pub"))) {
				return null;
			}
			List<String> scopes = claims.getStringListClaim("scopes");
			return new PublicAccessToken(value, (scopes != null) ? scopes : List.of(),
					Boolean.TRUE.equals(claims.getBooleanClaim("otu")));
		}
		catch (ParseException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "PublicAccessToken[scopes=" + this.scopes + ", oneTimeUse=" + this.oneTimeUse + "]";
	}

}
