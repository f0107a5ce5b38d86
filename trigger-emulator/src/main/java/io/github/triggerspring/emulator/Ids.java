package io.github.triggerspring.emulator;

import java.security.SecureRandom;

/**
 * Friendly id and token generation.
 *
 * @author trigger-spring-boot contributors
 */
final class Ids {

	static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

	static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

	static final String PAT_ALPHABET = "123456789abcdefghijkmnopqrstuvwxyz";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	static String random(String alphabet, int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return builder.toString();
	}

	static String friendly(String prefix) {
		return prefix + random(LOWER_ALNUM, 24);
	}

	static String secretKey(EmulatedEnvironment environment) {
		return environment.keyPrefix() + random(ALNUM, 24);
	}

	static String personalAccessToken() {
		return "tr_pat_" + random(PAT_ALPHABET, 40);
	}

	static String organizationAccessToken() {
		return "tr_oat_" + random(PAT_ALPHABET, 40);
	}

}
