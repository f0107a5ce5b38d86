package io.github.triggerspring.auth;

import org.jspecify.annotations.Nullable;

/**
 * Environments of a Trigger.dev project.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum TriggerEnvironment {

	/**
	 * Development environment ({@code tr_dev_} keys).
	 */
	DEV("dev", "dev", "tr_dev_"),

	/**
	 * Staging environment ({@code tr_stg_} keys).
	 */
	STAGING("staging", "stg", "tr_stg_"),

	/**
	 * Production environment ({@code tr_prod_} keys).
	 */
	PROD("prod", "prod", "tr_prod_"),

	/**
	 * Preview environment ({@code tr_preview_} keys), whose branches are selected with the
	 * {@code x-trigger-branch} header.
	 */
	PREVIEW("preview", "preview", "tr_preview_");

	private final String pathSegment;

	private final String slug;

	private final String secretKeyPrefix;

	TriggerEnvironment(String pathSegment, String slug, String secretKeyPrefix) {
		this.pathSegment = pathSegment;
		this.slug = slug;
		this.secretKeyPrefix = secretKeyPrefix;
	}

	/**
	 * Name used in env-var paths ({@code /envvars/{env}}), for example {@code staging}.
	 * @return the path segment
	 */
	public String pathSegment() {
		return this.pathSegment;
	}

	/**
	 * Slug stored by the server and matched by {@code filter[env]}, for example
	 * {@code stg}.
	 * @return the slug
	 */
	public String slug() {
		return this.slug;
	}

	/**
	 * Prefix of the secret keys of this environment, for example {@code tr_stg_}.
	 * @return the prefix
	 */
	public String secretKeyPrefix() {
		return this.secretKeyPrefix;
	}

	/**
	 * Environment that a secret key belongs to, read from its prefix.
	 * @param secretKey the secret key
	 * @return the environment, or {@code null} if the prefix is not a secret-key prefix
	 */
	public static @Nullable TriggerEnvironment ofSecretKey(String secretKey) {
		for (TriggerEnvironment environment : values()) {
			if (secretKey.startsWith(environment.secretKeyPrefix)) {
				return environment;
			}
		}
		return null;
	}

}
