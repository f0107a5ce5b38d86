package io.github.triggerspring.samples.orders;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.schedules.CreateScheduleRequest;
import io.github.triggerspring.schedules.Schedule;
import io.github.triggerspring.schedules.SchedulesClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Ensures at startup that the daily report schedule exists. Creating a schedule is
 * idempotent through its deduplication key, so every start leaves exactly one.
 * <p>
 * The sync runs in the background: a service must not refuse to start because a
 * third-party API is briefly down. While the API is unreachable (or answers 429 or 5xx)
 * the sync is retried, waiting {@link #FIRST_BACKOFF} and then twice as long each time up
 * to {@link #MAX_BACKOFF}, and the {@code trigger} health component is {@code DOWN}. The
 * waits run on the application's {@link Scheduler} bean when it has one (tests use a
 * virtual-time one), otherwise on Reactor's parallel scheduler.
 *
 * @author trigger-spring-boot contributors
 */
@Component
public class DailyReportSchedule implements ApplicationRunner, DisposableBean {

	/** Wait before the first retry of the sync. */
	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	/** Longest wait between two attempts of the sync. */
	static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(DailyReportSchedule.class);

	private final SchedulesClient schedules;

	private final SampleProperties.DailyReport dailyReport;

	private final Scheduler scheduler;

	private final AtomicInteger failedAttempts = new AtomicInteger();

	private volatile @Nullable Schedule synced;

	private volatile @Nullable Disposable sync;

	public DailyReportSchedule(SchedulesClient schedules, SampleProperties properties,
			ObjectProvider<Scheduler> scheduler) {
		this.schedules = schedules;
		this.dailyReport = properties.dailyReport();
		this.scheduler = scheduler.getIfUnique(Schedulers::parallel);
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

	/**
	 * Starts the sync in the background and returns at once.
	 */
	@Override
	public void run(ApplicationArguments args) {
		this.sync = ensure().doOnError((failure) -> {
			this.failedAttempts.incrementAndGet();
			logger.warn("Could not sync the daily report schedule (" + failure.getMessage() + "); retrying");
		})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF)
				.maxBackoff(MAX_BACKOFF)
				.jitter(0)
				.filter(DailyReportSchedule::isTransient)
				.scheduler(this.scheduler))
			.subscribe(this::synced, (failure) -> logger.error("The daily report schedule was not synced", failure));
	}

	private static boolean isTransient(Throwable failure) {
		return failure instanceof TriggerConnectionException || (failure instanceof TriggerApiException api
				&& (api.getStatus() == 429 || api.getStatus() >= 500));
	}

	private void synced(Schedule schedule) {
		this.synced = schedule;
		logger.info("Daily report schedule " + schedule.id() + " runs '" + schedule.task() + "' at '"
				+ this.dailyReport.cron() + "' (" + schedule.timezone() + ")");
	}

	/**
	 * The schedule, once the background sync has succeeded.
	 * @return the schedule, or empty while the sync goes on
	 */
	public Optional<Schedule> synced() {
		return Optional.ofNullable(this.synced);
	}

	/**
	 * Attempts of the background sync that failed so far.
	 * @return the number of failed attempts
	 */
	public int failedAttempts() {
		return this.failedAttempts.get();
	}

	@Override
	public void destroy() {
		Disposable sync = this.sync;
		if (sync != null) {
			sync.dispose();
		}
	}

}
