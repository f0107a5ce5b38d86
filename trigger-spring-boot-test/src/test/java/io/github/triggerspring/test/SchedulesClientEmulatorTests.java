package io.github.triggerspring.test;

import java.time.Duration;

import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.RecordedRequest;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.schedules.CreateScheduleRequest;
import io.github.triggerspring.schedules.Schedule;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.schedules.UpdateScheduleRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchedulesClient} against the emulator, through
 * {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class SchedulesClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TriggerEmulator emulator;

	private final SchedulesClient schedules;

	SchedulesClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		this.schedules = EmulatorClients.devKey(emulator).schedules();
	}

	private static CreateScheduleRequest nightly(String cron) {
		return CreateScheduleRequest.builder()
			.task("nightly-report")
			.cron(cron)
			.deduplicationKey("nightly")
			.timezone("Europe/Paris")
			.build();
	}

	@Test
	void createWithTheSameDeduplicationKeyUpdatesTheSchedule() {
		Schedule first = this.schedules.create(nightly("0 2 * * *")).block(TIMEOUT);
		Schedule second = this.schedules.create(nightly("30 3 * * *")).block(TIMEOUT);
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.generator().expression()).isEqualTo("30 3 * * *");
		assertThat(second.timezone()).isEqualTo("Europe/Paris");
		assertThat(second.deduplicationKey()).isEqualTo("nightly");
		StepVerifier.create(this.schedules.list().map(Schedule::id)).expectNext(first.id()).expectComplete().verify(TIMEOUT);
		assertThat(this.emulator.journal().count(EmulatorEndpoint.SCHEDULES_CREATE)).isEqualTo(2);
	}

	@Test
	void updatesDeactivatesActivatesRetrievesAndDeletesASchedule() {
		String id = this.schedules.create(nightly("0 2 * * *")).map(Schedule::id).block(TIMEOUT);
		assertThat(id).startsWith("sched_");
		StepVerifier.create(this.schedules
			.update(id, UpdateScheduleRequest.builder().task("nightly-report").cron("0 4 * * *").build())
			.map((schedule) -> schedule.generator().expression())).expectNext("0 4 * * *").expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.schedules.deactivate(id).map(Schedule::active)).expectNext(false).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.schedules.retrieve(id).map(Schedule::active)).expectNext(false).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.schedules.activate(id).map(Schedule::active)).expectNext(true).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.schedules.del(id)).expectNext(id).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.schedules.retrieve(id)).expectError(TriggerNotFoundException.class).verify(TIMEOUT);
		assertThat(this.emulator.journal().requests()).extracting(RecordedRequest::endpointId)
			.containsExactly("schedules.create", "schedules.update", "schedules.deactivate", "schedules.retrieve",
					"schedules.activate", "schedules.del", "schedules.retrieve");
	}

	@Test
	void timezonesAreListedWithoutCredentials() {
		StepVerifier.create(this.schedules.timezones())
			.assertNext((zones) -> assertThat(zones).contains("Europe/Paris").contains("UTC"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().last().header("Authorization")).isEmpty();
	}

}
