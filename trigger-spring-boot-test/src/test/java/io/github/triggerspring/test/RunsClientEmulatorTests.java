package io.github.triggerspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatedRunStatus;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.TaskBehavior;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerRateLimitException;
import io.github.triggerspring.error.TriggerServerException;
import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.runs.RunsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RunsClient} against the emulator, through {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class RunsClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final TriggerEmulator emulator;

	private final RunsClient runs;

	RunsClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.emulator.clock().setInstant(NOW);
		this.runs = EmulatorClients.devKey(emulator).runs();
	}

	@Test
	void retrievesASeededRunWithItsPayloadAndTags() {
		String id = this.emulator.seedRun(RunSeed.of("send-email").payload(Map.of("to", "ada@example.com"))
			.tags("user_1"));
		StepVerifier.create(this.runs.retrieve(id)).assertNext((run) -> {
			assertThat(run.id()).isEqualTo(id);
			assertThat(run.taskIdentifier()).isEqualTo("send-email");
			assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(run.payload()).isEqualTo(json.readTree("{\"to\":\"ada@example.com\"}"));
			assertThat(run.tags()).containsExactly("user_1");
		}).expectComplete().verify(TIMEOUT);
		RecordedRequest request = this.emulator.journal().last();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/api/v3/runs/" + id);
		assertThat(request.header("Authorization")).hasValue("Bearer tr_dev_…");
		assertThat(request.hasCredential(EmulatorAccount.DEV_SECRET_KEY)).isTrue();
		assertThat(request.header("x-trigger-branch")).isEmpty();
	}

	@Test
	void cancelsAQueuedRunWhichThenReadsBackCanceled() {
		String id = this.emulator.seedRun(RunSeed.of("long-task").behavior(TaskBehavior.staysQueued()));
		StepVerifier.create(this.runs.cancel(id)).expectNext(id).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.runs.retrieve(id).map(Run::status))
			.expectNext(RunStatus.CANCELED)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_CANCEL)).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/api/v2/runs/" + id + "/cancel"));
	}

	@Test
	void replaysARunAsANewRunOfTheSameTaskWithTheSamePayload() {
		String id = this.emulator.seedRun(RunSeed.of("resize-image").payload(Map.of("width", 640)));
		String replayId = this.runs.replay(id).block(TIMEOUT);
		assertThat(replayId).isNotNull().isNotEqualTo(id).startsWith("run_");
		StepVerifier.create(this.runs.retrieve(replayId)).assertNext((run) -> {
			assertThat(run.taskIdentifier()).isEqualTo("resize-image");
			assertThat(run.payload()).isEqualTo(json.readTree("{\"width\":640}"));
		}).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.runCount()).isEqualTo(2);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_REPLAY)).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/api/v1/runs/" + id + "/replay"));
	}

	@Test
	void listsRunsNewestFirstFilteredByTaskStatusAndTag() {
		String older = this.emulator.seedRun(RunSeed.of("send-email").tags("vip").createdAt(NOW.minusSeconds(60)));
		String newer = this.emulator.seedRun(RunSeed.of("send-email").tags("vip").createdAt(NOW.minusSeconds(30)));
		this.emulator.seedRun(RunSeed.of("send-email").tags("other").createdAt(NOW.minusSeconds(20)));
		this.emulator.seedRun(RunSeed.of("send-email").tags("vip").behavior(TaskBehavior.staysQueued()));
		this.emulator.seedRun(RunSeed.of("resize-image").tags("vip"));
		ListRunsRequest request = ListRunsRequest.builder()
			.taskIdentifier("send-email")
			.status(RunStatus.COMPLETED)
			.tag("vip")
			.build();
		StepVerifier.create(this.runs.list(request).map(RunSummary::id))
			.expectNext(newer, older)
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest recorded = this.emulator.journal().last();
		assertThat(recorded.path()).isEqualTo("/api/v1/runs");
		assertThat(recorded.queryParameter("filter[taskIdentifier]")).hasValue("send-email");
		assertThat(recorded.queryParameter("filter[status]")).hasValue("COMPLETED");
		assertThat(recorded.queryParameter("filter[tag]")).hasValue("vip");
	}

	@Test
	void pagesThroughEveryRunOnDemand() {
		for (int i = 0; i < 5; i++) {
			this.emulator.seedRun(RunSeed.of("task-" + i).createdAt(NOW.minusSeconds(10 - i)));
		}
		StepVerifier.create(this.runs.list(ListRunsRequest.builder().pageSize(2).build()).map(RunSummary::taskIdentifier))
			.expectNext("task-4", "task-3", "task-2", "task-1", "task-0")
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedRequest> pages = this.emulator.journal().requests(EmulatorEndpoint.RUNS_LIST);
		assertThat(pages).hasSize(3)
			.allSatisfy((page) -> assertThat(page.queryParameter("page[size]")).hasValue("2"));
		assertThat(pages.get(0).queryParameter("page[after]")).isEmpty();
		assertThat(pages.get(1).queryParameter("page[after]")).isPresent();
	}

	@Test
	void listsTheProjectWithTheAccessTokenFilteredOnAnEnvironment() {
		this.emulator.seedRun(RunSeed.of("dev-task"));
		String prodRun = this.emulator.seedRun(RunSeed.of("prod-task").in(EmulatedEnvironment.PROD));
		RunsClient both = EmulatorClients.of(this.emulator, EmulatorCredentials.BOTH, TriggerEnvironment.DEV).runs();
		ListRunsRequest request = ListRunsRequest.builder().projectWide().environment(TriggerEnvironment.PROD).build();
		StepVerifier.create(both.list(request).map(RunSummary::id)).expectNext(prodRun).expectComplete().verify(TIMEOUT);
		RecordedRequest recorded = this.emulator.journal().last();
		assertThat(recorded.path()).isEqualTo("/api/v1/projects/" + EmulatorAccount.PROJECT_REF + "/runs");
		assertThat(recorded.queryParameter("filter[env]")).hasValue("prod");
		assertThat(recorded.hasCredential(EmulatorAccount.PERSONAL_ACCESS_TOKEN)).isTrue();
	}

	@Test
	void previewKeyReachesRunsOfThePreviewBranch() {
		String id = this.emulator.seedRun(RunSeed.of("preview-task")
			.in(EmulatedEnvironment.PREVIEW)
			.branch(EmulatorAccount.PREVIEW_BRANCH));
		RunsClient preview = EmulatorClients.of(this.emulator, EmulatorCredentials.SECRET_KEY, TriggerEnvironment.PREVIEW)
			.runs();
		StepVerifier.create(preview.list().map(RunSummary::id)).expectNext(id).expectComplete().verify(TIMEOUT);
		StepVerifier.create(preview.retrieve(id).map(Run::taskIdentifier))
			.expectNext("preview-task")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests()).hasSize(2)
			.allSatisfy((request) -> {
				assertThat(request.hasCredential(EmulatorAccount.PREVIEW_SECRET_KEY)).isTrue();
				assertThat(request.header("x-trigger-branch")).hasValue(EmulatorAccount.PREVIEW_BRANCH);
			});
	}

	@Test
	void retriesTwoServerErrorsWithTheSameIdempotencyKeyAndSucceeds() {
		String id = this.emulator.seedRun(RunSeed.of("send-email"));
		this.emulator.faults().inject(EmulatorEndpoint.RUNS_RETRIEVE, Fault.status(500).times(2));
		StepVerifier.create(this.runs.retrieve(id).map(Run::id)).expectNext(id).expectComplete().verify(TIMEOUT);
		List<RecordedRequest> attempts = this.emulator.journal().requests(EmulatorEndpoint.RUNS_RETRIEVE);
		assertThat(attempts).extracting(RecordedRequest::responseStatus).containsExactly(500, 500, 200);
		assertThat(attempts).extracting((request) -> request.header("x-trigger-request-idempotency-key").orElseThrow())
			.doesNotContainNull()
			.containsOnly(attempts.get(0).header("x-trigger-request-idempotency-key").orElseThrow());
	}

	@Test
	void rateLimitErrorCarriesTheResetOfTheEmulatorClock() {
		String id = this.emulator.seedRun(RunSeed.of("send-email"));
		this.emulator.faults().inject(EmulatorEndpoint.RUNS_RETRIEVE, Fault.rateLimited(Duration.ofMillis(600)));
		RunsClient once = EmulatorClients
			.devKey(this.emulator, EmulatorClients.NO_RETRY, this.emulator.clock(), Schedulers.parallel())
			.runs();
		StepVerifier.create(once.retrieve(id))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerRateLimitException.class,
					(rateLimit) -> {
						assertThat(rateLimit.getStatus()).isEqualTo(429);
						assertThat(rateLimit.getHeaders().getFirst("x-ratelimit-reset")).isEqualTo("1740823200600");
						assertThat(rateLimit.getReset()).isEqualTo(NOW.plusMillis(600));
					}))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_RETRIEVE)).singleElement()
			.satisfies((request) -> assertThat(request.responseStatus()).isEqualTo(429));
	}

	@Test
	void waitsUntilTheRateLimitResetsBeforeRetrying() {
		String id = this.emulator.seedRun(RunSeed.of("send-email"));
		this.emulator.faults().inject(EmulatorEndpoint.RUNS_RETRIEVE, Fault.rateLimited(Duration.ofMillis(600)));
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		RunsClient runs = EmulatorClients.devKey(this.emulator, EmulatorClients.FAST_RETRY, this.emulator.clock(), time)
			.runs();
		StepVerifier.withVirtualTime(() -> runs.retrieve(id).map(Run::id), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			// task 1 is the first attempt's response timeout, task 2 the wait for the reset
			.then(() -> await().atMost(TIMEOUT).until(() -> time.getScheduledTaskCount() == 2))
			.expectNoEvent(Duration.ofMillis(599))
			.then(() -> assertThat(this.emulator.journal().count(EmulatorEndpoint.RUNS_RETRIEVE)).isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(id)
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedRequest> attempts = this.emulator.journal().requests(EmulatorEndpoint.RUNS_RETRIEVE);
		assertThat(attempts).extracting(RecordedRequest::responseStatus).containsExactly(429, 200);
		assertThat(attempts).extracting(RecordedRequest::receivedAt).containsExactly(NOW, NOW);
	}

	@Test
	void retriesACallWhoseConnectionWasDropped() {
		String id = this.emulator.seedRun(RunSeed.of("long-task").behavior(TaskBehavior.staysQueued()));
		this.emulator.faults().inject(EmulatorEndpoint.RUNS_CANCEL, Fault.dropConnection());
		StepVerifier.create(this.runs.cancel(id)).expectNext(id).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_CANCEL)).hasSize(2);
		assertThat(this.emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.CANCELED);
	}

	@Test
	void givesUpAfterTheLastAttemptWithAServerError() {
		this.emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(503).always());
		StepVerifier.create(this.runs.list())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerServerException.class,
					(server) -> assertThat(server.getStatus()).isEqualTo(503)))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().count(EmulatorEndpoint.RUNS_LIST)).isEqualTo(5);
	}

	@Test
	void unknownRunIsRetrievedAgainAsTheServerAsksThenNotFound() {
		StepVerifier.create(this.runs.retrieve("run_doesnotexist"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerNotFoundException.class,
					(notFound) -> assertThat(notFound.getError()).isEqualTo("Run not found")))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_RETRIEVE)).hasSize(5)
			.allSatisfy((request) -> assertThat(request.responseStatus()).isEqualTo(404));
	}

	@Test
	void cancelingAnUnknownRunIsNotFoundWithoutRetry() {
		StepVerifier.create(this.runs.cancel("run_doesnotexist"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerNotFoundException.class,
					(notFound) -> assertThat(notFound.getError()).isEqualTo("Run not found")))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().count()).isEqualTo(1);
	}

	@Test
	void errorsCarryTheEmulatorsDateAndHeadersAreReadWhateverTheirCase() {
		StepVerifier.create(this.runs.cancel("run_doesnotexist"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerNotFoundException.class,
					(notFound) -> {
						assertThat(notFound.getHeaders().getFirst("date")).isEqualTo("Sat, 01 Mar 2025 10:00:00 GMT");
						assertThat(notFound.getHeaders().getDate()).isEqualTo(NOW.toEpochMilli());
						assertThat(notFound.getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("1500");
					}))
			.verify(TIMEOUT);
		String id = this.emulator.seedRun(RunSeed.of("send-email"));
		this.emulator.faults().inject(EmulatorEndpoint.RUNS_RETRIEVE, Fault.status(503).header("X-Should-Retry", "false"));
		StepVerifier.create(this.runs.retrieve(id))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerServerException.class,
					(server) -> assertThat(server.getStatus()).isEqualTo(503)))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_RETRIEVE)).hasSize(1);
	}

}
