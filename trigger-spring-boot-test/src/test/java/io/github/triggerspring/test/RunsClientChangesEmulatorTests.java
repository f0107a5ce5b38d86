package io.github.triggerspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatedRunStatus;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.TaskBehavior;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import io.github.triggerspring.runs.MetadataOperation;
import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.MetadataUpdate;
import io.github.triggerspring.runs.ReplayOptions;
import io.github.triggerspring.runs.RunWaitTimeoutException;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.runs.RunSummary;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.runs.WaitOptions;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link RunsClient} calls that change a run, against the emulator.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class RunsClientChangesEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	private final TriggerEmulator emulator;

	private final EmulatorClients clients;

	private final RunsClient runs;

	RunsClientChangesEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.emulator.clock().setInstant(NOW);
		this.clients = EmulatorClients.devKey(emulator);
		this.runs = this.clients.runs();
	}

	private String delayedRun() {
		return this.clients.tasks()
			.trigger("report", Map.of("day", 1), TriggerOptions.builder().delay("1h").build())
			.map(TriggerResult::id)
			.block(TIMEOUT);
	}

	@Test
	void reschedulesADelayedRun() {
		String id = delayedRun();
		StepVerifier.create(this.runs.reschedule(id, "3h")).assertNext((run) -> {
			assertThat(run.status()).isEqualTo(RunStatus.DELAYED);
			assertThat(run.delayedUntil()).isEqualTo(NOW.plus(Duration.ofHours(3)));
		}).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.runs.reschedule(id, NOW.plus(Duration.ofDays(1))))
			.assertNext((run) -> assertThat(run.delayedUntil()).isEqualTo(NOW.plus(Duration.ofDays(1))))
			.expectComplete()
			.verify(TIMEOUT);
		this.emulator.clock().advance(Duration.ofHours(3));
		assertThat(this.emulator.runStatus(id)).isEqualTo(EmulatedRunStatus.DELAYED);
	}

	@Test
	void rescheduleOfARunThatIsNotDelayedIsABadRequestThatSaysWhy() {
		String id = this.emulator.seedRun(RunSeed.of("report"));
		StepVerifier.create(this.runs.reschedule(id, "1h"))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerBadRequestException.class)
				.hasMessageStartingWith("400 Cannot reschedule a run that is not delayed. Only a run in the DELAYED"))
			.verify(TIMEOUT);
	}

	@Test
	void addsTagsUpToTen() {
		String id = this.emulator.seedRun(RunSeed.of("report").tags("a"));
		StepVerifier.create(this.runs.addTags(id, List.of("a", "b")))
			.expectNext("Successfully set 1 new tags.")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.retrieve(id))
			.assertNext((run) -> assertThat(run.tags()).containsExactly("a", "b"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.addTags(id, List.of("c", "d", "e", "f", "g", "h", "i", "j", "k")))
			.expectError(TriggerUnprocessableEntityException.class)
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_ADD_TAGS)).hasSize(2);
	}

	@Test
	void updatesAndReadsMetadata() {
		String id = this.emulator.seedRun(RunSeed.of("report"));
		StepVerifier.create(this.runs.retrieveMetadata(id)).expectNext(Map.of()).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.runs.updateMetadata(id, MetadataUpdate.replace(Map.of("step", 1))))
			.expectNext(Map.of("step", 1))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier
			.create(this.runs.updateMetadata(id, MetadataUpdate.operations(MetadataOperation.increment("step", 2),
					MetadataOperation.append("log", "started"))))
			.expectNext(Map.of("step", 3, "log", List.of("started")))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.runs.retrieveMetadata(id))
			.expectNext(Map.of("step", 3, "log", List.of("started")))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void replaysWithANewPayloadAndTags() {
		String id = this.emulator.seedRun(RunSeed.of("report").payload(Map.of("day", 1)).tags("first"));
		String copy = this.runs
			.replay(id, ReplayOptions.builder().payload(Map.of("day", 2)).tags(List.of("second")).build())
			.block(TIMEOUT);
		StepVerifier.create(this.runs.retrieve(copy)).assertNext((run) -> {
			assertThat(run.taskIdentifier()).isEqualTo("report");
			assertThat(run.payload().get("day").asInt()).isEqualTo(2);
			assertThat(run.tags()).containsExactly("second");
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void waitForCompletionAnswersAFinishedRunAfterOneRetrieval() {
		String id = this.emulator.seedRun(RunSeed.of("report").status(EmulatedRunStatus.FAILED));
		StepVerifier.create(this.runs.waitForCompletion(id))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.FAILED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_RETRIEVE)).hasSize(1);
	}

	@Test
	void waitForCompletionGivesUpAfterItsMaximumWait() {
		String id = this.emulator.seedRun(RunSeed.of("report").behavior(TaskBehavior.staysQueued()));
		WaitOptions wait = WaitOptions.defaults().withPollInterval(Duration.ofMillis(10)).withMaxWait(Duration.ofMillis(200));
		StepVerifier.create(this.runs.waitForCompletion(id, wait))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(RunWaitTimeoutException.class,
					(timeout) -> assertThat(timeout.getRunId()).isEqualTo(id)))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.RUNS_RETRIEVE)).isNotEmpty();
	}

	@Test
	void listsTheRunsOfABulkAction() {
		String inBulk = this.emulator.seedRun(RunSeed.of("report").bulkAction("bulk_1"));
		this.emulator.seedRun(RunSeed.of("report"));
		StepVerifier.create(this.runs.list(ListRunsRequest.builder().bulkAction("bulk_1").build()).map(RunSummary::id))
			.expectNext(inBulk)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void retrieveDownloadsAnOffloadedPayloadAndOutputFromTheEmulatorsPresignedUrls() {
		String big = "x".repeat(600_000);
		String id = this.emulator.seedRun(RunSeed.of("report")
			.payload(Map.of("blob", big))
			.behavior(TaskBehavior.completes().withOutput(Map.of("report", big))));
		StepVerifier.create(this.runs.retrieve(id)).assertNext((run) -> {
			assertThat(run.payloadPresignedUrl()).startsWith(this.emulator.baseUrl() + "/packets/");
			assertThat(run.payload().get("blob").asString()).isEqualTo(big);
			assertThat(run.output().get("report").asString()).isEqualTo(big);
		}).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.PACKETS_DOWNLOAD)).hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("Authorization")).isEmpty());
	}

}
