package io.github.triggerspring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time of this JVM, all of its threads (GC and JIT included), in nanoseconds.
 * <p>
 * On Linux it is the sum of each thread's time on a CPU from
 * {@code /proc/self/task/<tid>/schedstat}, which counts in nanoseconds: the JDK's
 * {@code OperatingSystemMXBean.getProcessCpuTime()} counts in clock ticks of 10 ms there,
 * which is about 10 µs per call in a round of 1,000 calls, as much as the differences
 * being measured. A thread that ends during a round takes its time with it; the threads
 * that do the work (event loops, schedulers, GC) live as long as the harness. Elsewhere,
 * the {@code OperatingSystemMXBean}'s figure is used.
 *
 * @author trigger-spring-boot contributors
 */
final class ProcessCpu {

	private static final Path TASKS = Path.of("/proc/self/task");

	private static final boolean PER_THREAD = Files.isReadable(Path.of("/proc/self/schedstat"));

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private ProcessCpu() {
	}

	/**
	 * The CPU time used so far.
	 * @return nanoseconds of CPU time, comparable only with other values of this method
	 */
	static long nanos() {
		return PER_THREAD ? sumOfThreads() : OS.getProcessCpuTime();
	}

	private static long sumOfThreads() {
		long total = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
			for (Path task : tasks) {
				total += onCpu(task);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return total;
	}

	/** The first field of {@code schedstat}: nanoseconds spent on a CPU. */
	private static long onCpu(Path task) throws IOException {
		String schedstat;
		try {
			schedstat = Files.readString(task.resolve("schedstat"));
		}
		catch (NoSuchFileException ex) {
			// the thread ended after the directory was listed
			return 0;
		}
		int end = schedstat.indexOf(' ');
		return Long.parseLong((end < 0) ? schedstat.trim() : schedstat.substring(0, end));
	}

}
