package io.github.triggerspring.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;

import io.github.triggerspring.error.TriggerLocalException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BatchSpool}: file work stays off the caller's thread, and a failing
 * file is a local failure.
 *
 * @author trigger-spring-boot contributors
 */
class BatchSpoolTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final BatchSpool.ItemEncoder ENCODER = (index, item) -> Mono.just("{\"index\":" + index + "}");

	@Test
	void writesOneLinePerItemAndReadsThemAgainForEachSend() {
		BatchSpool spool = BatchSpool.create().block(TIMEOUT);
		BatchLines lines = spool.write(Flux.just(BatchTaskItem.of("t", "a"), BatchTaskItem.of("t", "b")), 10, ENCODER).block(TIMEOUT);
		assertThat(lines.count()).isEqualTo(2);
		for (int send = 0; send < 2; send++) {
			StepVerifier.create(lines.lines())
				.expectNext("{\"index\":0}\n", "{\"index\":1}\n")
				.expectComplete()
				.verify(TIMEOUT);
		}
		StepVerifier.create(spool.delete()).expectComplete().verify(TIMEOUT);
	}

	@Test
	void deletesTheFileOffTheCallersThread() {
		BatchSpool spool = BatchSpool.create().block(TIMEOUT);
		BatchLines lines = spool.write(Flux.just(BatchTaskItem.of("t", "a")), 10, ENCODER).block(TIMEOUT);
		StepVerifier.create(spool.delete().then(Mono.fromCallable(() -> Thread.currentThread().getName())))
			.assertNext((thread) -> assertThat(thread).startsWith("boundedElastic-"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(lines.lines()).expectError(TriggerLocalException.class).verify(TIMEOUT);
	}

	@Test
	void fileThatCannotBeReadIsALocalFailure() {
		BatchSpool spool = BatchSpool.create().block(TIMEOUT);
		BatchLines lines = spool.write(Flux.just(BatchTaskItem.of("t", "a")), 10, ENCODER).block(TIMEOUT);
		spool.delete().block(TIMEOUT);
		StepVerifier.create(lines.lines())
			.expectErrorSatisfies((error) -> {
				assertThat(error).isExactlyInstanceOf(TriggerLocalException.class)
					.hasMessageStartingWith("Could not read the temporary file that holds the batch's items: ");
				assertThat(error.getCause()).isInstanceOf(NoSuchFileException.class);
			})
			.verify(TIMEOUT);
	}

	@Test
	void fileThatCannotBeWrittenIsALocalFailure() {
		BatchSpool spool = BatchSpool.create().block(TIMEOUT);
		BatchSpool.ItemEncoder diskFull = (index, item) -> {
			throw new UncheckedIOException(new IOException("No space left on device"));
		};
		StepVerifier.create(spool.write(Flux.just(BatchTaskItem.of("t", "a")), 10, diskFull))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(TriggerLocalException.class)
				.hasMessage("Could not write the temporary file that holds the batch's items: No space left on device"))
			.verify(TIMEOUT);
		StepVerifier.create(spool.delete()).expectComplete().verify(TIMEOUT);
	}

}
