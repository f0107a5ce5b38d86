package io.github.triggerspring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.triggerspring.emulator.EmulatedRunStatus;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.RunSeed;
import io.github.triggerspring.emulator.TriggerEmulator;

/**
 * Seeds {@value #RUN_COUNT} runs into an emulator, in a fresh JVM, and measures how long
 * the emulator takes to serve pages of {@code GET /api/v1/runs}: inside the emulator,
 * around its handler ({@code RecordedRequest.handlingTime()}), so neither the client nor
 * the connection counts. Three pages of {@value #PAGE_SIZE} runs: the first page, a page
 * in the middle by its {@code page[after]} cursor, and a page filtered by status and task
 * (one run in 35 matches). Each page type has warm-up rounds, then measured rounds of
 * {@value #CALLS_PER_ROUND} calls; the medians of the rounds' p50 and p99 are printed:
 * {@code RESULT runs=... firstP50Micros=... firstP99Micros=... middleP50Micros=...}.
 *
 * @author trigger-spring-boot contributors
 */
public final class EmulatorPagesProbe {

	static final int RUN_COUNT = 100_000;

	private static final int PAGE_SIZE = 100;

	private static final int CALLS_PER_ROUND = 200;

	private static final int TASKS = 7;

	private static final EmulatedRunStatus[] STATUSES = { EmulatedRunStatus.COMPLETED, EmulatedRunStatus.FAILED,
			EmulatedRunStatus.EXECUTING, EmulatedRunStatus.QUEUED, EmulatedRunStatus.CANCELED };

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private EmulatorPagesProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args the number of measured rounds, then of warm-up rounds
	 */
	public static void main(String[] args) {
		int rounds = Integer.parseInt(args[0]);
		int warmups = Integer.parseInt(args[1]);
		try (TriggerEmulator emulator = TriggerEmulator.start()) {
			String middle = seed(emulator);
			String list = "/api/v1/runs?page%5Bsize%5D=" + PAGE_SIZE;
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("first", list);
			pages.put("middle", list + "&page%5Bafter%5D=" + middle);
			pages.put("filtered", list + "&filter%5Bstatus%5D=COMPLETED&filter%5BtaskIdentifier%5D=task-3");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			StringBuilder result = new StringBuilder("RESULT runs=" + emulator.runCount());
			pages.forEach((name, path) -> {
				HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
					.header("Authorization", "Bearer " + EmulatorAccount.DEV_SECRET_KEY)
					.timeout(TIMEOUT)
					.build();
				long[] p50 = new long[rounds];
				long[] p99 = new long[rounds];
				for (int round = 0; round < warmups + rounds; round++) {
					long[] nanos = round(emulator, http, request);
					if (round >= warmups) {
						p50[round - warmups] = nanos[nanos.length / 2];
						p99[round - warmups] = nanos[(int) Math.ceil(nanos.length * 0.99) - 1];
					}
				}
				result.append(' ').append(name).append("P50Micros=").append(median(p50) / 1e3);
				result.append(' ').append(name).append("P99Micros=").append(median(p99) / 1e3);
			});
			System.out.println(result);
		}
	}

	/**
	 * Seeds the runs, one second apart, over {@value #TASKS} tasks and five statuses.
	 * @return the id of the run in the middle of the list
	 */
	private static String seed(TriggerEmulator emulator) {
		Instant start = Instant.parse("2025-01-01T00:00:00Z");
		String middle = null;
		for (int index = 0; index < RUN_COUNT; index++) {
			String id = emulator.seedRun(RunSeed.of("task-" + (index % TASKS))
				.status(STATUSES[index % STATUSES.length])
				.createdAt(start.plusSeconds(index)));
			if (index == RUN_COUNT / 2) {
				middle = id;
			}
		}
		return middle;
	}

	/** One round: the emulator's handling time of each call, sorted. */
	private static long[] round(TriggerEmulator emulator, HttpClient http, HttpRequest request) {
		long[] nanos = new long[CALLS_PER_ROUND];
		for (int call = 0; call < CALLS_PER_ROUND; call++) {
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || !response.body().contains("\"data\":[{")) {
					throw new IllegalStateException("Unexpected page: " + response.statusCode());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			nanos[call] = emulator.journal().last().handlingTime().toNanos();
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
