package io.github.triggerspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.RunsClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Pages through all the stand-in server's runs with {@code runs.list()} in a fresh JVM,
 * started with a small heap, and prints the throughput, the latency of a page, CPU and
 * allocation per run, and the heap live after a full collection forced every
 * {@value #CHECKPOINT} runs (the first checkpoint, the last and the most), which shows
 * whether the live heap grows with the number of runs:
 * {@code RESULT runs=... runsPerSecond=... p50PageMicros=... p99PageMicros=...
 * cpuMicrosPerRun=... bytesPerRun=... liveHeapMiB=... firstLiveHeapMiB=...
 * lastLiveHeapMiB=...}. The time of the forced collections is left out of the page
 * latencies, but not out of the throughput and CPU.
 *
 * @author trigger-spring-boot contributors
 */
public final class RunsListProbe {

	private static final int PAGE_SIZE = 100;

	private static final int CHECKPOINT = 10_000;

	private static final double MIB = 1024.0 * 1024.0;

	private RunsListProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args the API's base URL
	 */
	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(args[0])) {
			RunsClient runs = context.getBean(RunsClient.class);
			ListRunsRequest request = ListRunsRequest.builder().pageSize(PAGE_SIZE).build();
			runs.list(request).take(20_000).then().block(Duration.ofMinutes(5));
			int pages = StandInServer.RUN_COUNT / PAGE_SIZE;
			long[] pageNanos = new long[pages];
			List<Long> liveHeap = new ArrayList<>();
			AtomicInteger count = new AtomicInteger();
			long cpu = ProcessCpu.nanos();
			long allocated = Round.allocatedBytes();
			long start = System.nanoTime();
			long[] last = { start };
			runs.list(request).doOnNext((run) -> {
				int index = count.getAndIncrement();
				if (index % PAGE_SIZE == 0) {
					long now = System.nanoTime();
					pageNanos[index / PAGE_SIZE] = now - last[0];
					last[0] = now;
				}
				if (index > 0 && index % CHECKPOINT == 0) {
					liveHeap.add(liveHeapAfterFullCollection());
					last[0] = System.nanoTime();
				}
			}).then().block(Duration.ofMinutes(10));
			long elapsed = System.nanoTime() - start;
			double runCount = count.get();
			long[] sorted = Arrays.stream(pageNanos).sorted().toArray();
			System.out.println("RESULT runs=" + count.get() + " runsPerSecond=" + runCount * 1e9 / elapsed
					+ " p50PageMicros=" + sorted[pages / 2] / 1e3 + " p99PageMicros="
					+ sorted[(int) Math.ceil(pages * 0.99) - 1] / 1e3 + " cpuMicrosPerRun="
					+ (ProcessCpu.nanos() - cpu) / 1e3 / runCount + " bytesPerRun="
					+ (Round.allocatedBytes() - allocated) / runCount + " liveHeapMiB="
					+ Collections.max(liveHeap) / MIB + " firstLiveHeapMiB=" + liveHeap.get(0) / MIB
					+ " lastLiveHeapMiB=" + liveHeap.get(liveHeap.size() - 1) / MIB + " maxHeapMiB="
					+ Runtime.getRuntime().maxMemory() / MIB);
		}
	}

	/** Heap in use just after a full collection. */
	private static long liveHeapAfterFullCollection() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
