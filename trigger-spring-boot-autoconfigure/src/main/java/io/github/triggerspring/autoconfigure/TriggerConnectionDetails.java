package io.github.triggerspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to establish a connection to the Trigger.dev management API.
 * <p>
 * By default the values come from the {@code trigger.*} configuration properties. A bean of
 * this type, for example one contributed by {@code @ServiceConnection} or by the emulator's
 * test support, takes precedence over those properties. The values are read once, when the
 * Trigger clients are created.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public interface TriggerConnectionDetails extends ConnectionDetails {

	/**
	 * Base URL of the API, without a trailing slash, for example
	 * {@code https://api.trigger.dev}.
	 * @return the base URL
	 */
	String getApiUrl();

	/**
	 * Secret key ({@code tr_dev_}, {@code tr_stg_}, {@code tr_prod_} or {@code tr_preview_}).
	 * @return the secret key, or {@code null}
	 */
	default @Nullable String getSecretKey() {
		return null;
	}

	/**
	 * Personal access token ({@code tr_pat_}) or organization access token
	 * ({@code tr_oat_}).
	 * @return the access token, or {@code null}
	 */
	default @Nullable String getPersonalAccessToken() {
		return null;
	}

	/**
	 * Project ref ({@code proj_…}) used by access-token calls and by env-var calls.
	 * @return the project ref, or {@code null}
	 */
	default @Nullable String getProjectRef() {
		return null;
	}

	/**
	 * Preview branch sent as {@code x-trigger-branch} when a call targets the preview
	 * environment.
	 * @return the preview branch, or {@code null}
	 */
	default @Nullable String getPreviewBranch() {
		return null;
	}

}
