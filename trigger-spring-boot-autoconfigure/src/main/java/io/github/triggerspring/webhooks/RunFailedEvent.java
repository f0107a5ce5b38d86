package io.github.triggerspring.webhooks;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.triggerspring.runs.RunStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code alert.run.failed}: a run failed.
 *
 * @param id id of the alert, the same for each retry of the delivery
 * @param created when the alert was created
 * @param webhookVersion version of the payload ({@code v1})
 * @param object the failed run, its task and where it ran
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record RunFailedEvent(String id, Instant created, String webhookVersion, Alert object)
		implements TriggerWebhookEvent {

	/**
	 * The event type.
	 */
	public static final String TYPE = "alert.run.failed";

	@Override
	public String type() {
		return TYPE;
	}

	/**
	 * What failed and where.
	 *
	 * @param task the task of the run
	 * @param run the run
	 * @param environment the environment of the run
	 * @param organization the organization
	 * @param project the project
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alert(Task task, Run run, AlertEnvironment environment, AlertOrganization organization,
			AlertProject project) {

	}

	/**
	 * The task of a failed run. The server sends {@code Unknown} for a value it does not
	 * have.
	 *
	 * @param id task identifier
	 * @param filePath file that declares it
	 * @param exportName name under which it is exported, or {@code null}
	 * @param version version of the worker that ran it
	 * @param sdkVersion version of the SDK that built it
	 * @param cliVersion version of the CLI that deployed it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Task(String id, String filePath, @Nullable String exportName, String version, String sdkVersion,
			String cliVersion) {

	}

	/**
	 * The failed run.
	 *
	 * @param id run id ({@code run_…})
	 * @param number number of the run within its task
	 * @param status the status, for example {@code FAILED} or {@code CRASHED}
	 * @param createdAt when it was created
	 * @param startedAt when it started, or {@code null}
	 * @param completedAt when it completed, or {@code null}
	 * @param isTest whether it is a test run
	 * @param idempotencyKey its idempotency key, or {@code null}
	 * @param tags its tags
	 * @param error why it failed
	 * @param isOutOfMemoryError whether it ran out of memory
	 * @param machine machine preset, or {@code Unknown}
	 * @param dashboardUrl URL of the run in the dashboard
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Run(String id, int number, RunStatus status, Instant createdAt, @Nullable Instant startedAt,
			@Nullable Instant completedAt, @JsonProperty("isTest") boolean isTest, @Nullable String idempotencyKey,
			List<String> tags, RunError error, @JsonProperty("isOutOfMemoryError") boolean isOutOfMemoryError,
			String machine, String dashboardUrl) {

		/**
		 * Normalizes a missing tag list.
		 * @param id run id
		 * @param number run number
		 * @param status the status
		 * @param createdAt creation time
		 * @param startedAt start time
		 * @param completedAt completion time
		 * @param isTest whether it is a test run
		 * @param idempotencyKey the idempotency key
		 * @param tags the tags
		 * @param error the error
		 * @param isOutOfMemoryError whether it ran out of memory
		 * @param machine the machine preset
		 * @param dashboardUrl the dashboard URL
		 */
		public Run {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
		}

	}

	/**
	 * Why a run failed: one of the SDK's {@code TaskRunError} variants, told apart by
	 * {@code type}. A member that the variant does not have is {@code null}.
	 *
	 * @param type {@code BUILT_IN_ERROR}, {@code CUSTOM_ERROR}, {@code STRING_ERROR} or
	 * {@code INTERNAL_ERROR}
	 * @param name name of a built-in error, or {@code null}
	 * @param message message of a built-in or internal error, or {@code null}
	 * @param stackTrace stack trace of a built-in or internal error, or {@code null}
	 * @param raw the raw value of a custom or string error, or {@code null}
	 * @param code code of an internal error, for example {@code TASK_PROCESS_OOM_KILLED},
	 * or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RunError(String type, @Nullable String name, @Nullable String message, @Nullable String stackTrace,
			@Nullable String raw, @Nullable String code) {

	}

}
