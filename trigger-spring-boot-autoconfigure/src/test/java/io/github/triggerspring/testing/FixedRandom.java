package io.github.triggerspring.testing;

import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} whose bounded draws always give the lowest or the highest
 * value of their range, so that jittered waits are exact in tests.
 *
 * @author trigger-spring-boot contributors
 */
public enum FixedRandom implements RandomGenerator {

	/** Always the lower bound: no jitter. */
	LOWEST {
		@Override
		public long nextLong(long bound) {
			return 0;
		}
	},

	/** Always the largest value below the bound: the most jitter. */
	HIGHEST {
		@Override
		public long nextLong(long bound) {
			return bound - 1;
		}
	};

	@Override
	public long nextLong() {
		throw new UnsupportedOperationException("Only bounded draws are fixed");
	}

}
