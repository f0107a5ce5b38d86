package io.github.triggerspring.emulator;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The four environment types of an emulated Trigger.dev project, with their API slug and
 * secret key prefix. The emulator's own model, independent of the client's
 * {@code io.github.triggerspring.auth.TriggerEnvironment}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum EmulatedEnvironment {

	/**
	 * Development environment ({@code dev}, keys {@code tr_dev_}).
	 */
	DEV("dev", "tr_dev_", "DEVELOPMENT"),

	/**
	 * Staging environment ({@code stg}, keys {@code tr_stg_}).
	 */
	STAGING("stg", "tr_stg_", "STAGING"),

	/**
	 * Production environment ({@code prod}, keys {@code tr_prod_}).
	 */
	PROD("prod", "tr_prod_", "PRODUCTION"),

	/**
	 * Preview environment ({@code preview}, keys {@code tr_preview_}); API calls with a
	 * preview key must name a branch.
	 */
	PREVIEW("preview", "tr_preview_", "PREVIEW");

	private final String slug;

	private final String keyPrefix;

	private final String type;

	EmulatedEnvironment(String slug, String keyPrefix, String type) {
		this.slug = slug;
		this.keyPrefix = keyPrefix;
		this.type = type;
	}

	/**
	 * Database slug of the environment ({@code dev}, {@code stg}, {@code prod},
	 * {@code preview}).
	 * @return the slug
	 */
	public String slug() {
		return this.slug;
	}

	/**
	 * Secret key prefix, for example {@code tr_dev_}.
	 * @return the prefix
	 */
	public String keyPrefix() {
		return this.keyPrefix;
	}

	/**
	 * Runtime environment type as reported by the API ({@code DEVELOPMENT},
	 * {@code STAGING}, {@code PRODUCTION}, {@code PREVIEW}).
	 * @return the type
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Find the environment for an exact slug ({@code dev}, {@code stg}, {@code prod},
	 * {@code preview}); {@code staging} is not accepted.
	 * @param slug the slug
	 * @return the environment, if any
	 */
	public static Optional<EmulatedEnvironment> fromSlug(@Nullable String slug) {
		for (EmulatedEnvironment environment : values()) {
			if (environment.slug.equals(slug)) {
				return Optional.of(environment);
			}
		}
		return Optional.empty();
	}

	/**
	 * Find the environment for a slug as accepted by the env-var routes, where
	 * {@code staging} is an alias of {@code stg}.
	 * @param slug the slug
	 * @return the environment, if any
	 */
	public static Optional<EmulatedEnvironment> fromEnvVarSlug(@Nullable String slug) {
		if (slug != null && "staging".equals(slug.toLowerCase(Locale.ROOT))) {
			return Optional.of(STAGING);
		}
		return fromSlug(slug);
	}

	/**
	 * Find the environment whose secret key prefix starts the given key.
	 * @param secretKey a secret key
	 * @return the environment, if any
	 */
	public static Optional<EmulatedEnvironment> fromSecretKey(@Nullable String secretKey) {
		for (EmulatedEnvironment environment : values()) {
			if (secretKey != null && secretKey.startsWith(environment.keyPrefix)) {
				return Optional.of(environment);
			}
		}
		return Optional.empty();
	}

}
