package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate-limit headers of every response, counted in a window of the emulator clock.
 *
 * @author trigger-spring-boot contributors
 */
class RateLimitWindowTests extends EmulatorTestSupport {

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void windowStartsAtTheFirstResponseAndEndsAMinuteLaterOnTheEmulatorClock() {
		emulator.clock().setInstant(NOW);
		assertHeaders(get("/api/v1/runs", DEV), 1499, NOW.plusSeconds(60));
		emulator.clock().advance(Duration.ofSeconds(59));
		assertHeaders(get("/api/v1/timezones", null), 1498, NOW.plusSeconds(60));
		emulator.clock().advance(Duration.ofSeconds(1));
		assertHeaders(get("/api/v1/runs", DEV), 1499, NOW.plusSeconds(120));
	}

	@Test
	void clockSetBackStartsANewWindow() {
		emulator.clock().setInstant(NOW);
		get("/api/v1/runs", DEV);
		emulator.clock().setInstant(NOW.minusSeconds(3600));
		assertHeaders(get("/api/v1/runs", DEV), 1499, NOW.minusSeconds(3540));
	}

	@Test
	void resetForgetsTheCountedRequests() {
		emulator.clock().setInstant(NOW);
		get("/api/v1/runs", DEV);
		get("/api/v1/runs", DEV);
		emulator.reset();
		emulator.clock().advance(Duration.ofSeconds(10));
		assertHeaders(get("/api/v1/runs", DEV), 1499, NOW.plusSeconds(70));
	}

	private static void assertHeaders(Response response, int remaining, Instant reset) {
		assertThat(response.header("x-ratelimit-limit")).isEqualTo("1500");
		assertThat(response.header("x-ratelimit-remaining")).isEqualTo(String.valueOf(remaining));
		assertThat(response.header("x-ratelimit-reset")).isEqualTo(String.valueOf(reset.toEpochMilli()));
	}

}
