package io.github.triggerspring.schedules;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Checks of the fields that schedule calls share.
 *
 * @author trigger-spring-boot contributors
 */
final class ScheduleFields {

	private ScheduleFields() {
	}

	static void requireTask(@Nullable String task) {
		if (task == null || task.isBlank()) {
			throw new TriggerValidationException("task",
					"is required and must not be blank. Set the id of the scheduled task to trigger with task(...).");
		}
	}

	static void requireCron(@Nullable String cron) {
		if (cron == null || cron.isBlank()) {
			throw new TriggerValidationException("cron",
					"is required and must not be blank. Set a cron expression such as \"0 0 * * *\" with cron(...).");
		}
	}

	static String requireScheduleId(@Nullable String scheduleId) {
		if (scheduleId == null || scheduleId.isBlank()) {
			throw new TriggerValidationException("scheduleId",
					"must not be blank. Pass the id of the schedule (sched_…), as returned by create or list.");
		}
		return scheduleId;
	}

	static void checkPage(int page) {
		if (page < 1) {
			throw new TriggerValidationException("page",
					"must be 1 or more, but was " + page + ". Pages are numbered from 1.");
		}
	}

}
