package io.github.triggerspring.realtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Options of a realtime subscription, like the SDK's {@code subscribeToRun} options.
 * <pre class="code">
 * runs.subscribe(runId, SubscribeOptions.defaults().skipColumns("payload", "output"));
 * </pre>
 *
 * @param stopOnCompletion whether a subscription to one run completes after delivering
 * the run's finished state (the default); subscriptions to tags and batches never end on
 * their own
 * @param skipColumns columns the server leaves out of every row, for example
 * {@code payload} and {@code output}; the server always sends {@code id},
 * {@code taskIdentifier}, {@code friendlyId}, {@code status} and {@code createdAt}.
 * Skipping {@code completedAt} keeps a subscription to one run from ever completing.
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record SubscribeOptions(boolean stopOnCompletion, List<String> skipColumns) {

	private static final SubscribeOptions DEFAULTS = new SubscribeOptions(true, List.of());

	/**
	 * Copies the list; its names are checked when a subscription starts.
	 * @param stopOnCompletion whether to complete at the run's finished state
	 * @param skipColumns columns to leave out
	 */
	public SubscribeOptions {
		skipColumns = Collections.unmodifiableList(new ArrayList<>(skipColumns));
	}

	/**
	 * Every column, completing when the run finishes.
	 * @return the options
	 */
	public static SubscribeOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * These options, but the subscription goes on after the run finished (a replay or a
	 * metadata change can still change it), until it is cancelled.
	 * @return new options
	 */
	public SubscribeOptions keepListening() {
		return new SubscribeOptions(false, this.skipColumns);
	}

	/**
	 * These options with columns left out of every row.
	 * @param columns the columns, for example {@code payload} and {@code output}
	 * @return new options
	 */
	public SubscribeOptions skipColumns(String... columns) {
		return new SubscribeOptions(this.stopOnCompletion, Arrays.asList(columns));
	}

}
