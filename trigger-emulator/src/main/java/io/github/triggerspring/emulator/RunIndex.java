package io.github.triggerspring.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The runs of each environment, kept in the order the runs list pages them: newest first
 * by creation time, then by creation sequence. A page walks from its cursor and stops
 * once it has one run more than it shows, so it examines the runs it walks past, not
 * every run, and sorts nothing. Callers synchronize on the {@link EmulatorState}.
 *
 * @author trigger-spring-boot contributors
 */
final class RunIndex {

	private static final Comparator<RunRecord> NEWEST_FIRST = Comparator
		.comparing((RunRecord run) -> run.createdAt)
		.thenComparingLong((run) -> run.sequence)
		.reversed();

	private final Map<EnvRecord, NavigableSet<RunRecord>> byEnv = new HashMap<>();

	private long examined;

	void add(RunRecord run) {
		this.byEnv.computeIfAbsent(run.env, (env) -> new TreeSet<>(NEWEST_FIRST)).add(run);
	}

	void clear() {
		this.byEnv.clear();
	}

	/**
	 * Runs examined by {@link #page} so far, for tests of its cost.
	 * @return the count
	 */
	long examined() {
		return this.examined;
	}

	/**
	 * One page of an environment's runs that match a filter, as the API pages them.
	 * @param env the environment
	 * @param filter the runs to keep
	 * @param after the cursor run of {@code page[after]}, or {@code null}
	 * @param before the cursor run of {@code page[before]}, or {@code null}; only one
	 * cursor may be given
	 * @param size the page size
	 * @return the page; empty when a cursor is not a matching run of the environment
	 */
	Page page(EnvRecord env, Predicate<RunRecord> filter, @Nullable RunRecord after, @Nullable RunRecord before,
			int size) {
		NavigableSet<RunRecord> runs = this.byEnv.getOrDefault(env, Collections.emptyNavigableSet());
		RunRecord cursor = (after != null) ? after : before;
		if (cursor != null && (cursor.env != env || !filter.test(cursor))) {
			return Page.EMPTY;
		}
		if (after != null) {
			List<RunRecord> found = collect(runs.tailSet(after, false), filter, size + 1);
			return new Page(found.subList(0, Math.min(size, found.size())), found.size() > size, true);
		}
		if (before != null) {
			List<RunRecord> found = collect(runs.headSet(before, false).descendingSet(), filter, size + 1);
			List<RunRecord> page = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
			Collections.reverse(page);
			return new Page(page, true, found.size() > size);
		}
		List<RunRecord> found = collect(runs, filter, size + 1);
		return new Page(found.subList(0, Math.min(size, found.size())), found.size() > size, false);
	}

	private List<RunRecord> collect(Iterable<RunRecord> runs, Predicate<RunRecord> filter, int limit) {
		List<RunRecord> found = new ArrayList<>();
		for (RunRecord run : runs) {
			this.examined++;
			if (filter.test(run)) {
				found.add(run);
				if (found.size() == limit) {
					break;
				}
			}
		}
		return found;
	}

	/**
	 * A page of runs, newest first.
	 *
	 * @param runs the runs
	 * @param hasNext whether matching runs follow (older than the last)
	 * @param hasPrevious whether matching runs precede (newer than the first)
	 */
	record Page(List<RunRecord> runs, boolean hasNext, boolean hasPrevious) {

		/** No runs: the page of a cursor that names no run. */
		static final Page EMPTY = new Page(List.of(), false, false);

	}

}
