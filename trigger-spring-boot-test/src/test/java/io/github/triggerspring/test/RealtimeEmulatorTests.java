package io.github.triggerspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.TaskBehavior;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerAuthenticationException;
import io.github.triggerspring.realtime.RealtimeRun;
import io.github.triggerspring.runs.MetadataUpdate;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.tasks.TasksClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Realtime subscriptions against the emulator, its runs driven through their states by
 * {@link RunStateDriver} on the emulator clock.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class RealtimeEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	private final TriggerEmulator emulator;

	private final RunsClient runs;

	private final TasksClient tasks;

	private RunStateDriver orders;

	RealtimeEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.emulator.clock().setInstant(NOW);
		EmulatorClients clients = EmulatorClients.devKey(emulator);
		this.runs = clients.runs();
		this.tasks = clients.tasks();
	}

	@BeforeEach
	void driveOrders() {
		// after the extension's reset, which forgets task behaviours
		this.orders = RunStateDriver.forTask(this.emulator, "process-order",
				TaskBehavior.completes().withOutput(Map.of("shipped", true)));
	}

	private String triggerOrder() {
		return this.tasks.trigger("process-order", Map.of("orderId", 42)).block(TIMEOUT).id();
	}

	private List<RecordedRequest> subscriptionRequests() {
		return this.emulator.journal().requests(EmulatorEndpoint.RUNS_SUBSCRIBE_TO_RUN);
	}

	@Test
	void aSubscriberSeesTheRunQueuedExecutingAndCompletedThenTheSubscriptionCompletes() {
		String id = triggerOrder();
		StepVerifier.create(this.runs.subscribe(id))
			.assertNext((run) -> {
				assertThat(run.id()).isEqualTo(id);
				assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
				assertThat(run.payload().get("orderId").intValue()).isEqualTo(42);
			})
			.then(this.orders::startExecuting)
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.EXECUTING);
				assertThat(run.startedAt()).isEqualTo(NOW.plus(RunStateDriver.STEP));
			})
			.then(this.orders::complete)
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
				assertThat(run.finishedAt()).isEqualTo(NOW.plus(RunStateDriver.STEP.multipliedBy(2)));
				assertThat(run.output().get("shipped").booleanValue()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(subscriptionRequests()).allSatisfy((request) -> {
			assertThat(request.responseStatus()).isEqualTo(200);
			assertThat(request.header("x-trigger-electric-version")).hasValue("1.0.0-beta.1");
		});
	}

	@Test
	void everyMetadataUpdateIsOneNewState() {
		String id = triggerOrder();
		StepVerifier.FirstStep<RealtimeRun> steps = StepVerifier.create(this.runs.subscribe(id));
		StepVerifier.Step<RealtimeRun> step = steps.assertNext((run) -> assertThat(run.metadata()).isNull());
		for (int i = 1; i <= 10; i++) {
			int progress = i;
			step = step.then(() -> this.runs.updateMetadata(id, MetadataUpdate.replace(Map.of("progress", progress)))
				.block(TIMEOUT))
				.assertNext((run) -> assertThat(run.metadata().get("progress").intValue()).isEqualTo(progress));
		}
		step.thenCancel().verify(TIMEOUT);
	}

	@Test
	void aMustRefetchInTheMiddleRestartsTheShapeWithoutDuplicates() {
		String id = triggerOrder();
		StepVerifier.create(this.runs.subscribe(id))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.QUEUED))
			.then(() -> await().atMost(TIMEOUT).until(() -> this.emulator.forceRealtimeRefetch() > 0
					&& subscriptionRequests().stream().anyMatch((request) -> request.responseStatus() == 409)))
			.then(this.orders::startExecuting)
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.EXECUTING))
			.then(this.orders::complete)
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		RecordedRequest refetch = subscriptionRequests().stream()
			.filter((request) -> request.queryParameter("expired_handle").isPresent())
			.findFirst()
			.orElseThrow();
		assertThat(refetch.queryParameter("offset")).hasValue("-1");
	}

	@Test
	void aDroppedConnectionInTheMiddleIsRetriedFromTheLastOffset() {
		String id = triggerOrder();
		StepVerifier.create(this.runs.subscribe(id))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.QUEUED))
			.then(() -> this.emulator.faults().inject(EmulatorEndpoint.RUNS_SUBSCRIBE_TO_RUN, Fault.dropConnection()))
			.then(this.orders::startExecuting)
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.EXECUTING))
			.then(this.orders::complete)
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedRequest> requests = subscriptionRequests();
		int dropped = -1;
		for (int i = 0; i < requests.size(); i++) {
			if (requests.get(i).responseStatus() == 0) {
				dropped = i;
			}
		}
		assertThat(dropped).isPositive().isLessThan(requests.size() - 1);
		assertThat(requests.get(dropped + 1).queryParameters()).isEqualTo(requests.get(dropped).queryParameters());
	}

	@Test
	void aSubscriberThatCancelsWhileItsLivePollIsHeldClosesTheConnectionAndTheEmulatorSeesIt() {
		String id = triggerOrder();
		StepVerifier.create(this.runs.subscribe(id))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.QUEUED))
			// the emulator clock is frozen: the live poll stays held until the cancel
			.then(() -> assertThat(this.emulator.awaitHeldRealtimePolls(1, TIMEOUT)).isTrue())
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.emulator.awaitClosedRealtimeConnections(1, TIMEOUT)).isTrue();
		assertThat(this.emulator.heldRealtimePolls()).isZero();
		assertThat(subscriptionRequests()).last().satisfies((request) -> {
			assertThat(request.queryParameter("live")).hasValue("true");
			assertThat(request.clientClosed()).isTrue();
		});
	}

	@Test
	void aWrongSecretKeyEndsTheSubscriptionWithATypedError() {
		String id = triggerOrder();
		RunsClient runs = EmulatorClients
			.of(this.emulator, TriggerCredentials.of("tr_dev_notAKnownKey00000000000", null,
					EmulatorAccount.PROJECT_REF, null, null))
			.runs();
		StepVerifier.create(runs.subscribe(id)).expectError(TriggerAuthenticationException.class).verify(TIMEOUT);
		assertThat(subscriptionRequests()).singleElement()
			.satisfies((request) -> assertThat(request.responseStatus()).isEqualTo(401));
	}

	@Test
	void aSlowSubscriberGetsOnlyTheLatestState() {
		String id = triggerOrder();
		StepVerifier.create(this.runs.subscribe(id), 0)
			.expectSubscription()
			.then(() -> await().atMost(TIMEOUT).until(() -> !subscriptionRequests().isEmpty()))
			.then(this.orders::startExecuting)
			.then(this.orders::complete)
			.then(() -> await().atMost(TIMEOUT)
				.until(() -> subscriptionRequests().stream()
					.anyMatch((request) -> request.responseBody() != null
							&& request.responseBody().contains("COMPLETED_SUCCESSFULLY"))))
			.thenRequest(10)
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void aBatchSubscriptionFollowsEveryRunOfTheBatch() {
		String first = triggerOrder();
		String second = triggerOrder();
		String batchId = this.emulator.seedBatch(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, null, first,
				second);
		StepVerifier.create(EmulatorClients.devKey(this.emulator).batch().subscribe(batchId))
			.expectNextCount(2)
			.then(this.orders::startExecuting)
			.then(this.orders::complete)
			.thenConsumeWhile((run) -> run.status() != RunStatus.COMPLETED || !run.id().equals(second))
			.thenCancel()
			.verify(TIMEOUT);
	}

}
