package io.github.triggerspring.internal.tokens;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.triggerspring.error.TriggerLocalException;
import io.github.triggerspring.tokens.TokenExpiration;
import io.github.triggerspring.tokens.TokenScopes;

/**
 * Signs public access tokens the way the SDK's {@code generateJWT} does: JWS compact
 * serialization by Nimbus JOSE + JWT, protected header {@code {"alg":"HS256"}} only, the
 * HMAC secret being the UTF-8 bytes of the root secret key, claims
 * {@code {...claims, scopes?, realtime?, otu?}} plus {@code iss}, {@code aud},
 * {@code iat} and {@code exp}.
 * <p>
 * Nimbus's {@code MACSigner} refuses secrets shorter than 256 bits, but a dev key
 * ({@code tr_dev_} and 24 characters) has 248, and the server verifies with the key as
 * it is. The HMAC is therefore computed by the JDK's {@code HmacSHA256} behind Nimbus's
 * {@link JWSSigner} interface; header, encoding and serialization stay Nimbus's.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class PublicTokenSigner {

	/** The {@code iss} claim of every public access token. */
	public static final String ISSUER = "https://id.trigger.dev";

	/** The {@code aud} claim of every public access token. */
	public static final String AUDIENCE = "https://api.trigger.dev";

	private PublicTokenSigner() {
	}

	/**
	 * Signs a token.
	 * @param secretKey the root secret key of the environment
	 * @param claims the claims the server handed out ({@code sub}, {@code pub})
	 * @param scopes the token's scopes; with none, no {@code scopes} claim is written, as
	 * in the SDK
	 * @param issuedAt the {@code iat} claim (whole seconds are kept)
	 * @param expiration when the token expires
	 * @return the token
	 */
	public static String sign(String secretKey, Map<String, Object> claims, TokenScopes scopes, Instant issuedAt,
			TokenExpiration expiration) {
		Instant iat = Instant.ofEpochSecond(issuedAt.getEpochSecond());
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.forEach(builder::claim);
		if (!scopes.scopes().isEmpty()) {
			builder.claim("scopes", scopes.scopes());
		}
		if (!scopes.skipColumns().isEmpty()) {
			builder.claim("realtime", Map.of("skipColumns", scopes.skipColumns()));
		}
		if (scopes.oneTimeUse()) {
			builder.claim("otu", true);
		}
		JWTClaimsSet claimsSet = builder.issuer(ISSUER)
			.audience(AUDIENCE)
			.issueTime(Date.from(iat))
			.expirationTime(Date.from(expiration.expiresAt(iat)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claimsSet);
		try {
			jwt.sign(new HmacSha256Signer(secretKey.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new TriggerLocalException("Could not sign the public access token: " + ex.getMessage(), ex);
		}
		return jwt.serialize();
	}

	/**
	 * HS256 with a secret of any length, as the SDK's {@code jose} library and the server
	 * allow.
	 */
	private static final class HmacSha256Signer implements JWSSigner {

		private final byte[] secret;

		private final JCAContext context = new JCAContext();

		HmacSha256Signer(byte[] secret) {
			this.secret = secret;
		}

		@Override
		public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
				return Base64URL.encode(mac.doFinal(signingInput));
			}
			catch (NoSuchAlgorithmException | InvalidKeyException ex) {
				throw new JOSEException("HmacSHA256 is not available: " + ex.getMessage(), ex);
			}
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return Set.of(JWSAlgorithm.HS256);
		}

		@Override
		public JCAContext getJCAContext() {
			return this.context;
		}

	}

}
