package io.github.triggerspring.webhooks;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code alert.error}: an error group of a task is new, came back or is no longer
 * ignored. Each delivery attempt has a new {@link #id()}, so a retried delivery is not
 * recognized as a replay; {@code error.fingerprint} identifies the error group.
 *
 * @param id id of this delivery attempt
 * @param created when the alert was created
 * @param webhookVersion version of the payload ({@code 2025-01-01})
 * @param object the error group and where it occurs
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record ErrorAlertEvent(String id, Instant created, String webhookVersion, Alert object)
		implements TriggerWebhookEvent {

	/**
	 * The event type.
	 */
	public static final String TYPE = "alert.error";

	@Override
	public String type() {
		return TYPE;
	}

	/**
	 * The error group and where it occurs.
	 *
	 * @param classification {@code new_issue}, {@code regression} or {@code unignored}
	 * @param error the error group
	 * @param environment the environment
	 * @param organization the organization
	 * @param project the project
	 * @param dashboardUrl URL of the error group in the dashboard
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Alert(String classification, ErrorGroup error, Environment environment,
			AlertOrganization organization, AlertProject project, String dashboardUrl) {

	}

	/**
	 * An error group: the occurrences of one error of one task.
	 *
	 * @param fingerprint identifies the group
	 * @param type type of the error
	 * @param message the message
	 * @param stackTrace stack trace, or {@code null}
	 * @param firstSeen first occurrence
	 * @param lastSeen latest occurrence
	 * @param occurrenceCount number of occurrences
	 * @param taskIdentifier the task that raises it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ErrorGroup(String fingerprint, String type, String message, @Nullable String stackTrace,
			Instant firstSeen, Instant lastSeen, long occurrenceCount, String taskIdentifier) {

	}

	/**
	 * The environment of an error alert.
	 *
	 * @param id environment id
	 * @param name environment name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Environment(String id, String name) {

	}

}
