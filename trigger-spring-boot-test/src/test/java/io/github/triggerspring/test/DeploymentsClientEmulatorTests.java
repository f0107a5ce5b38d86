package io.github.triggerspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.triggerspring.deployments.Deployment;
import io.github.triggerspring.deployments.DeploymentStatus;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.deployments.ListDeploymentsRequest;
import io.github.triggerspring.deployments.PromotedDeployment;
import io.github.triggerspring.emulator.DeploymentSeed;
import io.github.triggerspring.emulator.EmulatedDeploymentStatus;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerBadRequestException;
import io.github.triggerspring.error.TriggerRateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeploymentsClient} against the emulator, through
 * {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class DeploymentsClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	private final TriggerEmulator emulator;

	private final DeploymentsClient deployments;

	DeploymentsClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.emulator.clock().setInstant(NOW);
		this.deployments = EmulatorClients.devKey(emulator).deployments();
	}

	private void seedSeven() {
		for (int i = 1; i <= 7; i++) {
			this.emulator.seedDeployment(DeploymentSeed.of("20250301." + i).createdAt(NOW.minusSeconds(100 - i)));
		}
	}

	@Test
	void listsEveryDeploymentMostRecentFirstFollowingCursors() {
		seedSeven();
		StepVerifier.create(this.deployments.list(ListDeploymentsRequest.builder().limit(5).build())
			.map(Deployment::version))
			.expectNext("20250301.7", "20250301.6", "20250301.5", "20250301.4", "20250301.3", "20250301.2",
					"20250301.1")
			.expectComplete()
			.verify(TIMEOUT);
		List<RecordedRequest> pages = this.emulator.journal().requests(EmulatorEndpoint.DEPLOYMENTS_LIST);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(1).queryParameter("page[size]")).contains("5");
		assertThat(pages.get(1).queryParameter("page[after]")).isPresent();
	}

	@Test
	void filtersByStatus() {
		seedSeven();
		this.emulator.seedDeployment(DeploymentSeed.of("broken").status(EmulatedDeploymentStatus.FAILED));
		StepVerifier.create(this.deployments.list(ListDeploymentsRequest.builder().status(DeploymentStatus.FAILED).build())
			.map(Deployment::version)).expectNext("broken").expectComplete().verify(TIMEOUT);
	}

	@Test
	void readsTheCurrentTheLatestAndOneDeploymentAndPromotesAnOlderVersion() {
		String first = this.emulator
			.seedDeployment(DeploymentSeed.of("20250301.1").createdAt(NOW.minusSeconds(60)).tasks("process-order"));
		this.emulator.seedDeployment(DeploymentSeed.of("20250301.2").createdAt(NOW.minusSeconds(30)));
		StepVerifier.create(this.deployments.retrieveCurrent().map(Deployment::version))
			.expectNext("20250301.2")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.deployments.latest().map(Deployment::version))
			.expectNext("20250301.2")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.deployments.retrieve(first)).assertNext((deployment) -> {
			assertThat(deployment.status()).isEqualTo(DeploymentStatus.DEPLOYED);
			assertThat(deployment.worker().tasks()).extracting(Deployment.Task::slug).containsExactly("process-order");
		}).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.deployments.promote("20250301.1"))
			.assertNext((promoted) -> assertThat(promoted).extracting(PromotedDeployment::id, PromotedDeployment::version)
				.containsExactly(first, "20250301.1"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.deployments.retrieveCurrent().map(Deployment::id))
			.expectNext(first)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void promotingAFailedVersionIsABadRequest() {
		this.emulator.seedDeployment(DeploymentSeed.of("broken").status(EmulatedDeploymentStatus.FAILED));
		StepVerifier.create(this.deployments.promote("broken"))
			.expectError(TriggerBadRequestException.class)
			.verify(TIMEOUT);
	}

	@Test
	void rateLimitOfTheDeploymentLimiterCarriesItsReset() {
		this.emulator.faults().inject(EmulatorEndpoint.DEPLOYMENTS_LIST, Fault.rateLimited(Duration.ofMillis(600)));
		DeploymentsClient once = EmulatorClients
			.devKey(this.emulator, EmulatorClients.NO_RETRY, this.emulator.clock(), Schedulers.parallel())
			.deployments();
		StepVerifier.create(once.list())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(TriggerRateLimitException.class,
					(rateLimit) -> assertThat(rateLimit.getReset()).isEqualTo(NOW.plusMillis(600))))
			.verify(TIMEOUT);
	}

	@Test
	void waitsUntilTheDeploymentLimiterResetsBeforeRetrying() throws Exception {
		this.emulator.seedDeployment(DeploymentSeed.of("20250301.1"));
		this.emulator.faults().inject(EmulatorEndpoint.DEPLOYMENTS_PROMOTE, Fault.rateLimited(Duration.ofMillis(600)));
		RecordingVirtualTime virtualTime = new RecordingVirtualTime();
		DeploymentsClient deployments = EmulatorClients
			.devKey(this.emulator, EmulatorClients.FAST_RETRY, this.emulator.clock(), virtualTime)
			.deployments();
		CompletableFuture<String> promoted = deployments.promote("20250301.1")
			.map(PromotedDeployment::version)
			.toFuture();
		assertThat(virtualTime.nextWait()).isEqualTo(Duration.ofMillis(600));
		virtualTime.advanceTimeBy(Duration.ofMillis(599));
		assertThat(virtualTime.elapsedWaits()).isZero();
		assertThat(promoted).isNotDone();
		virtualTime.advanceTimeBy(Duration.ofMillis(1));
		assertThat(promoted.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("20250301.1");
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.DEPLOYMENTS_PROMOTE))
			.extracting(RecordedRequest::responseStatus)
			.containsExactly(429, 200);
	}

}
