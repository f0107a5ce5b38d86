package io.github.triggerspring.emulator;

import java.util.Map;

/**
 * A project added to the emulator with {@link TriggerEmulator#addProject(String)}: its
 * ref and generated secret keys.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class EmulatorProject {

	private final String ref;

	private final Map<EmulatedEnvironment, String> secretKeys;

	EmulatorProject(String ref, Map<EmulatedEnvironment, String> secretKeys) {
		this.ref = ref;
		this.secretKeys = Map.copyOf(secretKeys);
	}

	/**
	 * The project ref.
	 * @return the ref
	 */
	public String ref() {
		return this.ref;
	}

	/**
	 * The secret key of an environment of the project.
	 * @param environment the environment
	 * @return the key
	 */
	public String secretKey(EmulatedEnvironment environment) {
		return this.secretKeys.get(environment);
	}

	@Override
	public String toString() {
		return "EmulatorProject[" + this.ref + "]";
	}

}
