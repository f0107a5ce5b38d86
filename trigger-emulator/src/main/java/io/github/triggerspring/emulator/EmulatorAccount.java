package io.github.triggerspring.emulator;

import java.util.Objects;

/**
 * Credentials of the account every emulator is seeded with (and returns to on
 * {@link TriggerEmulator#reset()}): one project with the four environments, one secret
 * key per environment, one preview branch, a personal access token and an organization
 * access token, both with access to the project.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class EmulatorAccount {

	/** Ref of the seeded project. */
	public static final String PROJECT_REF = "proj_emulator";

	/** Secret key of the seeded {@code dev} environment. */
	public static final String DEV_SECRET_KEY = "tr_dev_EmulatorDevSecretKey0001";

	/** Secret key of the seeded {@code stg} (staging) environment. */
	public static final String STAGING_SECRET_KEY = "tr_stg_EmulatorStgSecretKey0001";

	/** Secret key of the seeded {@code prod} environment. */
	public static final String PROD_SECRET_KEY = "tr_prod_EmulatorPrdSecretKey0001";

	/**
	 * Secret key of the seeded {@code preview} environment; send it together with an
	 * {@code x-trigger-branch} header such as {@link #PREVIEW_BRANCH}.
	 */
	public static final String PREVIEW_SECRET_KEY = "tr_preview_EmulatorPrvSecretKey0001";

	/** Name of the seeded preview branch. */
	public static final String PREVIEW_BRANCH = "emulator-preview";

	/** Personal access token with access to {@link #PROJECT_REF}. */
	public static final String PERSONAL_ACCESS_TOKEN = "tr_pat_emupat123456789abcdefghijkmnopqrstuvwxyz";

	/** Organization access token with access to {@link #PROJECT_REF}. */
	public static final String ORGANIZATION_ACCESS_TOKEN = "tr_oat_emuoat123456789abcdefghijkmnopqrstuvwxyz";

	private EmulatorAccount() {
	}

	/**
	 * Seeded secret key of the given environment.
	 * @param environment the environment
	 * @return the secret key
	 */
	public static String secretKey(EmulatedEnvironment environment) {
		return switch (Objects.requireNonNull(environment, "environment")) {
			case DEV -> DEV_SECRET_KEY;
			case STAGING -> STAGING_SECRET_KEY;
			case PROD -> PROD_SECRET_KEY;
			case PREVIEW -> PREVIEW_SECRET_KEY;
		};
	}

}
