package io.github.triggerspring.test;

import java.util.ArrayList;
import java.util.List;

import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.Fault;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.TriggerEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorExtensionTests {

	/** Emulators seen by the test classes run through the engine test kit. */
	static final List<TriggerEmulator> seen = new ArrayList<>();

	@Test
	void startsOneEmulatorPerClassResetsItBeforeEachTestAndClosesItAfterTheClass() {
		seen.clear();
		Events tests = run(PerClass.class);
		tests.assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isSameAs(seen.get(1));
		assertThat(seen.get(0).isRunning()).isFalse();
	}

	@Test
	void injectsTheSameEmulatorIntoConstructorsAndMethods() {
		seen.clear();
		run(Injection.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isSameAs(seen.get(1));
	}

	@Test
	void givesEachTestClassItsOwnEmulator() {
		seen.clear();
		run(PerClass.class);
		run(PerClass.class);
		assertThat(seen).hasSize(4);
		assertThat(seen.get(0)).isNotSameAs(seen.get(2));
	}

	@Test
	void nestedClassesUseTheEmulatorOfTheEnclosingClass() {
		seen.clear();
		run(WithNested.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isSameAs(seen.get(1));
	}

	@Test
	void sharedExtensionsUseOneEmulatorForEveryClassOfTheRun() {
		seen.clear();
		Events tests = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(SharedOne.class), selectClass(SharedTwo.class))
			.execute()
			.testEvents();
		tests.assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isSameAs(seen.get(1));
		assertThat(seen.get(0).isRunning()).isFalse();
	}

	@Test
	void registeredFieldGivesTheEmulatorToBeforeAllMethods() {
		seen.clear();
		run(RegisteredField.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0)).isSameAs(seen.get(1));
	}

	@Test
	void emulatorBeforeTheClassStartedIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> new TriggerEmulatorExtension().emulator())
			.withMessageStartingWith("The Trigger.dev emulator is not started yet");
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	/**
	 * Each test dirties the emulator: whichever runs second fails unless it was reset.
	 */
	@ExtendWith(TriggerEmulatorExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class PerClass {

		@Test
		@Order(1)
		void first(TriggerEmulator emulator) {
			assertFresh(emulator);
			dirty(emulator);
		}

		@Test
		@Order(2)
		void second(TriggerEmulator emulator) {
			assertFresh(emulator);
			dirty(emulator);
		}

		static void assertFresh(TriggerEmulator emulator) {
			seen.add(emulator);
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.journal().count()).isZero();
			assertThat(emulator.runCount()).isZero();
			assertThat(emulator.faults().pending(EmulatorEndpoint.RUNS_LIST.id())).isEmpty();
			assertThat(EmulatorHttp.getTimezones(emulator)).isEqualTo(200);
		}

		static void dirty(TriggerEmulator emulator) {
			emulator.seedRun(RunSeed.of("my-task"));
			emulator.faults().inject(EmulatorEndpoint.RUNS_LIST, Fault.status(500).always());
		}

	}

	@ExtendWith(TriggerEmulatorExtension.class)
	static class Injection {

		Injection(TriggerEmulator emulator) {
			seen.add(emulator);
		}

		@Test
		void test(TriggerEmulator emulator) {
			seen.add(emulator);
		}

	}

	@ExtendWith(TriggerEmulatorExtension.class)
	static class WithNested {

		@Test
		void outer(TriggerEmulator emulator) {
			seen.add(emulator);
		}

		@Nested
		class Inner {

			@Test
			void inner(TriggerEmulator emulator) {
				seen.add(emulator);
			}

		}

	}

	static class SharedOne {

		@RegisterExtension
		static TriggerEmulatorExtension trigger = TriggerEmulatorExtension.shared();

		@Test
		void test(TriggerEmulator emulator) {
			PerClass.assertFresh(emulator);
			PerClass.dirty(emulator);
		}

	}

	static class SharedTwo {

		@RegisterExtension
		static TriggerEmulatorExtension trigger = TriggerEmulatorExtension.shared();

		@Test
		void test(TriggerEmulator emulator) {
			PerClass.assertFresh(emulator);
			PerClass.dirty(emulator);
		}

	}

	static class RegisteredField {

		@RegisterExtension
		static TriggerEmulatorExtension trigger = new TriggerEmulatorExtension();

		@BeforeAll
		static void seed() {
			seen.add(trigger.emulator());
		}

		@Test
		void test(TriggerEmulator emulator) {
			seen.add(emulator);
		}

	}

}
