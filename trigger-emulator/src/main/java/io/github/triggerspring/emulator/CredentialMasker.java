package io.github.triggerspring.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials before the emulator exposes a request, in the same shape as the
 * client's masking: only a known prefix such as {@code tr_dev_} is kept, for example
 * {@code Bearer tr_dev_…}.
 *
 * @author trigger-spring-boot contributors
 */
final class CredentialMasker {

	private static final String BEARER = "Bearer ";

	private static final Pattern KNOWN_PREFIX = Pattern.compile("^(tr_(?:dev|stg|prod|preview|pat|oat)_(?:sk_)?)");

	private static final Pattern SHORT_PREFIX = Pattern.compile("^([A-Za-z]{1,6}_)");

	private CredentialMasker() {
	}

	/**
	 * Mask a credential, for example {@code tr_pat_abc…} becomes {@code tr_pat_…}.
	 * @param value the credential, may be {@code null}
	 * @return the masked form, never containing more than a short prefix of the value
	 */
	static String mask(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "<none>";
		}
		Matcher known = KNOWN_PREFIX.matcher(value);
		if (known.find()) {
			return known.group(1) + "…";
		}
		Matcher other = SHORT_PREFIX.matcher(value);
		return (other.find() ? other.group(1) : "") + "…";
	}

	/**
	 * Mask the value of an {@code Authorization} header, keeping a {@code Bearer}
	 * scheme.
	 * @param value the header value
	 * @return the masked value, for example {@code Bearer tr_dev_…}
	 */
	static String maskHeaderValue(@Nullable String value) {
		if (value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return BEARER + mask(value.substring(BEARER.length()).trim());
		}
		return mask((value != null) ? value.trim() : null);
	}

	/**
	 * The credential of an {@code Authorization} value, read as the API reads it.
	 * @param authorization the header value
	 * @return the credential
	 */
	static String credential(String authorization) {
		return authorization.replaceFirst("^Bearer ", "").trim();
	}

	/**
	 * SHA-256 digest of a credential, to compare credentials without keeping them.
	 * @param credential the credential
	 * @return the digest
	 */
	static byte[] digest(String credential) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
