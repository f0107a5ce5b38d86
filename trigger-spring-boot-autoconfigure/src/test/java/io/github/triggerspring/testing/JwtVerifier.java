package io.github.triggerspring.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an HS256 JWS with the JDK alone, independently of the library's signing code
 * (which uses Nimbus): the signature over {@code header.payload} with the key's UTF-8
 * bytes, compared in constant time.
 *
 * @author trigger-spring-boot contributors
 */
public final class JwtVerifier {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JwtVerifier() {
	}

	/**
	 * Whether the token's signature is the HMAC-SHA256 of its signing input with the key.
	 * @param token the compact JWS
	 * @param key the secret key
	 * @return whether it verifies
	 */
	public static boolean verifies(String token, String key) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The payload of a token that verifies with the key.
	 * @param token the compact JWS
	 * @param key the secret key
	 * @return the payload
	 * @throws AssertionError if the signature does not verify
	 */
	public static JsonNode verifiedPayload(String token, String key) {
		if (!verifies(token, key)) {
			throw new AssertionError("The token does not verify with the key");
		}
		return part(token, 1);
	}

	/**
	 * The protected header of a token, as JSON text.
	 * @param token the compact JWS
	 * @return the header
	 */
	public static String headerJson(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
	}

	private static JsonNode part(String token, int index) {
		return MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
	}

}
