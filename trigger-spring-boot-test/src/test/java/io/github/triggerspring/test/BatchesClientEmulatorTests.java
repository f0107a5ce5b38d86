package io.github.triggerspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedTrigger;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.Batch;
import io.github.triggerspring.tasks.BatchOptions;
import io.github.triggerspring.tasks.BatchResult;
import io.github.triggerspring.tasks.BatchStatus;
import io.github.triggerspring.tasks.BatchTaskItem;
import io.github.triggerspring.tasks.BatchesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatchesClient} against the emulator, through
 * {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class BatchesClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TriggerEmulator emulator;

	private final BatchesClient batch;

	private final RunsClient runs;

	BatchesClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		EmulatorClients clients = EmulatorClients.devKey(emulator);
		this.batch = clients.batch();
		this.runs = clients.runs();
	}

	@Test
	void triggerCreatesOneRunPerItemOfEachTaskAndRetrieveReadsTheBatchBack() {
		BatchResult result = this.batch
			.trigger(List.of(BatchTaskItem.of("send-email", Map.of("to", "ada@example.com")),
					BatchTaskItem.of("resize-image", "cat.png")))
			.block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(result.runCount()).isEqualTo(2);
		assertThat(result.publicAccessToken()).isNotBlank();
		assertThat(this.emulator.journal().triggers()).extracting(RecordedTrigger::taskId)
			.containsExactly("send-email", "resize-image");
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.TASK_BATCH_TRIGGER_CREATE)).singleElement()
			.satisfies((request) -> assertThat(request.bodyAsString())
				.contains("\"taskIdentifiers\":[\"resize-image\",\"send-email\"]"));

		Batch retrieved = this.batch.retrieve(result.batchId()).block(TIMEOUT);
		assertThat(retrieved).isNotNull();
		assertThat(retrieved.id()).isEqualTo(result.batchId());
		assertThat(retrieved.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(retrieved.runCount()).isEqualTo(2);
		assertThat(retrieved.runs()).hasSize(2);
		assertThat(retrieved.processing()).isNotNull();
		assertThat(retrieved.processing().errors()).isEmpty();
		StepVerifier.create(this.runs.retrieve(retrieved.runs().get(1)))
			.assertNext((run) -> assertThat(run.taskIdentifier()).isEqualTo("resize-image"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void triggerOfAFluxWithAKeyIsCachedTheSecondTimeWithItsToken() {
		BatchOptions options = BatchOptions.builder().idempotencyKey("import-7").build();
		BatchResult first = this.batch
			.trigger(Flux.range(0, 3).map((i) -> BatchTaskItem.of((i % 2 == 0) ? "even" : "odd", Map.of("i", i))),
					options)
			.block(TIMEOUT);
		BatchResult second = this.batch.trigger(Flux.just(BatchTaskItem.of("even", "x")), options).block(TIMEOUT);
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(second.batchId()).isEqualTo(first.batchId());
		assertThat(second.isCached()).isTrue();
		assertThat(second.publicAccessToken()).isNotBlank();
		assertThat(this.emulator.runCount()).isEqualTo(3);
	}

	@Test
	void triggerResendsTheItemsAfterAFaultOfTheItemsCall() {
		this.emulator.faults().inject(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS, Fault.status(503));
		StepVerifier.create(this.batch.trigger(List.of(BatchTaskItem.of("a", 1), BatchTaskItem.of("b", 2))))
			.assertNext((result) -> assertThat(result.runCount()).isEqualTo(2))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.TASK_BATCH_TRIGGER_ITEMS)).hasSize(2);
		assertThat(this.emulator.runCount()).isEqualTo(2);
	}

	@Test
	void aLargeItemIsUploadedFirstAndItsRunReadsThePayloadBack() {
		String text = "y".repeat(150 * 1024);
		BatchResult result = this.batch
			.trigger(List.of(BatchTaskItem.of("small", "s"), BatchTaskItem.of("large", text)))
			.block(TIMEOUT);
		assertThat(result).isNotNull();
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.PACKETS_OBJECT_STORE)).hasSize(1);
		Batch retrieved = this.batch.retrieve(result.batchId()).block(TIMEOUT);
		assertThat(retrieved).isNotNull();
		StepVerifier.create(this.runs.retrieve(retrieved.runs().get(1)))
			.assertNext((run) -> assertThat(run.payload().asString()).isEqualTo(text))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void retrieveOfAnUnknownBatchIsNotFound() {
		StepVerifier.create(this.batch.retrieve("batch_unknown"))
			.expectError(TriggerNotFoundException.class)
			.verify(TIMEOUT);
	}

}
