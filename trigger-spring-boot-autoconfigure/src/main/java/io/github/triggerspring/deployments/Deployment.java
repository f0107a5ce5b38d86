package io.github.triggerspring.deployments;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A deployment. Lists and {@code retrieveCurrent} return the summary members;
 * {@code retrieve} and {@code latest} return the image members; a member the response
 * does not have is {@code null}.
 *
 * @param id deployment id
 * @param status the status
 * @param shortCode short code of the deployment
 * @param version the deployed version, for example {@code 20250228.1}
 * @param createdAt when it was created, or {@code null}
 * @param deployedAt when it became {@code DEPLOYED}, or {@code null}
 * @param runtime the runtime, for example {@code node}, or {@code null}
 * @param runtimeVersion the runtime's version, or {@code null}
 * @param contentHash hash of the deployed content, or {@code null}
 * @param imageReference reference of the image, or {@code null}
 * @param imagePlatform platform of the image, or {@code null}
 * @param git git metadata, or {@code null}
 * @param error why a summary's deployment failed, or {@code null}
 * @param errorData why a detailed deployment failed, or {@code null}
 * @param worker the worker and its tasks, or {@code null}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(String id, DeploymentStatus status, String shortCode, String version,
		@Nullable Instant createdAt, @Nullable Instant deployedAt, @Nullable String runtime,
		@Nullable String runtimeVersion, @Nullable String contentHash, @Nullable String imageReference,
		@Nullable String imagePlatform, @Nullable JsonNode git, @Nullable JsonNode error,
		@Nullable JsonNode errorData, @Nullable Worker worker) {

	/**
	 * The worker built by a deployment.
	 *
	 * @param id worker id
	 * @param version worker version
	 * @param tasks tasks of the worker
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Worker(String id, String version, List<Task> tasks) {

		/**
		 * Normalizes a missing task list.
		 * @param id worker id
		 * @param version worker version
		 * @param tasks the tasks
		 */
		public Worker {
			tasks = (tasks != null) ? List.copyOf(tasks) : List.of();
		}

	}

	/**
	 * A task of a deployed worker.
	 *
	 * @param id task id
	 * @param slug task identifier
	 * @param filePath file that declares it
	 * @param exportName name under which it is exported
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Task(String id, String slug, @Nullable String filePath, @Nullable String exportName) {

	}

}
