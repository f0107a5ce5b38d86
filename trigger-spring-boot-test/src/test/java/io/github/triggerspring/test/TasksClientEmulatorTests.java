package io.github.triggerspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.RecordedTrigger;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.error.TriggerPayloadTooLargeException;
import io.github.triggerspring.error.TriggerUnprocessableEntityException;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.BatchOptions;
import io.github.triggerspring.tasks.BatchResult;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TasksClient} against the emulator, through {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class TasksClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final TriggerEmulator emulator;

	private final TasksClient tasks;

	private final RunsClient runs;

	TasksClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		EmulatorClients clients = EmulatorClients.devKey(emulator);
		this.tasks = clients.tasks();
		this.runs = clients.runs();
	}

	@Test
	void triggeredTaskIsJournaledWithItsPayloadAndReadsBackAsARun() {
		TriggerResult result = this.tasks
			.trigger("send-email", Map.of("to", "ada@example.com"), TriggerOptions.builder().tags("user_1").build())
			.block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(result.isCached()).isFalse();
		assertThat(this.emulator.journal().triggers()).singleElement().satisfies((trigger) -> {
			assertThat(trigger.taskId()).isEqualTo("send-email");
			assertThat(trigger.payload()).isEqualTo(Map.of("to", "ada@example.com"));
			assertThat(trigger.tags()).containsExactly("user_1");
		});
		StepVerifier.create(this.runs.retrieve(result.id())).assertNext((run) -> {
			assertThat(run.taskIdentifier()).isEqualTo("send-email");
			assertThat(run.payload()).isEqualTo(json.readTree("{\"to\":\"ada@example.com\"}"));
			assertThat(run.tags()).containsExactly("user_1");
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void aLargePayloadIsUploadedToTheEmulatorsStorageAndReadsBackAsTheRunsPayload() {
		String text = "x".repeat(200 * 1024);
		TriggerResult result = this.tasks.trigger("import-file", Map.of("content", text)).block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(result.publicAccessToken()).isNotBlank();
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.PACKETS_UPLOAD)).hasSize(1);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.PACKETS_OBJECT_STORE)).singleElement()
			.satisfies((upload) -> {
				assertThat(upload.header("Authorization")).isEmpty();
				assertThat(upload.header("Content-Type")).hasValue("application/super+json");
			});
		assertThat(this.emulator.journal().triggers()).singleElement().satisfies((trigger) -> {
			assertThat(trigger.payloadType()).isEqualTo("application/store");
			assertThat(trigger.options()).containsEntry("payloadSize", text.length() + 23);
		});
		StepVerifier.create(this.runs.retrieve(result.id()))
			.assertNext((run) -> assertThat(run.payload().get("content").asString()).isEqualTo(text))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void sameIdempotencyKeyGivesTheCachedRun() {
		TriggerOptions options = TriggerOptions.builder().idempotencyKey("order-42").build();
		TriggerResult first = this.tasks.trigger("charge", Map.of("amount", 42), options).block(TIMEOUT);
		TriggerResult second = this.tasks.trigger("charge", Map.of("amount", 42), options).block(TIMEOUT);
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.isCached()).isTrue();
		assertThat(this.emulator.runCount()).isEqualTo(1);
		List<RecordedTrigger> triggers = this.emulator.journal().triggers("charge");
		assertThat(triggers).hasSize(2);
		assertThat(triggers.get(0).idempotencyKey()).isNotBlank().isEqualTo(triggers.get(1).idempotencyKey());
	}

	@Test
	void batchTriggerCreatesOneRunPerItemInOrder() {
		Flux<BatchItem> items = Flux.range(0, 3).map((i) -> BatchItem.of(Map.of("index", i)));
		StepVerifier.create(this.tasks.batchTrigger("resize-image", items).map(BatchResult::runCount))
			.expectNext(3)
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedTrigger> triggers = this.emulator.journal().triggers("resize-image");
		assertThat(triggers).extracting(RecordedTrigger::batchIndex).containsExactly(0, 1, 2);
		assertThat(triggers).extracting(RecordedTrigger::payload)
			.containsExactly(Map.of("index", 0), Map.of("index", 1), Map.of("index", 2));
		assertThat(triggers).extracting(RecordedTrigger::batchId).doesNotContainNull().containsOnly(triggers.get(0).batchId());
		assertThat(this.emulator.runCount()).isEqualTo(3);
		assertThat(this.emulator.journal().count(EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE)).isEqualTo(1);
		assertThat(this.emulator.journal().count(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS)).isEqualTo(1);
	}

	@Test
	void batchWithAKeyWhoseCreateLostItsAnswerStillGetsEveryItemOnce() {
		this.emulator.faults()
			.inject(EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE, Fault.dropConnectionAfterHandling());
		List<BatchItem> items = List.of(BatchItem.of(Map.of("index", 0)), BatchItem.of(Map.of("index", 1)),
				BatchItem.of(Map.of("index", 2)));
		BatchResult result = this.tasks
			.batchTrigger("resize-image", items, BatchOptions.builder().idempotencyKey("import-42").build())
			.block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(result.isCached()).isTrue();
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE))
			.extracting(RecordedRequest::responseStatus)
			.containsExactly(0, 202);
		List<RecordedTrigger> triggers = this.emulator.journal().triggers("resize-image");
		assertThat(triggers).extracting(RecordedTrigger::batchIndex).containsExactly(0, 1, 2);
		assertThat(triggers).extracting(RecordedTrigger::batchId).containsOnly(result.batchId());
		assertThat(this.emulator.runCount()).isEqualTo(3);
	}

	@Test
	void batchWhoseItemsCallLostItsAnswerSucceedsWhenTheRetryFindsItSealed() {
		this.emulator.faults().inject(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS, Fault.dropConnectionAfterHandling());
		BatchResult result = this.tasks
			.batchTrigger("resize-image", List.of(BatchItem.of(Map.of("index", 0)), BatchItem.of(Map.of("index", 1))))
			.block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(result.isCached()).isFalse();
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS))
			.extracting(RecordedRequest::responseStatus)
			.containsExactly(0, 422);
		assertThat(this.emulator.runCount()).isEqualTo(2);
	}

	@Test
	void itemsPastTheRunCountOfTheBatchAKeyMatchedAreATypedUnprocessableEntityErrorAndCreateNoRun() {
		this.emulator.faults().inject(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS, Fault.status(400));
		BatchOptions options = BatchOptions.builder().idempotencyKey("import-43").build();
		StepVerifier.create(this.tasks.batchTrigger("resize-image", List.of(BatchItem.of(Map.of("index", 0))), options))
			.expectError()
			.verify(TIMEOUT);
		List<BatchItem> items = List.of(BatchItem.of(Map.of("index", 0)), BatchItem.of(Map.of("index", 1)));
		StepVerifier.create(this.tasks.batchTrigger("resize-image", items, options))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
					TriggerUnprocessableEntityException.class, (refused) -> {
						assertThat(refused.getStatus()).isEqualTo(422);
						assertThat(refused.getError()).isEqualTo("Item index 1 exceeds batch runCount 1");
					}))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS))
			.extracting(RecordedRequest::responseStatus)
			.containsExactly(400, 422);
		assertThat(this.emulator.runCount()).isZero();
	}

	@Test
	void triggerWithMetadataOverTheServersLimitIsATypedPayloadTooLargeErrorAndIsNotRetried() {
		Map<String, Object> metadata = Map.of("blob", "x".repeat(256 * 1024));
		StepVerifier.create(this.tasks.trigger("send-email", Map.of("to", "ada@example.com"),
				TriggerOptions.builder().metadata(metadata).build()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
					TriggerPayloadTooLargeException.class, (tooLarge) -> {
						assertThat(tooLarge.getStatus()).isEqualTo(413);
						assertThat(tooLarge.getError()).isEqualTo("Metadata exceeds maximum size of 262144 bytes");
					}))
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().count(EmulatorEndpoint.TASK_TRIGGER)).isOne();
		assertThat(this.emulator.runCount()).isZero();
	}

	@Test
	void triggerRetriedAfterServerErrorsCreatesOneRun() {
		this.emulator.faults().inject(EmulatorEndpoint.TASK_TRIGGER, Fault.status(500).times(2));
		StepVerifier.create(this.tasks.trigger("send-email", Map.of("to", "ada@example.com")).map(TriggerResult::id))
			.expectNextMatches((id) -> id.startsWith("run_"))
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedRequest> attempts = this.emulator.journal().requests(EmulatorEndpoint.TASK_TRIGGER);
		assertThat(attempts).extracting(RecordedRequest::responseStatus).containsExactly(500, 500, 200);
		assertThat(attempts).extracting((request) -> request.header("x-trigger-request-idempotency-key").orElseThrow())
			.containsOnly(attempts.get(0).header("x-trigger-request-idempotency-key").orElseThrow());
		assertThat(this.emulator.runCount()).isEqualTo(1);
	}

	@Test
	void triggeringAnUndeployedTaskIsNotFound() {
		this.emulator.registerTasks("send-email");
		StepVerifier.create(this.tasks.trigger("sned-email", Map.of()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerNotFoundException.class,
					(notFound) -> assertThat(notFound.getError()).isEqualTo("Task not found")))
			.verify(TIMEOUT);
		assertThat(this.emulator.runCount()).isZero();
		assertThat(this.emulator.journal().triggers()).extracting(RecordedTrigger::taskId).containsExactly("sned-email");
	}

	@Test
	void runOfAFailingTaskReadsBackFailed() {
		this.emulator.taskBehavior("flaky", io.github.triggerspring.emulator.TaskBehavior.fails("SMTP down"));
		StepVerifier.create(this.tasks.trigger("flaky", null)
			.flatMap((result) -> this.runs.retrieve(result.id()))
			.map(Run::isFailed)).expectNext(true).expectComplete().verify(TIMEOUT);
	}

}
