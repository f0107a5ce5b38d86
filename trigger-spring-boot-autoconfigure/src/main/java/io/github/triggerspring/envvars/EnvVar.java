package io.github.triggerspring.envvars;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An environment variable of a project environment, as listed or retrieved.
 * {@link #toString()} hides the value.
 *
 * @param name the name, for example {@code DATABASE_URL}
 * @param value the value; the server redacts the values of secret variables
 * @param isSecret whether the variable is secret
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnvVar(String name, String value, boolean isSecret) {

	@Override
	public String toString() {
		return "EnvVar[name=" + this.name + ", value=<hidden>, isSecret=" + this.isSecret + "]";
	}

}
