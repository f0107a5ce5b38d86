package io.github.triggerspring.samples.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of the sample.
 *
 * @param processOrderTask task triggered for every order
 * @param dailyReport the daily report schedule
 * @param previewEnv env vars kept in sync for a preview branch
 * @author trigger-spring-boot contributors
 */
@ConfigurationProperties("sample")
public record SampleProperties(String processOrderTask, DailyReport dailyReport, PreviewEnv previewEnv) {

	/**
	 * The schedule that runs the daily report.
	 *
	 * @param task task to run
	 * @param cron cron expression
	 * @param timezone IANA time zone of the cron expression
	 * @param deduplicationKey key that makes creating the schedule idempotent
	 */
	public record DailyReport(String task, String cron, String timezone, String deduplicationKey) {

	}

	/**
	 * Env vars of a preview branch.
	 *
	 * @param branch preview branch
	 * @param file {@code .env} file with the variables
	 */
	public record PreviewEnv(String branch, Resource file) {

	}

}
