package io.github.triggerspring.emulator;

import org.jspecify.annotations.Nullable;

/**
 * An imperative schedule.
 *
 * @author trigger-spring-boot contributors
 */
final class ScheduleRecord {

	final String id;

	final EnvRecord env;

	final String deduplicationKey;

	String task;

	String cron;

	String timezone = "UTC";

	@Nullable String externalId;

	boolean active = true;

	ScheduleRecord(String id, EnvRecord env, String deduplicationKey) {
		this.id = id;
		this.env = env;
		this.deduplicationKey = deduplicationKey;
	}

}
