package io.github.triggerspring.internal.http;

import java.time.Duration;

import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP layer that every call uses unless its {@link RequestOptions} say
 * otherwise.
 *
 * @param retry how failed attempts are retried
 * @param responseTimeout maximum wait for each attempt's complete response
 * @param callTimeout deadline for a whole call, retries included, or {@code null} for
 * none
 * @param maxResponseSize largest response body that is read; a larger successful
 * response fails the call, a larger error body is truncated
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record TriggerHttpSettings(TriggerRetryPolicy retry, Duration responseTimeout, @Nullable Duration callTimeout,
		DataSize maxResponseSize) {

	/**
	 * Default of {@link #maxResponseSize()}: 16 MiB, above the API's largest inline
	 * bodies (a 3 MiB payload plus a 10 MB output).
	 */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(16);

	/**
	 * Validates the settings.
	 * @param retry the retry policy
	 * @param responseTimeout the response timeout
	 * @param callTimeout the call timeout, or {@code null}
	 * @param maxResponseSize the largest response body
	 */
	public TriggerHttpSettings {
		Assert.isTrue((!responseTimeout.isNegative() && !responseTimeout.isZero()), "'trigger.response-timeout' must be positive");
		Assert.isTrue(callTimeout == null || (!callTimeout.isNegative() && !callTimeout.isZero()), "'trigger.call-timeout' must be positive");
		Assert.isTrue(maxResponseSize.toBytes() > 0 && maxResponseSize.toBytes() <= Integer.MAX_VALUE,
				"'trigger.max-response-size' must be between 1 byte and 2 GB");
	}

	/**
	 * The official SDK's retry policy, a 60 s response timeout, no call timeout and
	 * {@link #DEFAULT_MAX_RESPONSE_SIZE}.
	 * @return the default settings
	 */
	public static TriggerHttpSettings defaults() {
		return new TriggerHttpSettings(TriggerRetryPolicy.defaults(), Duration.ofSeconds(60), null,
				DEFAULT_MAX_RESPONSE_SIZE);
	}

	/**
	 * These settings with another retry policy.
	 * @param retry the policy
	 * @return new settings
	 */
	public TriggerHttpSettings withRetry(TriggerRetryPolicy retry) {
		return new TriggerHttpSettings(retry, this.responseTimeout, this.callTimeout, this.maxResponseSize);
	}

	/**
	 * These settings with another response timeout.
	 * @param responseTimeout the timeout
	 * @return new settings
	 */
	public TriggerHttpSettings withResponseTimeout(Duration responseTimeout) {
		return new TriggerHttpSettings(this.retry, responseTimeout, this.callTimeout, this.maxResponseSize);
	}

	/**
	 * These settings with a call timeout.
	 * @param callTimeout the deadline, or {@code null} for none
	 * @return new settings
	 */
	public TriggerHttpSettings withCallTimeout(@Nullable Duration callTimeout) {
		return new TriggerHttpSettings(this.retry, this.responseTimeout, callTimeout, this.maxResponseSize);
	}

	/**
	 * These settings with another response size limit.
	 * @param maxResponseSize the limit
	 * @return new settings
	 */
	public TriggerHttpSettings withMaxResponseSize(DataSize maxResponseSize) {
		return new TriggerHttpSettings(this.retry, this.responseTimeout, this.callTimeout, maxResponseSize);
	}

	/**
	 * The settings for one call: each option the call sets replaces the setting.
	 * @param options the call's options
	 * @return the call's settings
	 */
	TriggerHttpSettings with(RequestOptions options) {
		if (options.retry() == null && options.responseTimeout() == null && options.callTimeout() == null) {
			return this;
		}
		return new TriggerHttpSettings((options.retry() != null) ? options.retry() : this.retry,
				(options.responseTimeout() != null) ? options.responseTimeout() : this.responseTimeout,
				(options.callTimeout() != null) ? options.callTimeout() : this.callTimeout, this.maxResponseSize);
	}

}
