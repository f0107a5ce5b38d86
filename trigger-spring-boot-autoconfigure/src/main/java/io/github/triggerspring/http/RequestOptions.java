package io.github.triggerspring.http;

import java.time.Duration;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.internal.auth.Secrets;
import org.jspecify.annotations.Nullable;

/**
 * Per-call options, accepted as the last argument of every client method, like the
 * official SDK's {@code requestOptions}. Each option left {@code null} keeps the
 * configured value. {@link #toString()} masks the credential.
 * <pre class="code">
 * runs.retrieve(runId, RequestOptions.none()
 *     .withCredential(otherProjectKey)
 *     .withResponseTimeout(Duration.ofSeconds(5)));
 * </pre>
 *
 * @param branch preview branch for this call; still sent only when the call targets the
 * preview environment
 * @param retry retry policy for this call
 * @param responseTimeout maximum wait for each attempt's response
 * @param callTimeout deadline for the whole call, retries included
 * @param credential a secret key or personal access token used instead of the
 * configured credentials; the endpoint/credential table applies to it as to the
 * configured ones
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record RequestOptions(@Nullable String branch, @Nullable TriggerRetryPolicy retry,
		@Nullable Duration responseTimeout, @Nullable Duration callTimeout, @Nullable String credential) {

	private static final RequestOptions NONE = new RequestOptions(null, null, null, null, null);

	/**
	 * No per-call option: every call uses the configuration.
	 * @return the options
	 */
	public static RequestOptions none() {
		return NONE;
	}

	/**
	 * These options with a preview branch.
	 * @param branch the branch
	 * @return new options
	 */
	public RequestOptions withBranch(String branch) {
		return new RequestOptions(branch, this.retry, this.responseTimeout, this.callTimeout, this.credential);
	}

	/**
	 * These options with a retry policy, for example {@link TriggerRetryPolicy#none()}.
	 * @param retry the policy
	 * @return new options
	 */
	public RequestOptions withRetry(TriggerRetryPolicy retry) {
		return new RequestOptions(this.branch, retry, this.responseTimeout, this.callTimeout, this.credential);
	}

	/**
	 * These options with a response timeout for each attempt.
	 * @param responseTimeout the timeout
	 * @return new options
	 */
	public RequestOptions withResponseTimeout(Duration responseTimeout) {
		return new RequestOptions(this.branch, this.retry, responseTimeout, this.callTimeout, this.credential);
	}

	/**
	 * These options with a deadline for the whole call, retries included.
	 * @param callTimeout the deadline
	 * @return new options
	 */
	public RequestOptions withCallTimeout(Duration callTimeout) {
		return new RequestOptions(this.branch, this.retry, this.responseTimeout, callTimeout, this.credential);
	}

	/**
	 * These options with a credential of their own.
	 * @param credential a secret key ({@code tr_dev_}, {@code tr_stg_}, {@code tr_prod_},
	 * {@code tr_preview_}) or access token ({@code tr_pat_}, {@code tr_oat_})
	 * @return new options
	 */
	public RequestOptions withCredential(String credential) {
		return new RequestOptions(this.branch, this.retry, this.responseTimeout, this.callTimeout, credential);
	}

	/**
	 * Adds these options' branch and credential to a call's auth options. A branch that
	 * the call names itself, such as an env-var target's, wins over this one.
	 * @param call the call's own auth options
	 * @return the auth options to authorize the call with
	 */
	public AuthOptions applyTo(AuthOptions call) {
		if (this.branch == null && this.credential == null) {
			return call;
		}
		String callBranch = (call.branch() != null) ? call.branch() : this.branch;
		return call.withCall(callBranch, this.credential);
	}

	@Override
	public String toString() {
		return "RequestOptions[branch=" + this.branch + ", retry=" + this.retry + ", responseTimeout="
				+ this.responseTimeout + ", callTimeout=" + this.callTimeout + ", credential="
				+ ((this.credential != null) ? Secrets.mask(this.credential) : null) + "]";
	}

}
