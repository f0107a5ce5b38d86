package io.github.triggerspring.tasks;

/**
 * Machine presets a run can ask for.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum Machine {

	/** 0.25 vCPU, 0.25 GB. */
	MICRO("micro"),

	/** 0.5 vCPU, 0.5 GB. */
	SMALL_1X("small-1x"),

	/** 1 vCPU, 1 GB. */
	SMALL_2X("small-2x"),

	/** 1 vCPU, 2 GB. */
	MEDIUM_1X("medium-1x"),

	/** 2 vCPU, 4 GB. */
	MEDIUM_2X("medium-2x"),

	/** 4 vCPU, 8 GB. */
	LARGE_1X("large-1x"),

	/** 8 vCPU, 16 GB. */
	LARGE_2X("large-2x");

	private final String wireValue;

	Machine(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Value sent to the API, for example {@code small-1x}.
	 * @return the wire value
	 */
	public String wireValue() {
		return this.wireValue;
	}

}
