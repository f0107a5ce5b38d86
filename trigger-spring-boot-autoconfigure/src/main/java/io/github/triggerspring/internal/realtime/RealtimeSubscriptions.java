package io.github.triggerspring.internal.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.realtime.RealtimeRun;
import io.github.triggerspring.realtime.SubscribeOptions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Runs the realtime subscriptions of the clients ({@code runs.subscribe},
 * {@code runs.subscribeToTag}, {@code batches.subscribe}) on the ElectricSQL shape
 * protocol: an initial sync, then live long polls carrying {@code handle},
 * {@code offset} and {@code cursor}, one request in flight at a time.
 * <ul>
 * <li>Changes are merged into rows; each changed run is delivered once per
 * {@code up-to-date} message, as a full {@link RealtimeRun} state, and only when its row
 * differs from the state delivered last (so a {@code must-refetch} (409), which restarts
 * the shape from scratch, delivers no duplicate).</li>
 * <li>Backpressure: the subscription keeps polling whatever the demand and holds at most
 * one undelivered state per run, the latest; a slow subscriber receives fewer, newer
 * states, never an unbounded buffer.</li>
 * <li>Connection errors, timeouts, 429 and 5xx are retried on the same URL, so the
 * subscription resumes from the last offset, by the call's retry policy (by default
 * {@link #RECONNECT}, the Electric client's: forever, 100 ms × 1.3<sup>n</sup> capped
 * at 10 s); any other 4xx ends the subscription with its typed
 * {@link io.github.triggerspring.error.TriggerApiException}.</li>
 * <li>Cancelling the subscription disposes the request in flight, which closes its
 * connection.</li>
 * </ul>
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class RealtimeSubscriptions {

	/**
	 * Retry policy of realtime requests when the call names none: the Electric client's,
	 * retrying forever, waiting 100 ms × 1.3<sup>n-1</sup>, capped at 10 s, without
	 * jitter.
	 */
	public static final TriggerRetryPolicy RECONNECT = new TriggerRetryPolicy(Integer.MAX_VALUE,
			Duration.ofMillis(100), Duration.ofSeconds(10), 1.3, 0);

	/**
	 * Response timeout of each realtime request when the call names none: longer than
	 * the 20 s (± 15 %) the server holds a live long poll.
	 */
	public static final Duration LONG_POLL_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

	private final TriggerHttpClient http;

	/**
	 * Creates the subscriptions of a client.
	 * @param http the HTTP layer
	 */
	public RealtimeSubscriptions(TriggerHttpClient http) {
		this.http = http;
	}

	/**
	 * Subscribes to a shape.
	 * @param endpoint the realtime endpoint
	 * @param auth the ids of what the subscription concerns (the run, the tags or the
	 * batch), against which a public access token's scopes are checked
	 * @param path the path, for example {@code /realtime/v1/runs/{runId}}
	 * @param pathVariable the value of the path's variable, or {@code null}
	 * @param query the endpoint's own query parameters (the protocol's are added);
	 * {@code null} values are left out
	 * @param options the subscription options
	 * @param endsWhenFinished whether the shape is one run, whose subscription completes
	 * after its finished state when {@link SubscribeOptions#stopOnCompletion()} asks so
	 * @param requestOptions the per-call options of every request
	 * @return the runs' states
	 */
	public Flux<RealtimeRun> subscribe(TriggerEndpoint endpoint, AuthOptions auth, String path,
			@Nullable Object pathVariable, Map<String, String> query, SubscribeOptions options, boolean endsWhenFinished,
			RequestOptions requestOptions) {
		return Flux.defer(() -> {
			if (options == null) {
				throw new TriggerValidationException("subscribeOptions", "is null. Pass SubscribeOptions.defaults().");
			}
			Map<String, String> shapeQuery = new TreeMap<>(query);
			for (String column : options.skipColumns()) {
				if (column == null || column.isBlank() || column.contains(",")) {
					throw new TriggerValidationException("subscribeOptions.skipColumns", "holds '" + column
							+ "', which is not a column name. Pass names such as \"payload\" and \"output\".");
				}
			}
			if (!options.skipColumns().isEmpty()) {
				shapeQuery.put("skipColumns", String.join(",", options.skipColumns()));
			}
			RequestOptions perRequest = (requestOptions.retry() != null) ? requestOptions
					: requestOptions.withRetry(RECONNECT);
			if (perRequest.responseTimeout() == null) {
				perRequest = perRequest.withResponseTimeout(LONG_POLL_RESPONSE_TIMEOUT);
			}
			ShapeRequest shape = new ShapeRequest(endpoint, auth, path, pathVariable, shapeQuery, perRequest);
			boolean stopOnCompletion = endsWhenFinished && options.stopOnCompletion();
			return Flux.create((sink) -> new ShapeSubscription(this.http, shape, stopOnCompletion, sink).start());
		});
	}

}
