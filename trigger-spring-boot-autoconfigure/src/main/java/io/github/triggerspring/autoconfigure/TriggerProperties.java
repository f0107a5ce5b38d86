package io.github.triggerspring.autoconfigure;

import java.time.Duration;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the Trigger.dev clients. Each property can also be set
 * with the environment variable that the official SDK reads, for example
 * {@code TRIGGER_SECRET_KEY}.
 * <p>
 * The auto-configuration validates them before it uses them, so a bad value fails the
 * start with Boot's report of the property, its value and its origin.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@ConfigurationProperties("trigger")
public class TriggerProperties {

	/**
	 * Whether to enable the Trigger.dev auto-configuration.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the Trigger.dev API; a trailing slash is removed. Must be https unless
	 * the host is a loopback address.
	 */
	private String apiUrl = "https://api.trigger.dev";

	/**
	 * Secret key (tr_dev_, tr_stg_, tr_prod_ or tr_preview_), scoped to one environment of
	 * one project. Also read from TRIGGER_SECRET_KEY.
	 */
	private @Nullable String secretKey;

	/**
	 * Personal access token (tr_pat_) or organization access token (tr_oat_). Also read from
	 * TRIGGER_ACCESS_TOKEN and TRIGGER_PERSONAL_ACCESS_TOKEN.
	 */
	private @Nullable String personalAccessToken;

	/**
	 * Project ref (proj_...). Required with a personal access token, and used by env-var
	 * calls. Also read from TRIGGER_PROJECT_REF.
	 */
	private @Nullable String projectRef;

	/**
	 * Environment that personal-access-token calls target: dev, staging, prod or preview.
	 * With a secret key the environment comes from the key's prefix. Also read from
	 * TRIGGER_ENVIRONMENT.
	 */
	private @Nullable TriggerEnvironment environment;

	/**
	 * Preview branch, sent as the x-trigger-branch header on calls that target the preview
	 * environment. Also read from TRIGGER_PREVIEW_BRANCH.
	 */
	private @Nullable String previewBranch;

	/**
	 * Connect timeout of the Trigger.dev HTTP client.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Maximum time to wait for the complete response to one attempt of a call.
	 */
	private Duration responseTimeout = Duration.ofSeconds(60);

	/**
	 * Deadline for a whole call, retries and rate-limit waits included. None by default.
	 */
	private @Nullable Duration callTimeout;

	/**
	 * Largest response body read from the API. A larger successful response fails the call
	 * with TriggerResponseTooLargeException; a larger error body is truncated.
	 */
	private DataSize maxResponseSize = TriggerHttpSettings.DEFAULT_MAX_RESPONSE_SIZE;

	private final Retry retry = new Retry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public @Nullable String getPersonalAccessToken() {
		return this.personalAccessToken;
	}

	public void setPersonalAccessToken(@Nullable String personalAccessToken) {
		this.personalAccessToken = personalAccessToken;
	}

	public @Nullable String getProjectRef() {
		return this.projectRef;
	}

	public void setProjectRef(@Nullable String projectRef) {
		this.projectRef = projectRef;
	}

	public @Nullable TriggerEnvironment getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(@Nullable TriggerEnvironment environment) {
		this.environment = environment;
	}

	public @Nullable String getPreviewBranch() {
		return this.previewBranch;
	}

	public void setPreviewBranch(@Nullable String previewBranch) {
		this.previewBranch = previewBranch;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public @Nullable Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(@Nullable Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Retry settings. The defaults match the official SDK.
	 */
	public static class Retry {

		/**
		 * Attempts in all, including the first one; 1 disables retries.
		 */
		private int maxAttempts = 5;

		/**
		 * Wait after the first failed attempt.
		 */
		private Duration initialBackoff = Duration.ofSeconds(1);

		/**
		 * Cap on any backoff wait.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		/**
		 * Growth factor of the wait from one attempt to the next.
		 */
		private double multiplier = 1.6;

		/**
		 * Random extra wait, as a fraction of the backoff from 0 (none) to 1 (less than
		 * double).
		 */
		private double jitter = 0;

		/**
		 * Longest wait for a rate limit to reset. A 429 whose reset is further away fails at
		 * once with TriggerRateLimitException, which carries the reset time.
		 */
		private Duration maxRateLimitWait = TriggerRetryPolicy.DEFAULT_MAX_RATE_LIMIT_WAIT;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRateLimitWait() {
			return this.maxRateLimitWait;
		}

		public void setMaxRateLimitWait(Duration maxRateLimitWait) {
			this.maxRateLimitWait = maxRateLimitWait;
		}

	}

}
