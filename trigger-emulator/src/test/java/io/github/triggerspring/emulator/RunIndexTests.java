package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs index: a page costs the runs it walks past, not every run, and pages exactly
 * as filtering and sorting every run would.
 *
 * @author trigger-spring-boot contributors
 */
class RunIndexTests {

	private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

	private final EmulatorState state = new EmulatorState();

	private final EnvRecord dev = this.state.env(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, null);

	private final EnvRecord prod = this.state.env(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.PROD, null);

	@Test
	void aPageOfOneHundredThousandRunsExaminesOnlyThePageAndOneMore() {
		for (int i = 0; i < 100_000; i++) {
			this.state.newRun(this.dev, "task-" + (i % 10), T0.plusMillis(i / 4));
		}
		RunIndex index = this.state.runIndex;
		RunRecord after = null;
		int pages = 0;
		int seen = 0;
		do {
			long examinedBefore = index.examined();
			RunIndex.Page page = index.page(this.dev, (run) -> true, after, null, 100);
			assertThat(index.examined() - examinedBefore).isLessThanOrEqualTo(101);
			seen += page.runs().size();
			pages++;
			after = page.hasNext() ? page.runs().get(page.runs().size() - 1) : null;
		}
		while (after != null);
		assertThat(pages).isEqualTo(1000);
		assertThat(seen).isEqualTo(100_000);
		long examinedBefore = index.examined();
		RunIndex.Page filtered = index.page(this.dev, (run) -> run.taskId.equals("task-3"), null, null, 25);
		assertThat(filtered.runs()).hasSize(25).allSatisfy((run) -> assertThat(run.taskId).isEqualTo("task-3"));
		assertThat(index.examined() - examinedBefore).as("one run in ten matches").isLessThanOrEqualTo(260);
	}

	@Test
	void pagesAsFilteringAndSortingEveryRunWould() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 500; i++) {
			EnvRecord env = (random.nextInt(5) == 0) ? this.prod : this.dev;
			RunRecord run = this.state.newRun(env, "task-" + random.nextInt(3), T0.plusSeconds(random.nextInt(50)));
			run.test = random.nextBoolean();
		}
		List<Predicate<RunRecord>> filters = List.of((run) -> true, (run) -> run.test,
				(run) -> run.taskId.equals("task-1"), (run) -> false);
		List<RunRecord> all = new ArrayList<>(this.state.runs.values());
		for (Predicate<RunRecord> filter : filters) {
			List<RunRecord> expected = all.stream()
				.filter((run) -> run.env == this.dev && filter.test(run))
				.sorted(Comparator.comparing((RunRecord run) -> run.createdAt)
					.thenComparingLong((run) -> run.sequence)
					.reversed())
				.toList();
			for (int size : new int[] { 1, 7, 100 }) {
				assertThat(this.state.runIndex.page(this.dev, filter, null, null, size))
					.isEqualTo(expectedPage(expected, 0, size));
				for (int position = 0; position < expected.size(); position += 11) {
					RunRecord cursor = expected.get(position);
					assertThat(this.state.runIndex.page(this.dev, filter, cursor, null, size))
						.isEqualTo(expectedPage(expected, position + 1, Math.min(expected.size(), position + 1 + size)));
					assertThat(this.state.runIndex.page(this.dev, filter, null, cursor, size))
						.isEqualTo(expectedPage(expected, Math.max(0, position - size), position));
				}
			}
		}
		RunRecord prodRun = all.stream().filter((run) -> run.env == this.prod).findFirst().orElseThrow();
		assertThat(this.state.runIndex.page(this.dev, (run) -> true, prodRun, null, 10)).isEqualTo(RunIndex.Page.EMPTY);
	}

	private static RunIndex.Page expectedPage(List<RunRecord> matching, int from, int to) {
		int end = Math.min(to, matching.size());
		int start = Math.min(from, end);
		return new RunIndex.Page(matching.subList(start, end), end < matching.size(), start > 0);
	}

}
