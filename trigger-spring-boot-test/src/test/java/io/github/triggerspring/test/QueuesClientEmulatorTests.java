package io.github.triggerspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerEngineVersionException;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.queues.Queue;
import io.github.triggerspring.queues.QueueRef;
import io.github.triggerspring.queues.QueueType;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.tasks.TriggerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueuesClient} against the emulator, through
 * {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class QueuesClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	private final TriggerEmulator emulator;

	private final QueuesClient queues;

	QueuesClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.emulator.clock().setInstant(NOW);
		this.queues = EmulatorClients.devKey(emulator).queues();
	}

	@Test
	void listsTheQueuesOfSeededTasksAcrossPages() {
		this.emulator.registerTasks("a-task", "b-task", "c-task");
		StepVerifier.create(this.queues.list(2).map(Queue::name))
			.expectNext("a-task", "b-task", "c-task")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.QUEUES_LIST)).extracting(RecordedRequest::path)
			.hasSize(2);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.QUEUES_LIST).get(1).queryParameter("page"))
			.contains("2");
	}

	@Test
	void runsTriggeredOnAPausedQueueStayQueuedUntilItIsResumed() {
		EmulatorClients clients = EmulatorClients.devKey(this.emulator);
		this.emulator.registerTasks("process-order");
		this.queues.pause(QueueRef.task("process-order")).block(TIMEOUT);
		String runId = clients.tasks().trigger("process-order", Map.of("order", 42)).map(TriggerResult::id).block(TIMEOUT);
		this.emulator.clock().advance(Duration.ofHours(1));
		StepVerifier.create(clients.runs().retrieve(runId).map(Run::status))
			.expectNext(RunStatus.QUEUED)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.queues.retrieve(QueueRef.task("process-order")))
			.assertNext((queue) -> {
				assertThat(queue.paused()).isTrue();
				assertThat(queue.queued()).isEqualTo(1);
			})
			.expectComplete()
			.verify(TIMEOUT);
		this.queues.resume(QueueRef.task("process-order")).block(TIMEOUT);
		StepVerifier.create(clients.runs().retrieve(runId).map(Run::status))
			.expectNext(RunStatus.COMPLETED)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void pausesAndResumesATaskQueue() {
		this.emulator.registerTasks("process-order");
		StepVerifier.create(this.queues.pause(QueueRef.task("process-order")))
			.assertNext((queue) -> {
				assertThat(queue.paused()).isTrue();
				assertThat(queue.type()).isEqualTo(QueueType.TASK);
				assertThat(queue.id()).startsWith("queue_");
			})
			.expectComplete()
			.verify(TIMEOUT);
		String id = this.queues.retrieve(QueueRef.task("process-order")).map(Queue::id).block(TIMEOUT);
		StepVerifier.create(this.queues.retrieve(QueueRef.id(id)).map(Queue::paused))
			.expectNext(true)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.queues.resume(QueueRef.id(id)).map(Queue::paused))
			.expectNext(false)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests()).extracting(RecordedRequest::endpointId)
			.containsExactly("queues.pause", "queues.retrieve", "queues.retrieve", "queues.resume");
	}

	@Test
	void namesACustomQueueWithASlash() {
		this.emulator.seedRun(RunSeed.of("send-email").queue("shared/emails"));
		StepVerifier.create(this.queues.retrieve(QueueRef.custom("shared/emails")))
			.assertNext((queue) -> {
				assertThat(queue.name()).isEqualTo("shared/emails");
				assertThat(queue.type()).isEqualTo(QueueType.CUSTOM);
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().last().path()).isEqualTo("/api/v1/queues/shared%2Femails");
	}

	@Test
	void overridesAndResetsTheConcurrencyLimit() {
		this.emulator.registerTasks("process-order");
		QueueRef queue = QueueRef.task("process-order");
		StepVerifier.create(this.queues.overrideConcurrencyLimit(queue, 2))
			.assertNext((overridden) -> {
				assertThat(overridden.concurrencyLimit()).isEqualTo(2);
				assertThat(overridden.concurrency()).isEqualTo(new Queue.Concurrency(2, null, 2, NOW, null));
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.queues.resetConcurrencyLimit(queue))
			.assertNext((reset) -> assertThat(reset.concurrencyLimit()).isNull())
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.queues.resetConcurrencyLimit(queue))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TriggerBadRequestException.class)
				.hasMessage("400 Queue is not overridden"))
			.verify(TIMEOUT);
	}

	@Test
	void unknownQueueIsNotFound() {
		StepVerifier.create(this.queues.retrieve(QueueRef.task("nope")))
			.expectError(TriggerNotFoundException.class)
			.verify(TIMEOUT);
	}

	@Test
	void engineVersionErrorIsTyped() {
		this.emulator.faults()
			.inject(EmulatorEndpoint.QUEUES_PAUSE, Fault.status(400).body("{\"error\":\"engine-version\"}"));
		this.emulator.registerTasks("process-order");
		StepVerifier.create(this.queues.pause(QueueRef.task("process-order")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TriggerEngineVersionException.class)
				.hasMessageContaining("Run Engine V2"))
			.verify(TIMEOUT);
	}

}
