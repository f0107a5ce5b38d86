package io.github.triggerspring.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TriggerRetryPolicy}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerRetryPolicyTests {

	@Test
	void defaultsMatchTheOfficialSdk() {
		TriggerRetryPolicy policy = TriggerRetryPolicy.defaults();
		assertThat(policy.maxAttempts()).isEqualTo(5);
		assertThat(policy.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.multiplier()).isEqualTo(1.6);
		assertThat(policy.jitter()).isZero();
	}

	@Test
	void defaultBackoffGrowsByOnePointSixFromOneSecond() {
		TriggerRetryPolicy policy = TriggerRetryPolicy.defaults();
		assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(1000));
		assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(1600));
		assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(2560));
		assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(4096));
	}

	@Test
	void defaultBackoffIsCappedAtThirtySeconds() {
		TriggerRetryPolicy policy = TriggerRetryPolicy.defaults();
		assertThat(policy.backoff(8)).isEqualTo(Duration.ofMillis(26844));
		assertThat(policy.backoff(9)).isEqualTo(Duration.ofMillis(30000));
		assertThat(policy.backoff(50)).isEqualTo(Duration.ofMillis(30000));
	}

	@Test
	void maxAttemptsBelowOneIsRejectedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TriggerRetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, 0))
			.withMessage("'trigger.retry.max-attempts' must be at least 1");
	}

	@Test
	void multiplierBelowOneIsRejectedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.5, 0))
			.withMessage("'trigger.retry.multiplier' must be at least 1");
	}

	@Test
	void jitterOutsideZeroToOneIsRejectedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 1.6, 1.5))
			.withMessage("'trigger.retry.jitter' must be between 0 and 1");
	}

	@Test
	void negativeBackoffsAreRejectedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TriggerRetryPolicy(5, Duration.ofMillis(-1), Duration.ofSeconds(30), 1.6, 0))
			.withMessage("'trigger.retry.initial-backoff' must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TriggerRetryPolicy(5, Duration.ofSeconds(1), Duration.ofMillis(-1), 1.6, 0))
			.withMessage("'trigger.retry.max-backoff' must not be negative");
	}

}
