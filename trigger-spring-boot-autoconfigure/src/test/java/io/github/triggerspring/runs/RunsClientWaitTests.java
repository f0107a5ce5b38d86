package io.github.triggerspring.runs;

import java.time.Clock;
import java.time.Duration;

import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RunsClient#waitForCompletion}: real HTTP, waits on the HTTP client's
 * (virtual-time) scheduler.
 *
 * @author trigger-spring-boot contributors
 */
class RunsClientWaitTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String RUN = """
			{"id":"run_1234","status":"%s","taskIdentifier":"t","isQueued":false,"isExecuting":false,
			"isWaiting":false,"isCompleted":%s,"isSuccess":false,"isFailed":false,"isCancelled":false,
			"isTest":false,"costInCents":0,"baseCostInCents":0,"durationMs":0,"depth":0,"attemptCount":0}""";

	private final MockTriggerApi api = new MockTriggerApi();

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final RunsClient runs = new RunsClient(this.api.http(MockTriggerApi.secretKey(),
			MockTriggerApi.settings(TriggerRetryPolicy.none(), TIMEOUT), Clock.systemUTC(), this.time,
			FixedRandom.LOWEST));

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	@Test
	void retrievesAgainAfterTheIntervalOnTheHttpClientsScheduler() {
		this.api.respond(200, RUN.formatted("EXECUTING", false)).respond(200, RUN.formatted("COMPLETED", true));
		StepVerifier.withVirtualTime(() -> this.runs.waitForCompletion("run_1234"), () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			// the maximum wait, the first retrieval's response timeout, then the poll interval
			.then(() -> await().atMost(TIMEOUT).until(() -> this.time.getScheduledTaskCount() == 3))
			.thenAwait(Duration.ofMillis(999))
			.then(() -> assertThat(this.api.requestCount()).isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v3/runs/run_1234");
		assertThat(this.api.takeRequest().getTarget()).isEqualTo("/api/v3/runs/run_1234");
	}

	@Test
	void noRequestIsSentAfterTheSubscriberCancels() {
		this.api.respond(200, RUN.formatted("EXECUTING", false)).respond(200, RUN.formatted("EXECUTING", false));
		StepVerifier.withVirtualTime(() -> this.runs.waitForCompletion("run_1234"), () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> await().atMost(TIMEOUT).until(() -> this.time.getScheduledTaskCount() == 3))
			.thenCancel()
			.verify(TIMEOUT);
		this.time.advanceTimeBy(Duration.ofMinutes(20));
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

}
