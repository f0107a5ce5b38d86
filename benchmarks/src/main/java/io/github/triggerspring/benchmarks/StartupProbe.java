package io.github.triggerspring.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link BenchmarkApplication} once, in a fresh JVM, and prints how long the
 * context refresh took: {@code RESULT refreshMillis=<ms>}. With {@code trace} as second
 * argument it also prints the slowest steps of the refresh that name a Trigger.dev bean
 * or configuration, as recorded by {@link BufferingApplicationStartup}.
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
		SpringApplication application = BenchmarkApplication.application("http://127.0.0.1:9", enabled);
		application.setApplicationStartup(startup);
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
			System.out.println("RESULT refreshMillis=" + refresh.getDuration().toNanos() / 1e6);
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

}
