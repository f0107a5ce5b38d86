package io.github.triggerspring.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.node.ObjectNode;

/**
 * A realtime shape: the runs that one subscription watches, under a handle, with its log
 * of changes. The log keeps the latest change per row only, each at the offset where it
 * was logged, so it stays as large as the shape.
 *
 * @author trigger-spring-boot contributors
 */
final class RealtimeShape {

	final String handle;

	final EnvRecord env;

	final Predicate<RunRecord> filter;

	final List<String> skipColumns;

	/** Set by the must-refetch test hook: the next request on this handle gets a 409. */
	boolean expired;

	private long offset;

	private long cursor;

	private final Map<String, String> lastRows = new HashMap<>();

	private final LinkedHashMap<String, Change> log = new LinkedHashMap<>();

	RealtimeShape(String handle, EnvRecord env, Predicate<RunRecord> filter, List<String> skipColumns) {
		this.handle = handle;
		this.env = env;
		this.filter = filter;
		this.skipColumns = List.copyOf(skipColumns);
	}

	/**
	 * Logs the rows that changed since they were last logged.
	 * @param rows the shape's current rows, by key
	 */
	void record(Map<String, ObjectNode> rows) {
		rows.forEach((key, row) -> {
			String text = Json.write(row);
			String last = this.lastRows.put(key, text);
			if (!text.equals(last)) {
				this.log.remove(key);
				this.log.put(key, new Change(++this.offset, key, row, (last != null) ? "update" : "insert"));
			}
		});
	}

	/**
	 * The latest change of each row logged after an offset, in log order.
	 * @param after the offset, {@code -1} for every row
	 * @return the changes
	 */
	List<Change> changesAfter(long after) {
		List<Change> changes = new ArrayList<>();
		for (Change change : this.log.values()) {
			if (change.offset() > after) {
				changes.add((after < 0) ? new Change(change.offset(), change.key(), change.row(), "insert") : change);
			}
		}
		return changes;
	}

	/** The offset of the last logged change, as the {@code electric-offset} header writes it. */
	String offset() {
		return this.offset + "_0";
	}

	/** A new value for the {@code electric-cursor} header. */
	String nextCursor() {
		return String.valueOf(++this.cursor);
	}

	/**
	 * One logged change.
	 *
	 * @param offset where it was logged
	 * @param key the row's key
	 * @param row the whole row
	 * @param operation {@code insert} or {@code update}
	 */
	record Change(long offset, String key, ObjectNode row, String operation) {

	}

}
