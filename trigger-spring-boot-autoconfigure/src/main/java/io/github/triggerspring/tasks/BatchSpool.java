package io.github.triggerspring.tasks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.triggerspring.error.TriggerValidationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * A temporary file that holds a streamed batch as NDJSON lines, so that the run count is
 * known before phase 1 without holding every payload in memory, and so that the items
 * can be sent again if the batch is not sealed. Each item is serialized as it arrives;
 * the file is deleted on {@link #close()}.
 *
 * @author trigger-spring-boot contributors
 */
final class BatchSpool implements Closeable {

	private final Path file;

	private BatchSpool(Path file) {
		this.file = file;
	}

	static BatchSpool create() throws IOException {
		return new BatchSpool(Files.createTempFile("trigger-batch-", ".ndjson"));
	}

	/**
	 * Writes the items to the file, failing as soon as there are more than
	 * {@code maxItems}.
	 * @param items the items
	 * @param maxItems the most items a batch may have
	 * @param encoder writes one item as a line
	 * @return the lines written
	 */
	Mono<BatchLines> write(Flux<BatchItem> items, int maxItems, ItemEncoder encoder) {
		Flux<Tuple2<Long, BatchItem>> limited = items.index().handle((indexed, sink) -> {
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
					.doOnNext((indexed) -> write(writer,
							encoder.line(indexed.getT1().intValue(), indexed.getT2())))
					.count(),
				BatchSpool::closeWriter)
			.map((count) -> new BatchLines(count.intValue(), lines()));
	}

	private Flux<String> lines() {
		return Flux
			.using(() -> Files.newBufferedReader(this.file, StandardCharsets.UTF_8),
					(reader) -> Flux.fromStream(reader.lines()).map((line) -> line + "\n"), BatchSpool::closeReader)
			.subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			this.file.toFile().deleteOnExit();
		}
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
		 * Writes the item at the given index.
		 * @param index the index
		 * @param item the item
		 * @return the line, without its line break
		 */
		String line(int index, BatchItem item);

	}

}
