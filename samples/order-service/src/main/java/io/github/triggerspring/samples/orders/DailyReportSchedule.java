package io.github.triggerspring.samples.orders;

import java.time.Duration;

import io.github.triggerspring.schedules.CreateScheduleRequest;
import io.github.triggerspring.schedules.Schedule;
import io.github.triggerspring.schedules.SchedulesClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Ensures at startup that the daily report schedule exists. Creating a schedule is
 * idempotent through its deduplication key, so every start leaves exactly one.
 *
 * @author trigger-spring-boot contributors
 */
@Component
public class DailyReportSchedule implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DailyReportSchedule.class);

	private final SchedulesClient schedules;

	private final SampleProperties.DailyReport dailyReport;

	public DailyReportSchedule(SchedulesClient schedules, SampleProperties properties) {
		this.schedules = schedules;
		this.dailyReport = properties.dailyReport();
	}

	/**
	 * Creates or updates the schedule.
	 * @return the schedule
	 */
	public Mono<Schedule> ensure() {
		return this.schedules.create(CreateScheduleRequest.builder()
			.task(this.dailyReport.task())
			.cron(this.dailyReport.cron())
			.timezone(this.dailyReport.timezone())
			.deduplicationKey(this.dailyReport.deduplicationKey())
			.build());
	}

	@Override
	public void run(ApplicationArguments args) {
		Schedule schedule = ensure().block(Duration.ofSeconds(60));
		if (schedule != null) {
			logger.info("Daily report schedule " + schedule.id() + " runs '" + schedule.task() + "' at '"
					+ this.dailyReport.cron() + "' (" + schedule.timezone() + ")");
		}
	}

}
