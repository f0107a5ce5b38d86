package io.github.triggerspring.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.DefaultTriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerCredentials;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.health.TriggerReactiveHealthIndicator;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerHttpSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerReactiveHealthIndicator} against the emulator, with fault
 * injection.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerReactiveHealthIndicatorEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static final TriggerEmulatorExtension trigger = new TriggerEmulatorExtension();

	private static final TriggerCredentials SECRET_KEY = TriggerCredentials.of(EmulatorAccount.DEV_SECRET_KEY, null,
			EmulatorAccount.PROJECT_REF, null, null);

	private static final TriggerCredentials PAT_ONLY = TriggerCredentials.of(null,
			EmulatorAccount.PERSONAL_ACCESS_TOKEN, EmulatorAccount.PROJECT_REF, TriggerEnvironment.DEV, null);

	private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private TriggerReactiveHealthIndicator indicator(TriggerEmulator emulator, TriggerCredentials credentials,
			CredentialKind kind) {
		return indicator(emulator.baseUrl(), credentials, kind);
	}

	private TriggerReactiveHealthIndicator indicator(String baseUrl, TriggerCredentials credentials,
			CredentialKind kind) {
		TriggerHttpClient http = TriggerHttpClient
			.builder(WebClient.builder().baseUrl(baseUrl).build(), new DefaultTriggerAuthStrategy(credentials),
					JsonMapper.builder().build())
			.settings(TriggerHttpSettings.defaults().withResponseTimeout(TIMEOUT))
			.clock(new TickingClock(this.now))
			.random(() -> 0L)
			.build();
		return new TriggerReactiveHealthIndicator(http, kind, TIMEOUT);
	}

	private static Health health(TriggerReactiveHealthIndicator indicator) {
		Health health = indicator.health().block(TIMEOUT);
		assertThat(health).isNotNull();
		return health;
	}

	@Test
	void isUpWhenTheSecretKeyListsOneRun(TriggerEmulator emulator) {
		Health health = health(indicator(emulator, SECRET_KEY, CredentialKind.SECRET_KEY));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("endpoint", "runs.list",
				"credential", "secret key", "credentialAccepted", true, "latency", "15ms", "rateLimitRemaining",
				1499L));
		RecordedRequest request = emulator.journal().last();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/api/v1/runs");
		assertThat(request.queryParameter("page[size]")).contains("1");
		assertThat(emulator.journal().requests()).hasSize(1);
	}

	@Test
	void isUpWhenTheAccessTokenListsTheEnvVarsOfTheConfiguredEnvironment(TriggerEmulator emulator) {
		Health health = health(indicator(emulator, PAT_ONLY, CredentialKind.PERSONAL_ACCESS_TOKEN));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("endpoint", "envvars.list",
				"credential", "personal access token", "credentialAccepted", true, "latency", "15ms",
				"rateLimitRemaining", 1499L));
		assertThat(emulator.journal().last().path()).isEqualTo("/api/v1/projects/proj_emulator/envvars/dev");
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void isDownWhenTheCredentialIsRefusedAndNamesThePropertyWithoutTheSecret(int status, TriggerEmulator emulator) {
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(status));
		Health health = health(indicator(emulator, SECRET_KEY, CredentialKind.SECRET_KEY));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("endpoint", "runs.list",
				"credential", "secret key", "credentialAccepted", false, "httpStatus", status, "latency", "15ms",
				"action", "Check 'trigger.secret-key' (environment variable TRIGGER_SECRET_KEY): the API refused "
						+ "the secret key with " + status + "."));
		assertThat(health.toString()).doesNotContain(EmulatorAccount.DEV_SECRET_KEY);
		assertThat(emulator.journal().requests()).hasSize(1);
	}

	@Test
	void isDownWhenTheAccessTokenIsUnknownAndNamesItsProperty(TriggerEmulator emulator) {
		TriggerCredentials unknown = TriggerCredentials.of(null, "tr_pat_unknown0123456789abcdefghijkmnopqrstu",
				EmulatorAccount.PROJECT_REF, TriggerEnvironment.DEV, null);
		Health health = health(indicator(emulator, unknown, CredentialKind.PERSONAL_ACCESS_TOKEN));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("credentialAccepted", false)
			.containsEntry("httpStatus", 401)
			.containsEntry("action", "Check 'trigger.personal-access-token' (environment variable "
					+ "TRIGGER_ACCESS_TOKEN): the API refused the personal access token with 401.");
		assertThat(health.toString()).doesNotContain("tr_pat_unknown");
	}

	@Test
	void isDownOnAServerErrorWithoutRetrying(TriggerEmulator emulator) {
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(503).times(5));
		Health health = health(indicator(emulator, SECRET_KEY, CredentialKind.SECRET_KEY));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("endpoint", "runs.list",
				"credential", "secret key", "httpStatus", 503, "latency", "15ms", "error",
				"TriggerServerException: 503 Service Unavailable"));
		assertThat(emulator.journal().requests()).hasSize(1);
	}

	@Test
	void isUpButRateLimitedOnA429WithoutRetrying(TriggerEmulator emulator) {
		emulator.clock().setInstant(this.now);
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.rateLimited(Duration.ofSeconds(30)).times(5));
		Health health = health(indicator(emulator, SECRET_KEY, CredentialKind.SECRET_KEY));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("endpoint", "runs.list",
				"credential", "secret key", "credentialAccepted", true, "latency", "15ms", "rateLimited", true,
				"rateLimitRemaining", 0L, "rateLimitReset", "2026-01-01T00:00:30Z"));
		assertThat(emulator.journal().requests()).hasSize(1);
	}

	@Test
	void isDownWhenTheConnectionIsDropped(TriggerEmulator emulator) {
		emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.dropConnection().times(5));
		Health health = health(indicator(emulator, SECRET_KEY, CredentialKind.SECRET_KEY));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("endpoint", "runs.list")
			.containsEntry("credential", "secret key")
			.doesNotContainKey("credentialAccepted")
			.hasEntrySatisfying("error",
					(error) -> assertThat((String) error).startsWith("TriggerConnectionException: Connection error: "));
		assertThat(emulator.journal().requests()).hasSize(1);
	}

	@Test
	void isDownWhenTheApiIsUnreachable() {
		TriggerEmulator stopped = TriggerEmulator.start();
		String baseUrl = stopped.baseUrl();
		stopped.close();
		Health health = health(indicator(baseUrl, SECRET_KEY, CredentialKind.SECRET_KEY));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error")).startsWith("TriggerConnectionException: ");
	}

	@Test
	void isDownWhenTheAccessTokenHasNoEnvironmentAndSendsNothing(TriggerEmulator emulator) {
		TriggerCredentials noEnvironment = TriggerCredentials.of(null, EmulatorAccount.PERSONAL_ACCESS_TOKEN,
				EmulatorAccount.PROJECT_REF, null, null);
		Health health = health(indicator(emulator, noEnvironment, CredentialKind.PERSONAL_ACCESS_TOKEN));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnlyKeys("endpoint", "credential", "action");
		assertThat((String) health.getDetails().get("action")).contains("trigger.environment");
		assertThat(emulator.journal().requests()).isEmpty();
	}

	/**
	 * A clock whose {@link #millis()} moves 15 ms forward at each read, so that a call
	 * timed with two reads takes 15 ms; {@link #instant()} does not move.
	 */
	private static final class TickingClock extends Clock {

		private Instant instant;

		TickingClock(Instant instant) {
			this.instant = instant;
		}

		@Override
		public synchronized long millis() {
			long millis = this.instant.toEpochMilli();
			this.instant = this.instant.plusMillis(15);
			return millis;
		}

		@Override
		public synchronized Instant instant() {
			return this.instant;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(@Nullable ZoneId zone) {
			return this;
		}

	}

}
