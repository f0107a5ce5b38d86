package io.github.triggerspring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.testing.FixedRandom;
import io.github.triggerspring.testing.MockTriggerApi;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerReactiveHealthIndicator}'s own timeout; the statuses are tested
 * against the emulator in {@code trigger-spring-boot-test}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerReactiveHealthIndicatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MockTriggerApi api = new MockTriggerApi();

	@AfterEach
	void closeApi() {
		this.api.close();
	}

	@Test
	void isDownWhenTheApiDoesNotAnswerWithinItsOwnTimeoutAndDoesNotRetry() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TriggerReactiveHealthIndicator indicator = new TriggerReactiveHealthIndicator(
				this.api.http(MockTriggerApi.secretKey(),
						MockTriggerApi.settings(TriggerRetryPolicy.defaults(), Duration.ofSeconds(60)),
						Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), time, FixedRandom.LOWEST),
				CredentialKind.SECRET_KEY, Duration.ofSeconds(2));
		this.api.respond(new MockResponse.Builder().code(200).body("{}").headersDelay(30, TimeUnit.SECONDS).build());
		StepVerifier.withVirtualTime(indicator::health, () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.then(this.api::takeRequest) // the call is on the wire, waiting for headers
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((health) -> {
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("endpoint", "runs.list",
						"credential", "secret key", "error",
						"TriggerTimeoutException: No response within 2000 ms (trigger.response-timeout)."));
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.api.requestCount()).isEqualTo(1);
	}

}
