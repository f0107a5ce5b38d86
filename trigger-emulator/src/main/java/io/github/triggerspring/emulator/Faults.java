package io.github.triggerspring.emulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Registry of injected faults, per endpoint id (see {@link EmulatorEndpoint}) or for
 * {@link #ALL_ENDPOINTS}, and of {@link RandomFaults random faults}. Faults are consumed
 * in registration order; a call that no injected fault ends gets a random one, if they
 * are armed. Thread-safe.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class Faults {

	/** Endpoint id that matches every endpoint, including unknown routes. */
	public static final String ALL_ENDPOINTS = "*";

	private final Map<String, List<Entry>> entries = new LinkedHashMap<>();

	private final Map<Fault.Kind, Integer> injected = new EnumMap<>(Fault.Kind.class);

	private final Map<Long, Integer> randomRepeats = new HashMap<>();

	private @Nullable RandomFaults random;

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
	 * Arm random faults, in place of any armed before, until {@link #clear()}.
	 * @param faults the random faults
	 * @return this registry
	 */
	public Faults injectRandom(RandomFaults faults) {
		Objects.requireNonNull(faults, "faults");
		synchronized (this.entries) {
			this.random = faults;
			this.randomRepeats.clear();
		}
		return this;
	}

	/**
	 * Remove every fault, the random ones too, and forget the {@link #injected() counts}.
	 */
	public void clear() {
		synchronized (this.entries) {
			this.entries.clear();
			this.random = null;
			this.randomRepeats.clear();
			this.injected.clear();
		}
	}

	/**
	 * How many faults of each kind were applied to calls, injected or random, since the
	 * last {@link #clear()}.
	 * @return the counts, by kind; kinds never applied are left out
	 */
	public Map<Fault.Kind, Integer> injected() {
		synchronized (this.entries) {
			return Map.copyOf(this.injected);
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
	 * pending non-latency fault, each consumed once; without a non-latency fault, the
	 * random fault drawn for the call, if any.
	 * @param faultKeys endpoint ids the call matches
	 * @param request hash of the call's endpoint, query and body, for random faults
	 * @return the faults to apply, latency first
	 */
	List<Fault> take(List<String> faultKeys, long request) {
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
			if (terminal == null && this.random != null) {
				int repeat = this.randomRepeats.merge(request, 1, Integer::sum) - 1;
				terminal = this.random.draw(faultKeys, request, repeat);
			}
			if (terminal != null) {
				result.add(terminal);
			}
			result.forEach((fault) -> this.injected.merge(fault.kind(), 1, Integer::sum));
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
