package io.github.triggerspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts {@link BenchmarkApplication} once, in a fresh JVM, and prints how long the
 * context refresh took, in wall time and in CPU time of the thread that refreshed it
 * (which a busy machine inflates less): {@code RESULT refreshMillis=<ms>
 * refreshCpuMillis=<ms>}. With {@code trace} as second argument it also prints the
 * slowest steps of the refresh that name a Trigger.dev bean or configuration, as recorded
 * by {@link BufferingApplicationStartup}.
 *
 * @author trigger-spring-boot contributors
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args {@code true} or {@code false}, the value of {@code trigger.enabled},
	 * then optionally {@code trace}
	 */
	public static void main(String[] args) {
		boolean enabled = Boolean.parseBoolean(args[0]);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
		RefreshCpuTime cpuTime = new RefreshCpuTime(startup);
		SpringApplication application = BenchmarkApplication.application("http://127.0.0.1:9", enabled);
		application.setApplicationStartup(cpuTime);
		try (ConfigurableApplicationContext context = application.run()) {
			List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
			TimelineEvent refresh = events.stream()
				.filter((event) -> event.getStartupStep().getName().equals("spring.context.refresh"))
				.findFirst()
				.orElseThrow();
			if (args.length > 1 && args[1].equals("trace")) {
				events.stream()
					.filter(StartupProbe::namesTrigger)
					.sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
					.limit(25)
					.forEach((event) -> System.out.println("TRACE " + event.getDuration().toNanos() / 1_000 + " us "
							+ event.getStartupStep().getName() + " " + tags(event)));
			}
			System.out.println("RESULT refreshMillis=" + refresh.getDuration().toNanos() / 1e6 + " refreshCpuMillis="
					+ cpuTime.nanos / 1e6);
		}
	}

	private static boolean namesTrigger(TimelineEvent event) {
		return tags(event).toLowerCase().contains("trigger");
	}

	private static String tags(TimelineEvent event) {
		return String.join(",", StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
			.map((tag) -> tag.getKey() + "=" + tag.getValue())
			.toList());
	}

	/**
	 * Passes the steps on to a {@link BufferingApplicationStartup} and measures the CPU
	 * time that the refreshing thread spends in {@code spring.context.refresh}.
	 */
	private static final class RefreshCpuTime implements ApplicationStartup {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		private final ApplicationStartup delegate;

		private long nanos;

		RefreshCpuTime(ApplicationStartup delegate) {
			this.delegate = delegate;
		}

		@Override
		public StartupStep start(String name) {
			StartupStep step = this.delegate.start(name);
			if (!name.equals("spring.context.refresh")) {
				return step;
			}
			long start = THREADS.getCurrentThreadCpuTime();
			return new StartupStep() {

				@Override
				public String getName() {
					return step.getName();
				}

				@Override
				public long getId() {
					return step.getId();
				}

				@Override
				public Long getParentId() {
					return step.getParentId();
				}

				@Override
				public StartupStep tag(String key, String value) {
					step.tag(key, value);
					return this;
				}

				@Override
				public StartupStep tag(String key, Supplier<String> value) {
					step.tag(key, value);
					return this;
				}

				@Override
				public Tags getTags() {
					return step.getTags();
				}

				@Override
				public void end() {
					RefreshCpuTime.this.nanos = THREADS.getCurrentThreadCpuTime() - start;
					step.end();
				}

			};
		}

	}

}
