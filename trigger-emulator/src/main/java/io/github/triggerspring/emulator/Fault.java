package io.github.triggerspring.emulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A fault the emulator injects into calls of an endpoint, registered with
 * {@link Faults#inject(EmulatorEndpoint, Fault)}. By default a fault applies to the next
 * call only; use {@link #times(int)} or {@link #always()} to change that. Faults wear off
 * by count of calls, never with time. Immutable.
 * <p>
 * Kinds:
 * <ul>
 * <li>{@link #status(int)}: answer with a status (and optional body and headers) instead
 * of handling the call;</li>
 * <li>{@link #rateLimited(Duration)}: answer 429 like the API's rate limiter
 * ({@code x-ratelimit-reset} in epoch milliseconds; for the batch-create endpoint the
 * batch limiter's form: {@code x-ratelimit-reset} in epoch seconds plus
 * {@code Retry-After}), the reset being read on the {@link EmulatorClock};</li>
 * <li>{@link #dropConnection()}: close the connection without any response;</li>
 * <li>{@link #dropConnectionAfterHandling()}: handle the call (a run is created, for
 * example), then close the connection without any response;</li>
 * <li>{@link #truncatedBody()}: handle the call, then send the status, the headers and
 * only the first half of the body, and close the connection;</li>
 * <li>{@link #latency(Duration)}: wait in real time, then handle the call normally.</li>
 * </ul>
 * {@link RandomFaults} draws faults at random for every call, from a seed.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class Fault {

	/**
	 * The kind of fault.
	 */
	public enum Kind {

		/** Answer with a fixed status. */
		STATUS,
		/** Answer 429 with rate-limit headers. */
		RATE_LIMITED,
		/** Close the connection without a response. */
		DROP_CONNECTION,
		/** Handle the call, then close the connection without a response. */
		DROP_CONNECTION_AFTER_HANDLING,
		/** Handle the call, then send only part of the response body. */
		TRUNCATED_BODY,
		/** Delay the response. */
		LATENCY

	}

	/** Value of {@link #times()} for a fault that never wears off. */
	public static final int ALWAYS = -1;

	private final Kind kind;

	private final int status;

	private final @Nullable String body;

	private final Map<String, String> headers;

	private final Duration duration;

	private final int times;

	private Fault(Kind kind, int status, @Nullable String body, Map<String, String> headers, Duration duration,
			int times) {
		this.kind = kind;
		this.status = status;
		this.body = body;
		this.headers = headers;
		this.duration = duration;
		this.times = times;
	}

	/**
	 * Answer with the given status and a body {@code {"error":"<reason phrase>"}}.
	 * @param status the HTTP status
	 * @return the fault
	 */
	public static Fault status(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("Invalid HTTP status " + status);
		}
		return new Fault(Kind.STATUS, status, null, Map.of(), Duration.ZERO, 1);
	}

	/**
	 * Answer 429 as the API's rate limiter does, resetting after the given time: each
	 * call the fault applies to reports a reset of the {@link EmulatorClock emulator
	 * clock}'s instant at that call plus {@code resetAfter}. Like every fault it wears off
	 * after {@link #times() a number of calls}, whatever the clock says.
	 * @param resetAfter time until the limit resets
	 * @return the fault
	 */
	public static Fault rateLimited(Duration resetAfter) {
		Objects.requireNonNull(resetAfter, "resetAfter");
		return new Fault(Kind.RATE_LIMITED, 429, null, Map.of(), resetAfter, 1);
	}

	/**
	 * Close the connection without sending a response; clients see a premature close.
	 * @return the fault
	 */
	public static Fault dropConnection() {
		return new Fault(Kind.DROP_CONNECTION, 0, null, Map.of(), Duration.ZERO, 1);
	}

	/**
	 * Handle the call, with every change it makes, then close the connection without
	 * sending the response; clients see a premature close, as when a connection drops
	 * after the server has acted.
	 * @return the fault
	 */
	public static Fault dropConnectionAfterHandling() {
		return new Fault(Kind.DROP_CONNECTION_AFTER_HANDLING, 0, null, Map.of(), Duration.ZERO, 1);
	}

	/**
	 * Handle the call, then send the response's status and headers, with the full
	 * {@code Content-Length}, and only the first half of its body (nothing of an empty
	 * body), and close the connection; clients see a premature close while they read
	 * the body.
	 * @return the fault
	 */
	public static Fault truncatedBody() {
		return new Fault(Kind.TRUNCATED_BODY, 0, null, Map.of(), Duration.ZERO, 1);
	}

	/**
	 * Wait for the given time (real time), then handle the call normally.
	 * @param latency the delay
	 * @return the fault
	 */
	public static Fault latency(Duration latency) {
		Objects.requireNonNull(latency, "latency");
		return new Fault(Kind.LATENCY, 0, null, Map.of(), latency, 1);
	}

	/**
	 * Copy of this fault with the given raw JSON response body.
	 * @param body the body
	 * @return the fault
	 */
	public Fault body(String body) {
		return new Fault(this.kind, this.status, Objects.requireNonNull(body, "body"), this.headers, this.duration,
				this.times);
	}

	/**
	 * Copy of this fault that adds a response header, for example
	 * {@code x-should-retry: false}.
	 * @param name the header name
	 * @param value the header value
	 * @return the fault
	 */
	public Fault header(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return new Fault(this.kind, this.status, this.body, Collections.unmodifiableMap(copy), this.duration,
				this.times);
	}

	/**
	 * Copy of this fault that applies to the next {@code times} calls.
	 * @param times how many calls, at least 1
	 * @return the fault
	 */
	public Fault times(int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1");
		}
		return new Fault(this.kind, this.status, this.body, this.headers, this.duration, times);
	}

	/**
	 * Copy of this fault that applies to every call until {@link Faults#clear()}.
	 * @return the fault
	 */
	public Fault always() {
		return new Fault(this.kind, this.status, this.body, this.headers, this.duration, ALWAYS);
	}

	/**
	 * The kind of fault.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The HTTP status of {@link Kind#STATUS} and {@link Kind#RATE_LIMITED} faults.
	 * @return the status, or 0
	 */
	public int statusCode() {
		return this.status;
	}

	/**
	 * The custom response body.
	 * @return the body, or {@code null} for the default body
	 */
	public @Nullable String responseBody() {
		return this.body;
	}

	/**
	 * Extra response headers.
	 * @return the headers
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * The latency or the time until a rate limit resets.
	 * @return the duration
	 */
	public Duration duration() {
		return this.duration;
	}

	/**
	 * How many calls this fault applies to, or {@link #ALWAYS}.
	 * @return the count
	 */
	public int times() {
		return this.times;
	}

	@Override
	public String toString() {
		return "Fault[" + this.kind + ((this.status != 0) ? " " + this.status : "") + ", times="
				+ ((this.times == ALWAYS) ? "always" : this.times) + "]";
	}

}
