package io.github.triggerspring.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Registry of injected faults, per endpoint id (see {@link EmulatorEndpoint}) or for
 * {@link #ALL_ENDPOINTS}. Faults are consumed in registration order. Thread-safe.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class Faults {

	/** Endpoint id that matches every endpoint, including unknown routes. */
	public static final String ALL_ENDPOINTS = "*";

	private final Map<String, List<Entry>> entries = new LinkedHashMap<>();

	Faults() {
	}

	/**
	 * Inject a fault into calls of an endpoint.
	 * @param endpoint the endpoint
	 * @param fault the fault
	 * @return this registry
	 */
	public Faults inject(EmulatorEndpoint endpoint, Fault fault) {
		return inject(Objects.requireNonNull(endpoint, "endpoint").id(), fault);
	}

	/**
	 * Inject a fault into calls of an endpoint.
	 * @param endpointId the endpoint id, for example {@code task.trigger}, or
	 * {@link #ALL_ENDPOINTS}
	 * @param fault the fault
	 * @return this registry
	 */
	public Faults inject(String endpointId, Fault fault) {
		Objects.requireNonNull(fault, "fault");
		if (!ALL_ENDPOINTS.equals(endpointId) && EmulatorEndpoint.fromId(endpointId).isEmpty()) {
			throw new IllegalArgumentException("Unknown endpoint id '" + endpointId + "'");
		}
		synchronized (this.entries) {
			this.entries.computeIfAbsent(endpointId, (key) -> new ArrayList<>()).add(new Entry(fault));
		}
		return this;
	}

	/**
	 * Remove every fault.
	 */
	public void clear() {
		synchronized (this.entries) {
			this.entries.clear();
		}
	}

	/**
	 * Faults registered for an endpoint id that have not worn off yet.
	 * @param endpointId the endpoint id
	 * @return the pending faults
	 */
	public List<Fault> pending(String endpointId) {
		synchronized (this.entries) {
			List<Fault> result = new ArrayList<>();
			for (Entry entry : this.entries.getOrDefault(endpointId, List.of())) {
				result.add(entry.fault);
			}
			return result;
		}
	}

	/**
	 * Take the faults that apply to one call: every pending latency fault plus the first
	 * pending non-latency fault, each consumed once.
	 * @param faultKeys endpoint ids the call matches
	 * @return the faults to apply, latency first
	 */
	List<Fault> take(List<String> faultKeys) {
		List<Fault> result = new ArrayList<>();
		Fault terminal = null;
		synchronized (this.entries) {
			List<String> keys = new ArrayList<>(faultKeys);
			keys.add(ALL_ENDPOINTS);
			for (String key : keys) {
				List<Entry> list = this.entries.get(key);
				if (list == null) {
					continue;
				}
				for (Iterator<Entry> iterator = list.iterator(); iterator.hasNext();) {
					Entry entry = iterator.next();
					boolean latency = entry.fault.kind() == Fault.Kind.LATENCY;
					if (!latency && terminal != null) {
						continue;
					}
					if (latency) {
						result.add(entry.fault);
					}
					else {
						terminal = entry.fault;
					}
					if (entry.remaining != Fault.ALWAYS && --entry.remaining == 0) {
						iterator.remove();
					}
				}
			}
		}
		if (terminal != null) {
			result.add(terminal);
		}
		return result;
	}

	private static final class Entry {

		private final Fault fault;

		private int remaining;

		Entry(Fault fault) {
			this.fault = fault;
			this.remaining = fault.times();
		}

	}

}
