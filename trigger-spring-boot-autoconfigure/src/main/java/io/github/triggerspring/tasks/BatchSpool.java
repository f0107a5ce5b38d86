package io.github.triggerspring.tasks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triggerspring.error.TriggerLocalException;
import io.github.triggerspring.error.TriggerValidationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * A temporary file that holds a streamed batch as NDJSON lines, so that the run count is
 * known before phase 1 without holding every payload in memory, and so that the items
 * can be sent again if the batch is not sealed. Each item is serialized as it arrives;
 * the file is deleted by {@link #delete()}. All file work runs on
 * {@link Schedulers#boundedElastic()}, never on an event loop, and a failure of the file
 * is a {@link TriggerLocalException}, which is not retried.
 *
 * @author trigger-spring-boot contributors
 */
final class BatchSpool {

	private final Path file;

	private BatchSpool(Path file) {
		this.file = file;
	}

	/**
	 * Creates the temporary file.
	 * @return the spool
	 */
	static Mono<BatchSpool> create() {
		return Mono.fromCallable(() -> new BatchSpool(Files.createTempFile("trigger-batch-", ".ndjson")))
			.onErrorMap(IOException.class, (ex) -> localFailure("create", ex))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Writes the items to the file, failing as soon as there are more than
	 * {@code maxItems}.
	 * @param items the items
	 * @param maxItems the most items a batch may have
	 * @param encoder writes one item as a line
	 * @return the lines written
	 */
	Mono<BatchLines> write(Flux<BatchTaskItem> items, int maxItems, ItemEncoder encoder) {
		Flux<Tuple2<Long, BatchTaskItem>> limited = items.index().handle((indexed, sink) -> {
			if (indexed.getT1() >= maxItems) {
				sink.error(new TriggerValidationException("items", "has more than " + maxItems
						+ " items, the most a batch may have. Split the items into batches of at most " + maxItems
						+ "."));
				return;
			}
			sink.next(indexed);
		});
		return Mono.using(() -> Files.newBufferedWriter(this.file, StandardCharsets.UTF_8),
				(writer) -> limited.publishOn(Schedulers.boundedElastic())
					.concatMap((indexed) -> encoder.line(indexed.getT1().intValue(), indexed.getT2()))
					.publishOn(Schedulers.boundedElastic())
					.doOnNext((line) -> write(writer, line))
					.count(),
				BatchSpool::closeWriter)
			.onErrorMap(IOException.class, (ex) -> localFailure("write", ex))
			.onErrorMap(UncheckedIOException.class, (ex) -> localFailure("write", ex.getCause()))
			.map((count) -> new BatchLines(count.intValue(), lines()));
	}

	private Flux<String> lines() {
		return Flux
			.using(() -> Files.newBufferedReader(this.file, StandardCharsets.UTF_8),
					(reader) -> Flux.fromStream(reader.lines()).map((line) -> line + "\n"), BatchSpool::closeReader)
			.onErrorMap(IOException.class, (ex) -> localFailure("read", ex))
			.onErrorMap(UncheckedIOException.class, (ex) -> localFailure("read", ex.getCause()))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Deletes the file, off the caller's thread, which may be an event loop.
	 * @return completes once the file is deleted
	 */
	Mono<Void> delete() {
		return Mono.<Void>fromRunnable(() -> {
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				this.file.toFile().deleteOnExit();
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private static TriggerLocalException localFailure(String action, Throwable cause) {
		return new TriggerLocalException("Could not " + action
				+ " the temporary file that holds the batch's items: " + cause.getMessage(), cause);
	}

	private static void write(BufferedWriter writer, String line) {
		try {
			writer.write(line);
			writer.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write a batch item to the temporary file", ex);
		}
	}

	private static void closeWriter(BufferedWriter writer) {
		try {
			writer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the batch items to the temporary file", ex);
		}
	}

	private static void closeReader(BufferedReader reader) {
		try {
			reader.close();
		}
		catch (IOException ex) {
			// nothing was lost: the lines were read already
		}
	}

	/**
	 * Writes one batch item as an NDJSON line.
	 */
	@FunctionalInterface
	interface ItemEncoder {

		/**
		 * Writes the item at the given index, possibly after uploading its payload.
		 * @param index the index
		 * @param item the item
		 * @return the line, without its line break
		 */
		Mono<String> line(int index, BatchTaskItem item);

	}

}
