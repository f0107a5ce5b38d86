package io.github.triggerspring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.tasks.BatchItem;
import io.github.triggerspring.tasks.TasksClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The benchmark harness. It starts the {@link StandInServer} in its own JVM and measures,
 * in this JVM unless said otherwise:
 * <ul>
 * <li>{@code tasks.trigger} at concurrency 1, 16 and 64, against a raw {@link WebClient}
 * that posts the bytes the starter sent as a {@link String}, with the same headers; the
 * two clients take turns, round after round, in the same JVM and against the same
 * server, so that the ratios hold on a busy machine;</li>
 * <li>a 1,000-item {@code batchTrigger} from a {@link Flux};</li>
 * <li>{@code tasks.trigger} with a 3 MiB payload, which is offloaded through
 * {@code /api/v2/packets};</li>
 * <li>{@code runs.list()} through 100,000 runs, in a fresh JVM with {@code -Xmx64m};</li>
 * <li>the emulator's time to serve pages of {@code GET /api/v1/runs} over 100,000 seeded
 * runs, measured inside the emulator around its handler, in a fresh JVM;</li>
 * <li>the context refresh with the starter enabled and with {@code trigger.enabled=false},
 * each in several fresh JVMs, taking turns.</li>
 * </ul>
 * Both clients first make {@code benchmarks.warmupCalls} calls each (20,000 by default)
 * so that the JIT has compiled both paths, then every in-JVM scenario has warm-up rounds,
 * then measured rounds whose medians are reported. Results are printed and written, as Markdown and as an SVG chart, to the
 * directory given as first argument. System properties {@code benchmarks.rounds},
 * {@code benchmarks.warmups}, {@code benchmarks.calls} and {@code benchmarks.jvms} change
 * the defaults (5, 2, 1000 and 5); {@code benchmarks.triggerOnly=true} runs only the
 * {@code tasks.trigger} scenarios, {@code benchmarks.skipStartup=true} skips the context
 * refresh and {@code benchmarks.startupOnly=true} runs only the context refresh.
 *
 * @author trigger-spring-boot contributors
 */
public final class Benchmarks {

	static final String TASK = "send-order-email";

	static final int[] CONCURRENCY = { 1, 16, 64 };

	static final int LARGE_PAYLOAD = 3 * 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final int rounds = Integer.getInteger("benchmarks.rounds", 5);

	private final int warmups = Integer.getInteger("benchmarks.warmups", 2);

	private final int calls = Integer.getInteger("benchmarks.calls", 1000);

	private final int jvms = Integer.getInteger("benchmarks.jvms", 5);

	private final int warmupCalls = Integer.getInteger("benchmarks.warmupCalls", 60_000);

	private final Report report = new Report();

	private Benchmarks() {
	}

	/**
	 * Runs every scenario.
	 * @param args the directory the results are written to
	 * @throws IOException if the results cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path output = Path.of((args.length > 0) ? args[0] : "target/benchmark-results");
		Benchmarks benchmarks = new Benchmarks();
		if (!Boolean.getBoolean("benchmarks.startupOnly")) {
			benchmarks.calls();
		}
		if (!Boolean.getBoolean("benchmarks.skipStartup")) {
			benchmarks.startup();
		}
		Files.createDirectories(output);
		Files.writeString(output.resolve("results.md"), benchmarks.report.markdown());
		Files.writeString(output.resolve("throughput.svg"), benchmarks.report.svg());
		System.out.println();
		System.out.println(benchmarks.report.markdown());
		System.out.println("Written to " + output.toAbsolutePath());
	}

	/** Runs every scenario but the context refresh. */
	private void calls() {
		try (ServerProcess server = ServerProcess.start()) {
			try (ConfigurableApplicationContext context = BenchmarkApplication.start(server.baseUrl())) {
				TasksClient tasks = context.getBean(TasksClient.class);
				WebClient raw = WebClient.builder().baseUrl(server.baseUrl()).build();
				trigger(tasks, raw);
				if (!Boolean.getBoolean("benchmarks.triggerOnly")) {
					batchTrigger(tasks);
					largePayload(tasks);
				}
			}
			if (!Boolean.getBoolean("benchmarks.triggerOnly")) {
				runsList(server.baseUrl());
			}
		}
		if (!Boolean.getBoolean("benchmarks.triggerOnly")) {
			emulatorPages();
		}
	}

	private void trigger(TasksClient tasks, WebClient raw) {
		IntFunction<Mono<?>> starter = (index) -> tasks.trigger(TASK, Order.sample(index));
		starter.apply(0).block(TIMEOUT);
		String body = raw.get().uri("/bench/last-trigger-body").retrieve().bodyToMono(String.class).block(TIMEOUT);
		String userAgent = raw.get()
			.uri("/bench/last-trigger-user-agent")
			.retrieve()
			.bodyToMono(String.class)
			.block(TIMEOUT);
		IntFunction<Mono<?>> rawCall = (index) -> raw.post()
			.uri("/api/v1/tasks/{taskId}/trigger", TASK)
			.headers((headers) -> rawHeaders(headers, userAgent))
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class);
		// at every concurrency, so that the JIT has compiled what each level runs before any
		// level is measured: compilations during the measured rounds cost CPU on two cores
		for (int call = 0, round = 0; call < this.warmupCalls; call += this.calls, round++) {
			int concurrency = CONCURRENCY[round % CONCURRENCY.length];
			Round.measure(this.calls, concurrency, starter);
			Round.measure(this.calls, concurrency, rawCall);
		}
		for (int concurrency : CONCURRENCY) {
			int count = (concurrency == 1) ? this.calls / 2 : this.calls;
			Round[][] measured = interleaved(count, concurrency, starter, rawCall);
			this.report.trigger(concurrency, Round.median(measured[0]), Round.median(measured[1]));
		}
	}

	/**
	 * Warm-up rounds, then measured rounds, of two clients taking turns; the client that
	 * goes first alternates.
	 */
	private Round[][] interleaved(int count, int concurrency, IntFunction<Mono<?>> first,
			IntFunction<Mono<?>> second) {
		Round[][] measured = { new Round[this.rounds], new Round[this.rounds] };
		for (int round = 0; round < this.warmups + this.rounds; round++) {
			boolean firstFirst = round % 2 == 0;
			Round a = Round.measure(count, concurrency, firstFirst ? first : second);
			Round b = Round.measure(count, concurrency, firstFirst ? second : first);
			if (round >= this.warmups) {
				measured[0][round - this.warmups] = firstFirst ? a : b;
				measured[1][round - this.warmups] = firstFirst ? b : a;
			}
		}
		return measured;
	}

	private static void rawHeaders(HttpHeaders headers, String userAgent) {
		headers.setBearerAuth(BenchmarkApplication.SECRET_KEY);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.ACCEPT, "application/json");
		headers.set(HttpHeaders.USER_AGENT, userAgent);
		headers.set("x-trigger-api-version", TriggerHttpClient.API_VERSION);
		headers.set("x-trigger-realtime-streams-version", TriggerHttpClient.REALTIME_STREAMS_VERSION);
		headers.set("x-trigger-request-idempotency-key", UUID.randomUUID().toString());
	}

	private void batchTrigger(TasksClient tasks) {
		int items = 1000;
		IntFunction<Mono<?>> batch = (index) -> tasks.batchTrigger(TASK,
				Flux.range(0, items).map((item) -> BatchItem.of(Order.sample(item))));
		this.report.single("batchTrigger, 1,000 items from a Flux (per batch)", measured(3, batch));
	}

	private void largePayload(TasksClient tasks) {
		Order payload = Order.large(LARGE_PAYLOAD);
		IntFunction<Mono<?>> trigger = (index) -> tasks.trigger(TASK, payload);
		Round median = measured(10, trigger);
		this.report.single("trigger, 3 MiB payload offloaded (packet + upload + trigger)", median);
		this.report.note(String.format("3 MiB payload: %.1f bytes allocated per payload byte.",
				median.bytesPerCall() / LARGE_PAYLOAD));
	}

	private Round measured(int count, IntFunction<Mono<?>> call) {
		Round[] measured = new Round[this.rounds];
		for (int round = 0; round < this.warmups + this.rounds; round++) {
			Round result = Round.measure(count, 1, call);
			if (round >= this.warmups) {
				measured[round - this.warmups] = result;
			}
		}
		return Round.median(measured);
	}

	private void runsList(String baseUrl) {
		Map<String, String> result = ChildJvm.run(RunsListProbe.class, List.of("-Xmx64m"), baseUrl);
		this.report.runsList(result);
	}

	private void emulatorPages() {
		Map<String, String> result = ChildJvm.run(EmulatorPagesProbe.class, List.of("-Xmx1g"),
				Integer.toString(this.rounds), Integer.toString(this.warmups));
		this.report.emulatorPages(result);
	}

	private void startup() {
		List<Double> enabled = new ArrayList<>();
		List<Double> disabled = new ArrayList<>();
		List<Double> enabledCpu = new ArrayList<>();
		List<Double> disabledCpu = new ArrayList<>();
		for (int jvm = 0; jvm < this.jvms; jvm++) {
			for (boolean starter : (jvm % 2 == 0) ? new boolean[] { true, false } : new boolean[] { false, true }) {
				Map<String, String> result = ChildJvm.run(StartupProbe.class, List.of(), Boolean.toString(starter));
				(starter ? enabled : disabled).add(Double.parseDouble(result.get("refreshMillis")));
				(starter ? enabledCpu : disabledCpu).add(Double.parseDouble(result.get("refreshCpuMillis")));
			}
		}
		this.report.startup(median(enabled), median(disabled), this.jvms);
		this.report.note(String.format("CPU time of the thread that refreshes the context (median): %.0f ms with the "
				+ "starter, %.0f ms with trigger.enabled=false, %.0f ms more; a busy machine inflates it less "
				+ "than the wall time.", median(enabledCpu), median(disabledCpu),
				median(enabledCpu) - median(disabledCpu)));
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
