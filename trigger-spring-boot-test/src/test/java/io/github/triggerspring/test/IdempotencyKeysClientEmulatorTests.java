package io.github.triggerspring.test;

import java.time.Duration;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatorEndpoint;
import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.error.TriggerNotFoundException;
import io.github.triggerspring.tasks.IdempotencyKeyScope;
import io.github.triggerspring.tasks.IdempotencyKeys;
import io.github.triggerspring.tasks.IdempotencyKeysClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tasks.TriggerOptions;
import io.github.triggerspring.tasks.TriggerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IdempotencyKeysClient} against the emulator, through
 * {@link TriggerEmulatorExtension}.
 *
 * @author trigger-spring-boot contributors
 */
@ExtendWith(TriggerEmulatorExtension.class)
class IdempotencyKeysClientEmulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TriggerEmulator emulator;

	private final TasksClient tasks;

	private final IdempotencyKeysClient keys;

	IdempotencyKeysClientEmulatorTests(TriggerEmulator emulator) {
		this.emulator = emulator;
		EmulatorClients clients = EmulatorClients.devKey(emulator);
		this.tasks = clients.tasks();
		this.keys = clients.idempotencyKeys();
	}

	private String trigger(TriggerOptions options) {
		TriggerResult result = this.tasks.trigger("charge", Map.of("amount", 42), options).block(TIMEOUT);
		assertThat(result).isNotNull();
		return result.id();
	}

	@Test
	void resetMakesTheNextTriggerWithTheKeyCreateANewRun() {
		TriggerOptions options = TriggerOptions.builder().idempotencyKey("order-42").build();
		String first = trigger(options);
		assertThat(trigger(options)).isEqualTo(first);

		StepVerifier.create(this.keys.reset("charge", "order-42"))
			.expectNext(IdempotencyKeys.hash("order-42"))
			.expectComplete()
			.verify(TIMEOUT);

		String second = trigger(options);
		assertThat(second).isNotEqualTo(first);
		assertThat(trigger(options)).isEqualTo(second);
		assertThat(this.emulator.runCount()).isEqualTo(2);
	}

	@Test
	void resetOfAScopedKeyUsesTheKeyThatCreateComputed() {
		String created = IdempotencyKeys.create("order-43", IdempotencyKeyScope.GLOBAL);
		String first = trigger(TriggerOptions.builder().idempotencyKey("order-43", IdempotencyKeyScope.GLOBAL).build());

		StepVerifier.create(this.keys.reset("charge", "order-43", IdempotencyKeyScope.GLOBAL))
			.expectNext(created)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(trigger(TriggerOptions.builder().idempotencyKey(created).build())).isNotEqualTo(first);
	}

	@Test
	void resetOfAKeyNoRunOfTheTaskHoldsIsNotFound() {
		trigger(TriggerOptions.builder().idempotencyKey("order-44").build());

		StepVerifier.create(this.keys.reset("refund", "order-44"))
			.expectError(TriggerNotFoundException.class)
			.verify(TIMEOUT);
		assertThat(this.emulator.journal().requests(EmulatorEndpoint.IDEMPOTENCY_KEYS_RESET)).hasSize(1);
	}

}
