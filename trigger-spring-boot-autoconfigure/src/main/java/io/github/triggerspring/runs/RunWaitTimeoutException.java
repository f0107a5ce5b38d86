package io.github.triggerspring.runs;

import java.time.Duration;

import io.github.triggerspring.error.TriggerException;
import org.jspecify.annotations.Nullable;

/**
 * Signalled by {@link RunsClient#waitForCompletion(String, WaitOptions)} when the run has
 * not reached a final status within {@link WaitOptions#maxWait()}. The run itself goes on.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class RunWaitTimeoutException extends TriggerException {

	private final String runId;

	private final Duration maxWait;

	private final transient @Nullable Run lastRun;

	/**
	 * Creates a new exception.
	 * @param runId the run waited for
	 * @param maxWait the maximum wait that elapsed
	 * @param lastRun the last answer, or {@code null} if none arrived
	 * @param cause the timeout
	 */
	public RunWaitTimeoutException(String runId, Duration maxWait, @Nullable Run lastRun, Throwable cause) {
		super("Run " + runId + " did not finish within " + maxWait.toMillis() + " ms (WaitOptions.maxWait)"
				+ ((lastRun != null) ? "; its last status was " + lastRun.status() : "; no answer arrived")
				+ ". Raise maxWait, or look at the run again later with runs.retrieve.", cause);
		this.runId = runId;
		this.maxWait = maxWait;
		this.lastRun = lastRun;
	}

	/**
	 * The run waited for.
	 * @return the run id
	 */
	public String getRunId() {
		return this.runId;
	}

	/**
	 * The maximum wait that elapsed.
	 * @return the maximum wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

	/**
	 * The last answer before the wait ended.
	 * @return the run, or {@code null} if no answer arrived
	 */
	public @Nullable Run getLastRun() {
		return this.lastRun;
	}

}
