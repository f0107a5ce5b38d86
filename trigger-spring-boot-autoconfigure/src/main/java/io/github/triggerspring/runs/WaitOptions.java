package io.github.triggerspring.runs;

import java.time.Duration;

/**
 * How {@link RunsClient#waitForCompletion(String, WaitOptions)} polls: the wait between two
 * retrievals and the longest wait in all.
 *
 * @param pollInterval the wait after each answer that is not final (the SDK's
 * {@code pollIntervalMs}, 1 s by default)
 * @param maxWait the longest wait for a final status, 10 minutes by default
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record WaitOptions(Duration pollInterval, Duration maxWait) {

	private static final WaitOptions DEFAULTS = new WaitOptions(Duration.ofSeconds(1), Duration.ofMinutes(10));

	/**
	 * A 1 s poll interval and a maximum wait of 10 minutes.
	 * @return the defaults
	 */
	public static WaitOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * These options with another poll interval.
	 * @param pollInterval the wait between two retrievals, positive
	 * @return new options
	 */
	public WaitOptions withPollInterval(Duration pollInterval) {
		return new WaitOptions(pollInterval, this.maxWait);
	}

	/**
	 * These options with another maximum wait.
	 * @param maxWait the longest wait for a final status, positive
	 * @return new options
	 */
	public WaitOptions withMaxWait(Duration maxWait) {
		return new WaitOptions(this.pollInterval, maxWait);
	}

}
