package io.github.triggerspring.schedules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerRequest;
import io.github.triggerspring.internal.paging.AutoPaging;
import io.github.triggerspring.paging.OffsetPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Client for {@code schedules.*}: create, list, retrieve, update, activate, deactivate and delete imperative schedules.
 * <p>
 * Every call needs a secret key; it manages the schedules of the key's environment.
 * {@link #timezones(boolean)} is public and sent without any credential.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class SchedulesClient {

	private static final String SCHEDULES_PATH = "/api/v1/schedules";

	private static final String SCHEDULE_PATH = SCHEDULES_PATH + "/{scheduleId}";

	private static final TriggerRequest TIMEZONES = TriggerRequest.get("/api/v1/timezones");

	private static final ParameterizedTypeReference<OffsetPage<Schedule>> PAGE = new ParameterizedTypeReference<>() {
	};

	private final TriggerHttpClient http;

	/**
	 * Creates a client.
	 * @param http the HTTP layer
	 */
	public SchedulesClient(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Creates a schedule, or updates the one with the same deduplication key.
	 * @param request the task, cron expression, deduplication key and options
	 * @return the schedule
	 */
	public Mono<Schedule> create(CreateScheduleRequest request) {
		return create(request, RequestOptions.none());
	}

	/**
	 * Creates a schedule, or updates the one with the same deduplication key.
	 * @param request the task, cron expression, deduplication key and options
	 * @param options the per-call options
	 * @return the schedule
	 */
	public Mono<Schedule> create(CreateScheduleRequest request, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.SCHEDULES_CREATE, AuthOptions.DEFAULT, options, (authorization) -> {
			request.validate();
			return TriggerRequest.post(SCHEDULES_PATH).withBody(request);
		}, Schedule.class);
	}

	/**
	 * Retrieves a schedule.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @return the schedule
	 */
	public Mono<Schedule> retrieve(String scheduleId) {
		return retrieve(scheduleId, RequestOptions.none());
	}

	/**
	 * Retrieves a schedule.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @param options the per-call options
	 * @return the schedule
	 */
	public Mono<Schedule> retrieve(String scheduleId, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.SCHEDULES_RETRIEVE, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.get(SCHEDULE_PATH, ScheduleFields.requireScheduleId(scheduleId)),
				Schedule.class);
	}

	/**
	 * Replaces the definition of an imperative schedule.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @param request the new task, cron expression and options
	 * @return the updated schedule
	 */
	public Mono<Schedule> update(String scheduleId, UpdateScheduleRequest request) {
		return update(scheduleId, request, RequestOptions.none());
	}

	/**
	 * Replaces the definition of an imperative schedule.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @param request the new task, cron expression and options
	 * @param options the per-call options
	 * @return the updated schedule
	 */
	public Mono<Schedule> update(String scheduleId, UpdateScheduleRequest request, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.SCHEDULES_UPDATE, AuthOptions.DEFAULT, options, (authorization) -> {
			String id = ScheduleFields.requireScheduleId(scheduleId);
			request.validate();
			return TriggerRequest.put(SCHEDULE_PATH, id).withBody(request);
		}, Schedule.class);
	}

	/**
	 * Activates an imperative schedule, so that it triggers its task again.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @return the activated schedule
	 */
	public Mono<Schedule> activate(String scheduleId) {
		return activate(scheduleId, RequestOptions.none());
	}

	/**
	 * Activates an imperative schedule, so that it triggers its task again.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @param options the per-call options
	 * @return the activated schedule
	 */
	public Mono<Schedule> activate(String scheduleId, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.SCHEDULES_ACTIVATE, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.post(SCHEDULE_PATH + "/activate",
						ScheduleFields.requireScheduleId(scheduleId)),
				Schedule.class);
	}

	/**
	 * Deactivates an imperative schedule, so that it stops triggering its task.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @return the deactivated schedule
	 */
	public Mono<Schedule> deactivate(String scheduleId) {
		return deactivate(scheduleId, RequestOptions.none());
	}

	/**
	 * Deactivates an imperative schedule, so that it stops triggering its task.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @param options the per-call options
	 * @return the deactivated schedule
	 */
	public Mono<Schedule> deactivate(String scheduleId, RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.SCHEDULES_DEACTIVATE, AuthOptions.DEFAULT, options,
				(authorization) -> TriggerRequest.post(SCHEDULE_PATH + "/deactivate",
						ScheduleFields.requireScheduleId(scheduleId)),
				Schedule.class);
	}

	/**
	 * Deletes an imperative schedule.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @return the id of the deleted schedule
	 */
	public Mono<String> del(String scheduleId) {
		return del(scheduleId, RequestOptions.none());
	}

	/**
	 * Deletes an imperative schedule.
	 * @param scheduleId the schedule id ({@code sched_…})
	 * @param options the per-call options
	 * @return the id of the deleted schedule
	 */
	public Mono<String> del(String scheduleId, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.SCHEDULES_DEL, AuthOptions.DEFAULT, options,
					(authorization) -> TriggerRequest.delete(SCHEDULE_PATH,
							ScheduleFields.requireScheduleId(scheduleId)),
					ScheduleId.class)
			.map(ScheduleId::id);
	}

	/**
	 * Every schedule, in pages of the server's default size (20), fetching each page only
	 * when it is demanded.
	 * @return the schedules
	 */
	public Flux<Schedule> list() {
		return list(RequestOptions.none());
	}

	/**
	 * Every schedule, in pages of the server's default size (20), fetching each page only
	 * when it is demanded.
	 * @param options the per-call options, applied to each page
	 * @return the schedules
	 */
	public Flux<Schedule> list(RequestOptions options) {
		return AutoPaging.byOffset((page) -> fetchPage(firstOmitted(page), null, options));
	}

	/**
	 * Every schedule, in pages of the given size, fetching each page only when it is
	 * demanded.
	 * @param perPage the page size, from 1 to 100
	 * @return the schedules
	 */
	public Flux<Schedule> list(int perPage) {
		return list(perPage, RequestOptions.none());
	}

	/**
	 * Every schedule, in pages of the given size, fetching each page only when it is
	 * demanded.
	 * @param perPage the page size, from 1 to 100
	 * @param options the per-call options, applied to each page
	 * @return the schedules
	 */
	public Flux<Schedule> list(int perPage, RequestOptions options) {
		return AutoPaging.byOffset((page) -> fetchPage(firstOmitted(page), perPage, options));
	}

	/**
	 * One page of schedules, with the page numbers.
	 * @param page the page number, from 1
	 * @param perPage the page size, from 1 to 100
	 * @return the page
	 */
	public Mono<OffsetPage<Schedule>> listPage(int page, int perPage) {
		return listPage(page, perPage, RequestOptions.none());
	}

	/**
	 * One page of schedules, with the page numbers.
	 * @param page the page number, from 1
	 * @param perPage the page size, from 1 to 100
	 * @param options the per-call options
	 * @return the page
	 */
	public Mono<OffsetPage<Schedule>> listPage(int page, int perPage, RequestOptions options) {
		return fetchPage(page, perPage, options);
	}

	/**
	 * The first page is asked for without a page number, as the official SDK does.
	 */
	private static @Nullable Integer firstOmitted(int page) {
		return (page > 1) ? page : null;
	}

	private Mono<OffsetPage<Schedule>> fetchPage(@Nullable Integer page, @Nullable Integer perPage,
			RequestOptions options) {
		return this.http.retrieve(TriggerEndpoint.SCHEDULES_LIST, AuthOptions.DEFAULT, options, (authorization) -> {
			TriggerValidationException.checkPageSize(perPage, "perPage");
			if (page != null) {
				ScheduleFields.checkPage(page);
			}
			Map<String, @Nullable Integer> query = new LinkedHashMap<>();
			query.put("perPage", perPage);
			query.put("page", page);
			return TriggerRequest.get(SCHEDULES_PATH).withQuery(query);
		}, PAGE);
	}

	/**
	 * The IANA time zones that schedules accept, including {@code UTC}. Sent without any
	 * credential.
	 * @return the time zone names
	 */
	public Mono<List<String>> timezones() {
		return timezones(false);
	}

	/**
	 * The IANA time zones that schedules accept. Sent without any credential.
	 * @param excludeUtc whether to leave {@code UTC} out
	 * @return the time zone names
	 */
	public Mono<List<String>> timezones(boolean excludeUtc) {
		return timezones(excludeUtc, RequestOptions.none());
	}

	/**
	 * The IANA time zones that schedules accept. Sent without any credential.
	 * @param excludeUtc whether to leave {@code UTC} out
	 * @param options the per-call options
	 * @return the time zone names
	 */
	public Mono<List<String>> timezones(boolean excludeUtc, RequestOptions options) {
		return this.http
			.retrieve(TriggerEndpoint.SCHEDULES_TIMEZONES, AuthOptions.DEFAULT, options,
					(authorization) -> excludeUtc ? TIMEZONES.withQuery(Map.of("excludeUtc", "true")) : TIMEZONES,
					Timezones.class)
			.map(Timezones::timezones);
	}

}
