package io.github.triggerspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.triggerspring.runs.ListRunsRequest;
import io.github.triggerspring.runs.RunsClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Pages through all the stand-in server's runs with {@code runs.list()} in a fresh JVM,
 * started with a small heap, and prints the throughput, the latency of a page, CPU and
 * allocation per run and the most heap found live after a collection:
 * {@code RESULT runs=... runsPerSecond=... p50PageMicros=... p99PageMicros=...
 * cpuMicrosPerRun=... bytesPerRun=... liveHeapMiB=...}.
 *
 * @author trigger-spring-boot contributors
 */
public final class RunsListProbe {

	private static final int PAGE_SIZE = 100;

	private RunsListProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args the API's base URL
	 */
	public static void main(String[] args) {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (ConfigurableApplicationContext context = BenchmarkApplication.start(args[0])) {
			RunsClient runs = context.getBean(RunsClient.class);
			ListRunsRequest request = ListRunsRequest.builder().pageSize(PAGE_SIZE).build();
			runs.list(request).take(20_000).then().block(Duration.ofMinutes(5));
			int pages = StandInServer.RUN_COUNT / PAGE_SIZE;
			long[] pageNanos = new long[pages];
			long[] liveHeap = new long[1];
			AtomicInteger count = new AtomicInteger();
			long cpu = os.getProcessCpuTime();
			long allocated = Round.allocatedBytes();
			long start = System.nanoTime();
			long[] last = { start };
			runs.list(request).doOnNext((run) -> {
				int index = count.getAndIncrement();
				if (index % PAGE_SIZE == 0) {
					long now = System.nanoTime();
					pageNanos[index / PAGE_SIZE] = now - last[0];
					last[0] = now;
					liveHeap[0] = Math.max(liveHeap[0], liveHeapAfterCollection());
				}
			}).then().block(Duration.ofMinutes(10));
			long elapsed = System.nanoTime() - start;
			double runCount = count.get();
			long[] sorted = Arrays.stream(pageNanos).sorted().toArray();
			System.out.println("RESULT runs=" + count.get() + " runsPerSecond=" + runCount * 1e9 / elapsed
					+ " p50PageMicros=" + sorted[pages / 2] / 1e3 + " p99PageMicros="
					+ sorted[(int) Math.ceil(pages * 0.99) - 1] / 1e3 + " cpuMicrosPerRun="
					+ (os.getProcessCpuTime() - cpu) / 1e3 / runCount + " bytesPerRun="
					+ (Round.allocatedBytes() - allocated) / runCount + " liveHeapMiB="
					+ liveHeap[0] / 1024.0 / 1024.0 + " maxHeapMiB="
					+ Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0);
		}
	}

	/** Heap in use just after the last collection of each heap pool, summed. */
	private static long liveHeapAfterCollection() {
		long used = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
				used += pool.getCollectionUsage().getUsed();
			}
		}
		return used;
	}

}
