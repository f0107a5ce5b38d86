package io.github.triggerspring.envvars;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code envvars.create}: one variable to create, or to overwrite if it exists.
 * {@link #toString()} hides the value.
 *
 * @param name the name, for example {@code DATABASE_URL}
 * @param value the value
 * @param isSecret whether the variable is secret (its value is then redacted when listed),
 * or {@code null} for the server's default (not secret)
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateEnvVarRequest(String name, String value, @Nullable Boolean isSecret) {

	/**
	 * A variable that is not marked secret.
	 * @param name the name
	 * @param value the value
	 * @return the request
	 */
	public static CreateEnvVarRequest of(String name, String value) {
		return new CreateEnvVarRequest(name, value, null);
	}

	/**
	 * A secret variable, whose value the API redacts when listing.
	 * @param name the name
	 * @param value the value
	 * @return the request
	 */
	public static CreateEnvVarRequest secret(String name, String value) {
		return new CreateEnvVarRequest(name, value, Boolean.TRUE);
	}

	@Override
	public String toString() {
		return "CreateEnvVarRequest[name=" + this.name + ", value=<hidden>, isSecret=" + this.isSecret + "]";
	}

}
