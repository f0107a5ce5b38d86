package io.github.triggerspring.emulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries a {@code Date} header, as the API's servers send one, read on
 * the emulator clock.
 *
 * @author trigger-spring-boot contributors
 */
class ResponseDateTests extends EmulatorTestSupport {

	private static final Instant NOW = Instant.parse("2025-03-01T09:05:07.900Z");

	private static final String DATE = "Sat, 01 Mar 2025 09:05:07 GMT";

	@BeforeEach
	void freezeClock() {
		emulator.clock().setInstant(NOW);
	}

	@Test
	void answersOfHandlersCarryTheDateOfTheEmulatorClock() {
		Response runs = get("/api/v1/runs", DEV);
		assertThat(runs.headers().get("date")).containsExactly(DATE);
		assertThat(get("/api/v1/timezones", null).header("date")).isEqualTo(DATE);
		assertThat(get("/api/v3/runs/run_nope", DEV).header("Date")).isEqualTo(DATE);
		assertThat(get("/api/v1/runs", "garbage").header("Date")).isEqualTo(DATE);
		emulator.clock().advance(Duration.ofDays(30));
		assertThat(get("/api/v1/runs", DEV).header("Date")).isEqualTo("Mon, 31 Mar 2025 09:05:07 GMT");
	}

	@Test
	void answersOfTheRouterAndOfFaultsCarryItToo() {
		assertThat(get("/api/v1/nope", DEV).header("Date")).isEqualTo(DATE);
		assertThat(call("PATCH", "/api/v1/runs", DEV, null, null).header("Date")).isEqualTo(DATE);
		Response tooLarge = post("/api/v1/waitpoints/tokens", DEV, "{\"tags\":\"" + "a".repeat(11_000) + "\"}");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.header("Date")).isEqualTo(DATE);
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(503));
		assertThat(get("/api/v1/runs", DEV).header("Date")).isEqualTo(DATE);
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.rateLimited(Duration.ofSeconds(1)));
		assertThat(get("/api/v1/runs", DEV).header("Date")).isEqualTo(DATE);
	}

	@Test
	void aFaultsOwnDateWins() {
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(502).header("Date", "yesterday"));
		assertThat(get("/api/v1/runs", DEV).header("Date")).isEqualTo("yesterday");
	}

}
