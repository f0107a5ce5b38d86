package io.github.triggerspring.webhooks;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code alert.deployment.failed}: a deployment failed.
 *
 * @param id id of the alert, the same for each retry of the delivery
 * @param created when the alert was created
 * @param webhookVersion version of the payload ({@code v1})
 * @param object the deployment and why it failed
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record DeploymentFailedEvent(String id, Instant created, String webhookVersion, Alert object)
		implements TriggerWebhookEvent {

	/**
	 * The event type.
	 */
	public static final String TYPE = "alert.deployment.failed";

	@Override
	public String type() {
		return TYPE;
	}

	/**
	 * The deployment that failed.
	 *
	 * @param deployment the deployment
	 * @param error why it failed
	 * @param environment the environment deployed to
	 * @param organization the organization
	 * @param project the project
	 * @param git git metadata, or {@code null}
	 * @param vercel Vercel metadata, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alert(Deployment deployment, Failure error, AlertEnvironment environment,
			AlertOrganization organization, AlertProject project, @Nullable AlertGit git,
			@Nullable AlertVercel vercel) {

	}

	/**
	 * A deployment that failed.
	 *
	 * @param id friendly id of the deployment
	 * @param status the status, for example {@code FAILED} or {@code TIMED_OUT}
	 * @param version the version that was being deployed
	 * @param shortCode short code of the deployment
	 * @param failedAt when it failed
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Deployment(String id, String status, String version, String shortCode, Instant failedAt) {

	}

	/**
	 * Why a deployment failed.
	 *
	 * @param name name of the error
	 * @param message the message
	 * @param stack stack trace, or {@code null}
	 * @param stderr standard error of the build, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Failure(String name, String message, @Nullable String stack, @Nullable String stderr) {

	}

}
