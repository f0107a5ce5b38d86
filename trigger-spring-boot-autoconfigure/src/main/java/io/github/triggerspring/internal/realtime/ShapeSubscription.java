package io.github.triggerspring.internal.realtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.triggerspring.error.TriggerUnexpectedResponseException;
import io.github.triggerspring.internal.http.TriggerHttpClient;
import io.github.triggerspring.internal.http.TriggerResponse;
import io.github.triggerspring.realtime.RealtimeRun;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One subscriber's subscription to a shape: the protocol state, touched by the poll loop
 * only (one request in flight at a time), and the states waiting for demand, at most one
 * per row (the latest), handed to the subscriber as it requests them.
 *
 * @author trigger-spring-boot contributors
 */
final class ShapeSubscription {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final TriggerHttpClient http;

	private final ShapeRequest shape;

	private final boolean stopOnCompletion;

	private final FluxSink<RealtimeRun> sink;

	/**
	 * The poll loop's subscriber. It is the sink's dispose callback before it subscribes,
	 * so a subscriber that cancels while the first answer is handled (even before the
	 * loop's {@code subscribe} returns) stops the loop before it asks again.
	 */
	private final BaseSubscriber<Void> loop = new BaseSubscriber<>() {

		@Override
		protected void hookOnError(Throwable failure) {
			ShapeSubscription.this.sink.error(failure);
		}

	};

	private final AtomicInteger drains = new AtomicInteger();

	private @Nullable String handle;

	private String offset = "-1";

	private @Nullable String cursor;

	private @Nullable String expiredHandle;

	private boolean live;

	/** Merged rows by key. */
	private final Map<String, ObjectNode> rows = new HashMap<>();

	/** Keys changed since the last {@code up-to-date}, in order. */
	private final Set<String> pending = new LinkedHashSet<>();

	/** The row last handed over, by key, so that a refetch hands over no duplicate. */
	private final Map<String, ObjectNode> delivered = new HashMap<>();

	/** States waiting for demand, the latest per key; guarded by itself. */
	private final LinkedHashMap<String, RealtimeRun> ready = new LinkedHashMap<>();

	/** Set once a finished state of a one-run subscription waits or went out. */
	private volatile boolean finished;

	ShapeSubscription(TriggerHttpClient http, ShapeRequest shape, boolean stopOnCompletion,
			FluxSink<RealtimeRun> sink) {
		this.http = http;
		this.shape = shape;
		this.stopOnCompletion = stopOnCompletion;
		this.sink = sink;
	}

	void start() {
		this.sink.onRequest((demand) -> drain());
		this.sink.onDispose(this.loop);
		Mono.defer(this::poll).repeat(() -> !this.finished).subscribe(this.loop);
	}

	private Mono<Void> poll() {
		Map<String, String> protocol = new HashMap<>();
		protocol.put("log", "full");
		protocol.put("offset", this.offset);
		if (this.handle != null) {
			protocol.put("handle", this.handle);
		}
		if (this.live) {
			protocol.put("live", "true");
			protocol.put("cursor", (this.cursor != null) ? this.cursor : "");
		}
		if (this.expiredHandle != null) {
			protocol.put("expired_handle", this.expiredHandle);
		}
		return this.http
			.realtime(this.shape.endpoint(), this.shape.auth(), this.shape.options(),
					(authorization) -> this.shape.request(protocol))
			.doOnNext(this::apply)
			.then();
	}

	private void apply(TriggerResponse<String> response) {
		String responseHandle = response.headers().getFirst("electric-handle");
		if (response.status() == 409) {
			refetch(responseHandle);
			return;
		}
		if (responseHandle != null) {
			this.handle = responseHandle;
		}
		String responseOffset = response.headers().getFirst("electric-offset");
		if (responseOffset != null) {
			this.offset = responseOffset;
		}
		String responseCursor = response.headers().getFirst("electric-cursor");
		if (responseCursor != null) {
			this.cursor = responseCursor;
		}
		boolean upToDate = false;
		for (JsonNode message : messages(response)) {
			JsonNode headers = message.path("headers");
			String control = headers.path("control").asString(null);
			if ("up-to-date".equals(control)) {
				upToDate = true;
			}
			else if ("must-refetch".equals(control)) {
				refetch(responseHandle);
				return;
			}
			else if (message.path("key").isString() && message.path("value").isObject()) {
				merge(message.get("key").stringValue(), (ObjectNode) message.get("value"),
						headers.path("operation").asString(""));
			}
		}
		if (upToDate) {
			this.live = true;
			for (String key : this.pending) {
				ObjectNode row = this.rows.get(key);
				if (row != null && !row.equals(this.delivered.get(key))) {
					this.delivered.put(key, row.deepCopy());
					offer(key, RealtimeRows.run(row));
				}
			}
			this.pending.clear();
		}
	}

	private static Iterable<JsonNode> messages(TriggerResponse<String> response) {
		String body = response.body().trim();
		if (body.isEmpty()) {
			return List.of();
		}
		try {
			JsonNode messages = MAPPER.readTree(body);
			if (!messages.isArray()) {
				throw new TriggerUnexpectedResponseException(response.status(),
						"A realtime response is not a JSON array of messages.", null);
			}
			return messages;
		}
		catch (JacksonException ex) {
			throw new TriggerUnexpectedResponseException(response.status(),
					"A realtime response is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Applies one change: an insert sets the row, an update merges its columns into it,
	 * a delete is ignored, as the SDK does.
	 */
	private void merge(String key, ObjectNode value, String operation) {
		if ("delete".equals(operation)) {
			return;
		}
		ObjectNode row = this.rows.get(key);
		if (row == null || "insert".equals(operation)) {
			this.rows.put(key, value.deepCopy());
		}
		else {
			row.setAll(value);
		}
		this.pending.add(key);
	}

	/**
	 * Restarts the shape from scratch after a {@code must-refetch}: rows are dropped, the
	 * next request asks for the new handle (or the old one with {@code -next}) from offset
	 * {@code -1}, naming the expired handle. The delivered states are kept, so the
	 * snapshot that follows hands over only what changed.
	 */
	private void refetch(@Nullable String newHandle) {
		String old = this.handle;
		this.expiredHandle = old;
		this.handle = (newHandle != null && !newHandle.equals(old)) ? newHandle
				: (old != null) ? old + "-next" : null;
		this.offset = "-1";
		this.live = false;
		this.cursor = null;
		this.rows.clear();
		this.pending.clear();
	}

	private void offer(String key, RealtimeRun run) {
		synchronized (this.ready) {
			this.ready.put(key, run);
		}
		if (this.stopOnCompletion && run.isFinished()) {
			this.finished = true;
		}
		drain();
	}

	/**
	 * Hands waiting states to the subscriber while it has demand; one thread at a time,
	 * the others leaving the work to it.
	 */
	private void drain() {
		if (this.drains.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			while (this.sink.requestedFromDownstream() > 0 && !this.sink.isCancelled()) {
				RealtimeRun next;
				synchronized (this.ready) {
					var first = this.ready.entrySet().iterator();
					if (!first.hasNext()) {
						break;
					}
					next = first.next().getValue();
					first.remove();
				}
				this.sink.next(next);
				if (this.stopOnCompletion && next.isFinished()) {
					this.sink.complete();
					return;
				}
			}
			missed = this.drains.addAndGet(-missed);
		}
		while (missed != 0);
	}

}
