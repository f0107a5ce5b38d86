package io.github.triggerspring.runs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.triggerspring.error.TriggerValidationException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunPolling}, the loop behind {@link RunsClient#waitForCompletion}, on
 * virtual time.
 *
 * @author trigger-spring-boot contributors
 */
class RunPollingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final AtomicInteger calls = new AtomicInteger();

	private static Run run(String status, boolean isCompleted) {
		return JSON.readValue("""
				{"id":"run_1","status":"%s","taskIdentifier":"t","isQueued":false,"isExecuting":false,
				"isWaiting":false,"isCompleted":%s,"isSuccess":false,"isFailed":false,"isCancelled":false,
				"isTest":false,"costInCents":0,"baseCostInCents":0,"durationMs":0,"depth":0,"attemptCount":0}"""
			.formatted(status, isCompleted), Run.class);
	}

	/** Answers the given statuses in turn, then the last one forever, counting the calls. */
	private Supplier<Mono<Run>> answers(Run... runs) {
		Deque<Run> queue = new ArrayDeque<>(List.of(runs));
		return () -> Mono.fromSupplier(() -> {
			this.calls.incrementAndGet();
			return (queue.size() > 1) ? queue.poll() : queue.peek();
		});
	}

	private Mono<Run> poll(Supplier<Mono<Run>> retrieve, WaitOptions wait) {
		return RunPolling.untilFinished("run_1", retrieve, wait, this.time);
	}

	@Test
	void retrievesOncePerIntervalUntilTheStatusIsFinal() {
		Supplier<Mono<Run>> retrieve = answers(run("QUEUED", false), run("EXECUTING", false), run("COMPLETED", true));
		StepVerifier.withVirtualTime(() -> poll(retrieve, WaitOptions.defaults()), () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> assertThat(this.calls).hasValue(1))
			.thenAwait(Duration.ofMillis(999))
			.then(() -> assertThat(this.calls).hasValue(1))
			.thenAwait(Duration.ofMillis(1))
			.then(() -> assertThat(this.calls).hasValue(2))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void aConfiguredIntervalIsUsed() {
		Supplier<Mono<Run>> retrieve = answers(run("EXECUTING", false), run("FAILED", true));
		StepVerifier
			.withVirtualTime(() -> poll(retrieve, WaitOptions.defaults().withPollInterval(Duration.ofSeconds(30))),
					() -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(29))
			.then(() -> assertThat(this.calls).hasValue(1))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.FAILED))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void expiredAndTimedOutAreFinalThoughTheServerDoesNotCallThemCompleted() {
		for (String status : List.of("EXPIRED", "TIMED_OUT")) {
			StepVerifier.create(poll(answers(run(status, false)), WaitOptions.defaults()))
				.assertNext((run) -> assertThat(run.status().name()).isEqualTo(status))
				.expectComplete()
				.verify(TIMEOUT);
		}
		StepVerifier.create(poll(answers(run("SOMETHING_NEW", true)), WaitOptions.defaults()))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.UNKNOWN))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void theMaximumWaitEndsWithAnErrorNamingTheOptionAndTheLastStatus() {
		Supplier<Mono<Run>> retrieve = answers(run("EXECUTING", false));
		WaitOptions wait = WaitOptions.defaults().withMaxWait(Duration.ofMillis(4500));
		StepVerifier.withVirtualTime(() -> poll(retrieve, wait), () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofMillis(4499))
			.then(() -> assertThat(this.calls).hasValue(5))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(RunWaitTimeoutException.class)
					.hasMessage("Run run_1 did not finish within 4500 ms (WaitOptions.maxWait); its last status was "
							+ "EXECUTING. Raise maxWait, or look at the run again later with runs.retrieve.");
				RunWaitTimeoutException timeout = (RunWaitTimeoutException) error;
				assertThat(timeout.getRunId()).isEqualTo("run_1");
				assertThat(timeout.getMaxWait()).isEqualTo(Duration.ofMillis(4500));
				assertThat(timeout.getLastRun().status()).isEqualTo(RunStatus.EXECUTING);
			})
			.verify(TIMEOUT);
		assertThat(this.calls).hasValue(5);
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(this.calls).hasValue(5);
	}

	@Test
	void cancellingStopsThePolling() {
		Supplier<Mono<Run>> retrieve = answers(run("EXECUTING", false));
		StepVerifier.withVirtualTime(() -> poll(retrieve, WaitOptions.defaults()), () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(2))
			.then(() -> assertThat(this.calls).hasValue(3))
			.thenCancel()
			.verify(TIMEOUT);
		this.time.advanceTimeBy(Duration.ofMinutes(20));
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void nonPositiveDurationsAreRefusedBeforeAnyRetrieval() {
		for (WaitOptions wait : List.of(WaitOptions.defaults().withPollInterval(Duration.ZERO),
				WaitOptions.defaults().withMaxWait(Duration.ofSeconds(-1)),
				WaitOptions.defaults().withPollInterval(null))) {
			StepVerifier.create(poll(answers(run("EXECUTING", false)), wait))
				.expectError(TriggerValidationException.class)
				.verify(TIMEOUT);
		}
		assertThat(this.calls).hasValue(0);
	}

}
