package io.github.triggerspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One measured round: a number of calls at a concurrency, with the throughput, latency
 * percentiles, process CPU and bytes allocated (by all of the JVM's threads) per call.
 *
 * @param callsPerSecond calls completed per second of wall time
 * @param p50Micros median latency of a call
 * @param p99Micros 99th percentile latency of a call
 * @param cpuMicrosPerCall process CPU time per call (all threads, GC and JIT included)
 * @param bytesPerCall bytes allocated per call, summed over the JVM's threads
 * @author trigger-spring-boot contributors
 */
record Round(double callsPerSecond, double p50Micros, double p99Micros, double cpuMicrosPerCall,
		double bytesPerCall) {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	/**
	 * Makes the calls and measures them.
	 * @param calls how many calls
	 * @param concurrency how many calls are in flight at once
	 * @param call makes call {@code n}
	 * @return the measurements
	 */
	static Round measure(int calls, int concurrency, IntFunction<Mono<?>> call) {
		long[] latencies = new long[calls];
		long cpu = ProcessCpu.nanos();
		long allocated = allocatedBytes();
		long start = System.nanoTime();
		Flux.range(0, calls).flatMap((index) -> Mono.defer(() -> {
			long sent = System.nanoTime();
			return call.apply(index).doOnSuccess((ignored) -> latencies[index] = System.nanoTime() - sent);
		}), concurrency).then().block(Duration.ofMinutes(5));
		long elapsed = System.nanoTime() - start;
		double bytes = allocatedBytes() - allocated;
		double cpuNanos = ProcessCpu.nanos() - cpu;
		Arrays.sort(latencies);
		return new Round(calls * 1e9 / elapsed, latencies[calls / 2] / 1e3,
				latencies[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)] / 1e3, cpuNanos / 1e3 / calls,
				bytes / calls);
	}

	/** Bytes allocated so far by the live threads of this JVM. */
	static long allocatedBytes() {
		long total = 0;
		for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
			total += Math.max(0, bytes);
		}
		return total;
	}

	/**
	 * The median of each measurement over several rounds.
	 * @param rounds the rounds
	 * @return the medians
	 */
	static Round median(Round... rounds) {
		return new Round(median(rounds, Round::callsPerSecond), median(rounds, Round::p50Micros),
				median(rounds, Round::p99Micros), median(rounds, Round::cpuMicrosPerCall),
				median(rounds, Round::bytesPerCall));
	}

	private static double median(Round[] rounds, java.util.function.ToDoubleFunction<Round> value) {
		double[] values = Arrays.stream(rounds).mapToDouble(value).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
