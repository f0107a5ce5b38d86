package io.github.triggerspring.emulator;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schedules namespace: imperative CRON schedules of the environment, and the supported timezones.
 *
 * @param state all emulator data; the router holds its lock while a handler runs
 * @param clock the emulator clock
 * @author trigger-spring-boot contributors
 */
record SchedulesHandler(EmulatorState state, EmulatorClock clock) {

	ApiReply listSchedules(ApiCall call, ApiPrincipal principal) {
		int page = 1;
		int perPage = 20;
		String pageParam = call.queryParam("page");
		if (pageParam != null) {
			page = ApiCall.queryInt("page", pageParam);
			if (page < 1) {
				throw ApiError.query("page", "Number must be greater than or equal to 1");
			}
		}
		String perPageParam = call.queryParam("perPage");
		if (perPageParam != null) {
			perPage = Math.max(1, Math.min(100, ApiCall.queryInt("perPage", perPageParam)));
		}
		List<ScheduleRecord> schedules = this.state.schedules.values()
			.stream()
			.filter((schedule) -> schedule.env == principal.env())
			.toList();
		int count = schedules.size();
		int totalPages = (count + perPage - 1) / perPage;
		ObjectNode body = Json.object();
		ArrayNode data = body.putArray("data");
		int from = (int) Math.min(count, (page - 1L) * perPage);
		for (ScheduleRecord schedule : schedules.subList(from, Math.min(count, from + perPage))) {
			data.add(scheduleJson(schedule));
		}
		body.putObject("pagination").put("currentPage", page).put("totalPages", totalPages).put("count", count);
		return ApiReply.json(200, body);
	}

	ApiReply createSchedule(ApiCall call, ApiPrincipal principal) {
		JsonNode body = call.jsonBody();
		String deduplicationKey = Json.text(body, "deduplicationKey");
		String task = Json.text(body, "task");
		String cron = Json.text(body, "cron");
		if (task == null || cron == null || deduplicationKey == null) {
			throw new ApiError(400, "Invalid request body: task, cron and deduplicationKey are required");
		}
		String timezone = validateSchedule(cron, Json.text(body, "timezone"));
		ScheduleRecord schedule = this.state.scheduleByDeduplicationKey(principal.requireEnv(), deduplicationKey);
		if (schedule == null) {
			schedule = new ScheduleRecord(Ids.friendly("sched_"), principal.requireEnv(), deduplicationKey);
			this.state.schedules.put(schedule.id, schedule);
		}
		schedule.task = task;
		schedule.cron = cron.trim();
		schedule.timezone = timezone;
		schedule.externalId = Json.text(body, "externalId");
		return ApiReply.json(200, scheduleJson(schedule));
	}

	private static String validateSchedule(@Nullable String cron, @Nullable String timezone) {
		try {
			Cron.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiError(422, ex.getMessage());
		}
		String zone = (timezone != null) ? timezone : "UTC";
		try {
			ZoneId.of(zone);
		}
		catch (RuntimeException ex) {
			throw new ApiError(422, "Invalid timezone '" + zone + "'");
		}
		return zone;
	}

	private ScheduleRecord scheduleInEnv(ApiCall call, ApiPrincipal principal) {
		ScheduleRecord schedule = this.state.schedules.get(call.params.get("scheduleId"));
		if (schedule == null || schedule.env != principal.env()) {
			throw new ApiError(404, "Schedule not found");
		}
		return schedule;
	}

	ApiReply retrieveSchedule(ApiCall call, ApiPrincipal principal) {
		return ApiReply.json(200, scheduleJson(scheduleInEnv(call, principal)));
	}

	ApiReply updateSchedule(ApiCall call, ApiPrincipal principal) {
		ScheduleRecord schedule = scheduleInEnv(call, principal);
		JsonNode body = call.jsonBody();
		String task = Json.text(body, "task");
		String cron = Json.text(body, "cron");
		if (task == null || cron == null) {
			throw new ApiError(400, "Invalid request body: task and cron are required");
		}
		String timezone = validateSchedule(cron, Json.text(body, "timezone"));
		schedule.task = task;
		schedule.cron = cron.trim();
		schedule.timezone = timezone;
		if (body.has("externalId")) {
			schedule.externalId = Json.text(body, "externalId");
		}
		return ApiReply.json(200, scheduleJson(schedule));
	}

	ApiReply setScheduleActive(ApiCall call, ApiPrincipal principal, boolean active) {
		ScheduleRecord schedule = scheduleInEnv(call, principal);
		schedule.active = active;
		return ApiReply.json(200, scheduleJson(schedule));
	}

	ApiReply deleteSchedule(ApiCall call, ApiPrincipal principal) {
		ScheduleRecord schedule = scheduleInEnv(call, principal);
		this.state.schedules.remove(schedule.id);
		return ApiReply.json(200, Json.object().put("id", schedule.id));
	}

	static ObjectNode generator(ScheduleRecord schedule) {
		Cron cron = Cron.parse(schedule.cron);
		return Json.object().put("type", "CRON").put("expression", cron.expression()).put("description",
				cron.describe());
	}

	private ObjectNode scheduleJson(ScheduleRecord schedule) {
		ObjectNode node = Json.object()
			.put("id", schedule.id)
			.put("type", "IMPERATIVE")
			.put("task", schedule.task)
			.put("active", schedule.active)
			.put("deduplicationKey", schedule.deduplicationKey);
		if (schedule.externalId != null) {
			node.put("externalId", schedule.externalId);
		}
		node.set("generator", generator(schedule));
		node.put("timezone", schedule.timezone);
		if (schedule.active) {
			ZonedDateTime next = Cron.parse(schedule.cron)
				.next(this.clock.instant().atZone(ZoneId.of(schedule.timezone)));
			if (next != null) {
				node.put("nextRun", Json.date(next.toInstant()));
			}
		}
		ObjectNode environment = node.putArray("environments").addObject();
		environment.put("id", schedule.env.id).put("type", schedule.env.type.type());
		if (schedule.env.branch != null) {
			environment.put("branchName", schedule.env.branch);
		}
		return node;
	}

	ApiReply timezones(ApiCall call, ApiPrincipal principal) {
		boolean excludeUtc = "true".equals(call.queryParam("excludeUtc"));
		ObjectNode body = Json.object();
		ArrayNode zones = body.putArray("timezones");
		if (!excludeUtc) {
			zones.add("UTC");
		}
		new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
			.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
			.forEach(zones::add);
		return ApiReply.json(200, body);
	}

}
