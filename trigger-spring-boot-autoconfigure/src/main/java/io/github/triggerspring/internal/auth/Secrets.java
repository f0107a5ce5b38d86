package io.github.triggerspring.internal.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials so that they can appear in messages and logs: only a known prefix
 * such as {@code tr_pat_} is kept.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class Secrets {

	private static final Pattern KNOWN_PREFIX = Pattern.compile("^(tr_(?:dev|stg|prod|preview|pat|oat)_(?:sk_)?)");

	private static final Pattern SHORT_PREFIX = Pattern.compile("^([A-Za-z]{1,6}_)");

	private Secrets() {
	}

	/**
	 * Masks a credential, for example {@code tr_pat_abc…} becomes {@code tr_pat_…}.
	 * @param value the credential, may be {@code null}
	 * @return the masked form, never containing more than a short prefix of the value
	 */
	public static String mask(@Nullable String value) {
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

}
