package io.github.triggerspring.envvars;

/**
 * Body of {@code envvars.update}.
 *
 * @param value the new value
 * @author trigger-spring-boot contributors
 */
record EnvVarValue(String value) {

	@Override
	public String toString() {
		return "EnvVarValue[value=<hidden>]";
	}

}
