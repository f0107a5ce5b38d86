package io.github.triggerspring.benchmarks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a run: a Markdown table and an SVG chart of {@code tasks.trigger}
 * throughput against concurrency, starter and raw client.
 *
 * @author trigger-spring-boot contributors
 */
final class Report {

	private static final String HEADER = "| Scenario | Client | Throughput (calls/s) | p50 (ms) | p99 (ms) "
			+ "| CPU per call (ms) | Allocated per call |\n|---|---|---:|---:|---:|---:|---:|\n";

	private final StringBuilder rows = new StringBuilder();

	private final List<String> notes = new ArrayList<>();

	private final List<double[]> throughput = new ArrayList<>();

	/** Records a {@code tasks.trigger} concurrency level, starter and raw client. */
	void trigger(int concurrency, Round starter, Round raw) {
		String scenario = "tasks.trigger, concurrency " + concurrency;
		row(scenario, "starter", starter);
		row(scenario, "raw WebClient", raw);
		this.notes.add(format("Concurrency %d, starter / raw: throughput %.2f×, CPU per call %.2f×, "
				+ "allocation per call %.2f×.", concurrency, starter.callsPerSecond() / raw.callsPerSecond(),
				starter.cpuMicrosPerCall() / raw.cpuMicrosPerCall(), starter.bytesPerCall() / raw.bytesPerCall()));
		this.throughput.add(new double[] { concurrency, starter.callsPerSecond(), raw.callsPerSecond() });
	}

	/** Records a scenario of the starter alone. */
	void single(String scenario, Round round) {
		row(scenario, "starter", round);
	}

	/** Records the {@code runs.list()} scenario, from {@link RunsListProbe}'s values. */
	void runsList(Map<String, String> result) {
		double runsPerSecond = Double.parseDouble(result.get("runsPerSecond"));
		this.rows.append(format("| runs.list, %s runs, -Xmx64m (per page of 100) | starter | %.0f runs/s | %.2f | "
				+ "%.2f | %.3f per run | %s per run |\n", result.get("runs"), runsPerSecond,
				Double.parseDouble(result.get("p50PageMicros")) / 1e3,
				Double.parseDouble(result.get("p99PageMicros")) / 1e3,
				Double.parseDouble(result.get("cpuMicrosPerRun")) / 1e3,
				bytes(Double.parseDouble(result.get("bytesPerRun")))));
		this.notes.add(format("runs.list: %s runs paged with a %.0f MiB heap; live heap after a forced full "
				+ "collection every 10,000 runs: %.1f MiB after the first 10,000, %.1f MiB after the last, "
				+ "%.1f MiB at most.", result.get("runs"), Double.parseDouble(result.get("maxHeapMiB")),
				Double.parseDouble(result.get("firstLiveHeapMiB")), Double.parseDouble(result.get("lastLiveHeapMiB")),
				Double.parseDouble(result.get("liveHeapMiB"))));
	}

	/** Records the emulator's page times, from {@link EmulatorPagesProbe}'s values. */
	void emulatorPages(Map<String, String> result) {
		String[][] pages = { { "first", "first" }, { "middle", "middle, by cursor" },
				{ "filtered", "filtered by status and task" } };
		StringBuilder medians = new StringBuilder();
		for (String[] page : pages) {
			double p50 = Double.parseDouble(result.get(page[0] + "P50Micros")) / 1e3;
			double p99 = Double.parseDouble(result.get(page[0] + "P99Micros")) / 1e3;
			this.rows.append(format("| emulator, GET /api/v1/runs page of 100 over %s runs (handler time): %s "
					+ "| emulator | | %.2f | %.2f | | |\n", result.get("runs"), page[1], p50, p99));
			medians.append((medians.length() > 0) ? ", " : "").append(format("%s %.2f ms", page[0], p50));
		}
		this.notes.add(format("Emulator pages over %s seeded runs, measured inside the emulator around its handler "
				+ "(p50): %s; target under 2 ms.", result.get("runs"), medians));
	}

	/** Records the median context refresh times. */
	void startup(double enabledMillis, double disabledMillis, int jvms) {
		this.rows.append(format("| context refresh, starter enabled (median of %d JVMs) | starter | | %.0f | | | |\n",
				jvms, enabledMillis));
		this.rows.append(format("| context refresh, trigger.enabled=false (median of %d JVMs) | none | | %.0f | | "
				+ "| |\n", jvms, disabledMillis));
		this.notes.add(format("The starter's auto-configuration adds %.0f ms to the context refresh.",
				enabledMillis - disabledMillis));
	}

	/** Adds a line under the table. */
	void note(String note) {
		this.notes.add(note);
	}

	String markdown() {
		StringBuilder markdown = new StringBuilder();
		markdown.append("Date: ").append(LocalDate.now(ZoneOffset.UTC)).append(", ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
			.append(System.getProperty("java.version")).append("\n\n");
		markdown.append(HEADER).append(this.rows).append('\n');
		this.notes.forEach((note) -> markdown.append("- ").append(note).append('\n'));
		return markdown.toString();
	}

	/** Throughput against concurrency, one line per client. */
	String svg() {
		int width = 480;
		int height = 300;
		int left = 60;
		int right = 20;
		int top = 30;
		int bottom = 50;
		double max = this.throughput.stream().mapToDouble((point) -> Math.max(point[1], point[2])).max().orElse(1);
		double scale = niceCeiling(max);
		StringBuilder svg = new StringBuilder();
		svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
				+ "font-family=\"sans-serif\" font-size=\"12\">\n", width, height));
		svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
		svg.append(format("<text x=\"%d\" y=\"18\" font-size=\"14\">tasks.trigger throughput (calls/s)</text>\n",
				left));
		for (int tick = 0; tick <= 4; tick++) {
			double y = top + (height - top - bottom) * (1 - tick / 4.0);
			svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", left, y,
					width - right, y));
			svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n", left - 6, y + 4,
					scale * tick / 4));
		}
		int points = this.throughput.size();
		StringBuilder starter = new StringBuilder();
		StringBuilder raw = new StringBuilder();
		for (int index = 0; index < points; index++) {
			double[] point = this.throughput.get(index);
			double x = left + (width - left - right) * (index + 0.5) / points;
			double starterY = top + (height - top - bottom) * (1 - point[1] / scale);
			double rawY = top + (height - top - bottom) * (1 - point[2] / scale);
			starter.append(format("%.1f,%.1f ", x, starterY));
			raw.append(format("%.1f,%.1f ", x, rawY));
			svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>\n", x,
					height - bottom + 18, point[0]));
			svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f77b4\"/>\n", x, starterY));
			svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#ff7f0e\"/>\n", x, rawY));
		}
		svg.append(format("<polyline points=\"%s\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n",
				starter.toString().trim()));
		svg.append(format("<polyline points=\"%s\" fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"2\" "
				+ "stroke-dasharray=\"6 4\"/>\n", raw.toString().trim()));
		svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrency</text>\n",
				(left + width - right) / 2, height - 12));
		svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1f77b4\" stroke-width=\"2\"/>"
				+ "<text x=\"%d\" y=\"%d\">starter</text>\n", width - 170, top - 12, width - 150, top - 12,
				width - 145, top - 8));
		svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ff7f0e\" stroke-width=\"2\" "
				+ "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%d\">raw WebClient</text>\n", width - 95, top - 12,
				width - 75, top - 12, width - 70, top - 8));
		return svg.append("</svg>\n").toString();
	}

	private void row(String scenario, String client, Round round) {
		this.rows.append(format("| %s | %s | %.0f | %.2f | %.2f | %.3f | %s |\n", scenario, client,
				round.callsPerSecond(), round.p50Micros() / 1e3, round.p99Micros() / 1e3,
				round.cpuMicrosPerCall() / 1e3, bytes(round.bytesPerCall())));
	}

	private static String bytes(double bytes) {
		if (bytes >= 1024 * 1024) {
			return format("%.1f MiB", bytes / 1024 / 1024);
		}
		return format("%.1f KB", bytes / 1000);
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
