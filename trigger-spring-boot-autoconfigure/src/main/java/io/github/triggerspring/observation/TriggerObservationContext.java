package io.github.triggerspring.observation;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the observation of one logical Trigger.dev call: a client method call, with
 * all its attempts, retries and rate-limit waits. The HTTP layer fills it in as the call
 * goes: the credential once the auth strategy has authorized the call, the run and task
 * ids once the request is built, the retries as they happen, and the end of the call.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerObservationContext extends Observation.Context {

	private final TriggerEndpoint endpoint;

	private @Nullable CredentialKind credential;

	private boolean anonymous;

	private @Nullable String runId;

	private @Nullable String taskId;

	private int retries;

	private int rateLimitWaits;

	private boolean ended;

	private boolean cancelled;

	/**
	 * Creates a context for a call of the given endpoint.
	 * @param endpoint the endpoint called
	 */
	public TriggerObservationContext(TriggerEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Endpoint called.
	 * @return the endpoint
	 */
	public TriggerEndpoint getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Kind of credential sent, or, for a call refused before the wire, the one kind that
	 * was configured.
	 * @return the credential kind, or {@code null} when not known or when the call is
	 * sent with no credential
	 */
	public @Nullable CredentialKind getCredential() {
		return this.credential;
	}

	/**
	 * Sets the kind of credential of the call.
	 * @param credential the credential kind, or {@code null}
	 */
	public void setCredential(@Nullable CredentialKind credential) {
		this.credential = credential;
	}

	/**
	 * Whether the call was authorized to be sent with no credential (a public endpoint).
	 * @return whether the call is anonymous
	 */
	public boolean isAnonymous() {
		return this.anonymous;
	}

	/**
	 * Sets whether the call is sent with no credential.
	 * @param anonymous whether the call is anonymous
	 */
	public void setAnonymous(boolean anonymous) {
		this.anonymous = anonymous;
	}

	/**
	 * Id of the run the call is about, when its path names one.
	 * @return the run id, or {@code null}
	 */
	public @Nullable String getRunId() {
		return this.runId;
	}

	/**
	 * Sets the id of the run the call is about.
	 * @param runId the run id, or {@code null}
	 */
	public void setRunId(@Nullable String runId) {
		this.runId = runId;
	}

	/**
	 * Id of the task the call is about, when its path names one.
	 * @return the task id, or {@code null}
	 */
	public @Nullable String getTaskId() {
		return this.taskId;
	}

	/**
	 * Sets the id of the task the call is about.
	 * @param taskId the task id, or {@code null}
	 */
	public void setTaskId(@Nullable String taskId) {
		this.taskId = taskId;
	}

	/**
	 * Attempts made after the first one, whatever their cause.
	 * @return the number of retries
	 */
	public int getRetries() {
		return this.retries;
	}

	/**
	 * Retries that first waited for a rate limit (429) to reset.
	 * @return the number of rate-limit waits
	 */
	public int getRateLimitWaits() {
		return this.rateLimitWaits;
	}

	/**
	 * Records a retry.
	 * @param rateLimitWait whether the retry waits for a rate limit to reset
	 */
	public void recordRetry(boolean rateLimitWait) {
		this.retries++;
		if (rateLimitWait) {
			this.rateLimitWaits++;
		}
	}

	/**
	 * Whether the call has ended: completed, failed or cancelled. Until then its outcome
	 * is not known.
	 * @return whether the call has ended
	 */
	public boolean isEnded() {
		return this.ended;
	}

	/**
	 * Whether the subscriber cancelled the call before it ended.
	 * @return whether the call was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Records the end of the call; its error, if any, is {@link #getError()}.
	 * @param cancelled whether the subscriber cancelled it
	 */
	public void end(boolean cancelled) {
		this.ended = true;
		this.cancelled = cancelled;
	}

}
