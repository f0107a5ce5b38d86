package io.github.triggerspring.webhooks;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code alert.deployment.success}: a deployment succeeded.
 *
 * @param id id of the alert, the same for each retry of the delivery
 * @param created when the alert was created
 * @param webhookVersion version of the payload ({@code v1})
 * @param object the deployment and its tasks
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record DeploymentSucceededEvent(String id, Instant created, String webhookVersion, Alert object)
		implements TriggerWebhookEvent {

	/**
	 * The event type.
	 */
	public static final String TYPE = "alert.deployment.success";

	@Override
	public String type() {
		return TYPE;
	}

	/**
	 * The deployment that succeeded.
	 *
	 * @param deployment the deployment
	 * @param tasks the deployed tasks
	 * @param environment the environment deployed to
	 * @param organization the organization
	 * @param project the project
	 * @param git git metadata, or {@code null}
	 * @param vercel Vercel metadata, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alert(Deployment deployment, List<Task> tasks, AlertEnvironment environment,
			AlertOrganization organization, AlertProject project, @Nullable AlertGit git,
			@Nullable AlertVercel vercel) {

		/**
		 * Normalizes a missing task list.
		 * @param deployment the deployment
		 * @param tasks the tasks
		 * @param environment the environment
		 * @param organization the organization
		 * @param project the project
		 * @param git git metadata
		 * @param vercel Vercel metadata
		 */
		public Alert {
			tasks = (tasks != null) ? List.copyOf(tasks) : List.of();
		}

	}

	/**
	 * A deployment that succeeded.
	 *
	 * @param id friendly id of the deployment
	 * @param status the status, for example {@code DEPLOYED}
	 * @param version the deployed version, for example {@code 20250228.1}
	 * @param shortCode short code of the deployment
	 * @param deployedAt when it was deployed
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Deployment(String id, String status, String version, String shortCode, Instant deployedAt) {

	}

	/**
	 * A deployed task.
	 *
	 * @param id task identifier
	 * @param filePath file that declares it
	 * @param exportName name under which it is exported, or {@code null}
	 * @param triggerSource how it is triggered, for example {@code STANDARD} or
	 * {@code SCHEDULED}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Task(String id, String filePath, @Nullable String exportName, String triggerSource) {

	}

}
