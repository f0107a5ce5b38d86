package io.github.triggerspring.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * Faults drawn at random from a seed, for load and fault tests, armed with
 * {@link Faults#injectRandom(RandomFaults)}. Each call of a matching endpoint that no
 * {@link Faults#inject injected fault} applies to gets, with the given probability, one
 * fault of the mix. Immutable.
 * <p>
 * The draw for a call depends only on the seed, the call's endpoint, query and body,
 * and how many calls with the same endpoint, query and body came before it: not on the
 * order in which concurrent calls arrive, so the same seed and the same calls replay the
 * same faults. The retries of one call are further calls with the same body, so each of
 * them gets a draw of its own.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class RandomFaults {

	/** Default of {@link #probability()}. */
	public static final double DEFAULT_PROBABILITY = 0.2;

	private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

	private final long seed;

	private final double probability;

	private final List<Fault> faults;

	private final Set<String> endpointIds;

	private RandomFaults(long seed, double probability, List<Fault> faults, Set<String> endpointIds) {
		this.seed = seed;
		this.probability = probability;
		this.faults = faults;
		this.endpointIds = endpointIds;
	}

	/**
	 * Random faults from a seed, on every endpoint, with a probability of
	 * {@value #DEFAULT_PROBABILITY} and a mix of every kind that costs no time: 500,
	 * 502, 503, a rate limit that resets after 100 ms, a connection dropped before and
	 * after handling, and a truncated body.
	 * @param seed the seed; print it, so that a run can be replayed
	 * @return the random faults
	 */
	public static RandomFaults seeded(long seed) {
		return new RandomFaults(seed, DEFAULT_PROBABILITY,
				List.of(Fault.status(500), Fault.status(502), Fault.status(503),
						Fault.rateLimited(Duration.ofMillis(100)), Fault.dropConnection(),
						Fault.dropConnectionAfterHandling(), Fault.truncatedBody()),
				Set.of());
	}

	/**
	 * Copy with another probability that a call gets a fault.
	 * @param probability between 0 and 1
	 * @return the random faults
	 */
	public RandomFaults probability(double probability) {
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability must be between 0 and 1, but was " + probability);
		}
		return new RandomFaults(this.seed, probability, this.faults, this.endpointIds);
	}

	/**
	 * Copy with another mix of faults, drawn with equal chances; a fault's
	 * {@link Fault#times()} does not apply.
	 * @param faults the faults, at least one
	 * @return the random faults
	 */
	public RandomFaults faults(Fault... faults) {
		if (faults.length == 0) {
			throw new IllegalArgumentException("At least one fault is needed");
		}
		return new RandomFaults(this.seed, this.probability, List.copyOf(Arrays.asList(faults)), this.endpointIds);
	}

	/**
	 * Copy that injects faults into calls of the given endpoints only.
	 * @param endpoints the endpoints, at least one
	 * @return the random faults
	 */
	public RandomFaults endpoints(EmulatorEndpoint... endpoints) {
		if (endpoints.length == 0) {
			throw new IllegalArgumentException("At least one endpoint is needed");
		}
		Set<String> ids = new LinkedHashSet<>();
		for (EmulatorEndpoint endpoint : endpoints) {
			ids.add(Objects.requireNonNull(endpoint, "endpoint").id());
		}
		return new RandomFaults(this.seed, this.probability, this.faults, Set.copyOf(ids));
	}

	/**
	 * The seed.
	 * @return the seed
	 */
	public long seed() {
		return this.seed;
	}

	/**
	 * The probability that a call gets a fault.
	 * @return the probability
	 */
	public double probability() {
		return this.probability;
	}

	/**
	 * The mix of faults.
	 * @return the faults
	 */
	public List<Fault> faults() {
		return this.faults;
	}

	/**
	 * The fault, if any, for one call.
	 * @param faultKeys the endpoint ids the call matches
	 * @param request hash of the call's endpoint, query and body
	 * @param repeat how many calls with the same hash came before
	 * @return the fault, or {@code null}
	 */
	@Nullable Fault draw(List<String> faultKeys, long request, int repeat) {
		if (faultKeys.isEmpty()
				|| (!this.endpointIds.isEmpty() && faultKeys.stream().noneMatch(this.endpointIds::contains))) {
			return null;
		}
		SplittableRandom random = new SplittableRandom(this.seed ^ (request * GOLDEN_GAMMA) ^ (repeat + 1L));
		if (random.nextDouble() >= this.probability) {
			return null;
		}
		return this.faults.get(random.nextInt(this.faults.size()));
	}

	@Override
	public String toString() {
		return "RandomFaults[seed=" + this.seed + ", probability=" + this.probability + ", faults=" + this.faults
				+ ((this.endpointIds.isEmpty()) ? "" : ", endpoints=" + this.endpointIds) + "]";
	}

}
