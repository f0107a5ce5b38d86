package io.github.triggerspring.envvars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code envvars.upload}: several variables imported at once. Build one with
 * {@link #builder()} or {@link #fromDotEnv(String)}. {@link #toString()} shows names only.
 *
 * @param variables the variables by name, in order
 * @param override whether existing variables are overwritten, or {@code null} for the
 * server's default (they are not)
 * @param isSecret whether the variables are secret, or {@code null} for the server's
 * default (not secret)
 * @param parentVariables variables written to the parent {@code preview} environment when
 * the target is a preview branch, or {@code null} for none
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVarUpload(Map<String, String> variables, @Nullable Boolean override, @Nullable Boolean isSecret,
		@Nullable Map<String, String> parentVariables) {

	/**
	 * Copies the maps, keeping their order.
	 * @param variables the variables
	 * @param override whether existing variables are overwritten
	 * @param isSecret whether the variables are secret
	 * @param parentVariables the parent environment's variables
	 */
	public EnvVarUpload {
		variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
		parentVariables = (parentVariables != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(parentVariables))
				: null;
	}

	/**
	 * Starts an empty upload.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts an upload with the variables of a {@code .env} file: {@code KEY=VALUE} lines,
	 * blank lines and {@code #} comments, an optional {@code export} prefix, and values
	 * optionally in single quotes (taken literally) or double quotes (with {@code \n},
	 * {@code \r}, {@code \t}, {@code \"} and {@code \\} escapes, and which may span lines).
	 * An unquoted value ends at a {@code #} preceded by whitespace. A later line wins over
	 * an earlier one with the same name.
	 * @param text the content of the file
	 * @return a builder holding the variables
	 * @throws TriggerValidationException if a line is not a valid assignment; the
	 * message names the line, never a value
	 */
	public static Builder fromDotEnv(String text) {
		return new Builder().variables(DotEnvParser.parse(text));
	}

	void validate() {
		if (this.variables.isEmpty()) {
			throw new TriggerValidationException("variables",
					"must hold at least one variable. Add variables with EnvVarUpload.Builder.variable(name, value) or read them with EnvVarUpload.fromDotEnv(text).");
		}
		checkNames(this.variables, "variables");
		if (this.parentVariables != null) {
			checkNames(this.parentVariables, "parentVariables");
		}
	}

	private static void checkNames(Map<String, String> variables, String field) {
		if (variables.keySet().stream().anyMatch(String::isBlank)) {
			throw new TriggerValidationException(field, "contains a variable with a blank name. Give every variable a name.");
		}
	}

	@Override
	public String toString() {
		return "EnvVarUpload[variables=" + this.variables.keySet() + ", override=" + this.override + ", isSecret="
				+ this.isSecret + ", parentVariables="
				+ ((this.parentVariables != null) ? this.parentVariables.keySet() : null) + "]";
	}

	/**
	 * Builder of {@link EnvVarUpload}.
	 */
	public static final class Builder {

		private final Map<String, String> variables = new LinkedHashMap<>();

		private final Map<String, String> parentVariables = new LinkedHashMap<>();

		private @Nullable Boolean override;

		private @Nullable Boolean isSecret;

		private Builder() {
		}

		/**
		 * Adds a variable, replacing one of the same name.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder variable(String name, String value) {
			this.variables.put(name, value);
			return this;
		}

		/**
		 * Adds variables, replacing those of the same names.
		 * @param variables the variables by name
		 * @return this builder
		 */
		public Builder variables(Map<String, String> variables) {
			this.variables.putAll(variables);
			return this;
		}

		/**
		 * Whether variables that already exist are overwritten ({@code override}); the
		 * server's default is not to.
		 * @param override whether to overwrite
		 * @return this builder
		 */
		public Builder override(boolean override) {
			this.override = override;
			return this;
		}

		/**
		 * Whether the variables are secret ({@code isSecret}), so that their values are
		 * redacted when listed.
		 * @param secret whether the variables are secret
		 * @return this builder
		 */
		public Builder secret(boolean secret) {
			this.isSecret = secret;
			return this;
		}

		/**
		 * Adds a variable for the parent {@code preview} environment
		 * ({@code parentVariables}), written when the target is a preview branch.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder parentVariable(String name, String value) {
			this.parentVariables.put(name, value);
			return this;
		}

		/**
		 * Builds the upload.
		 * @return the upload
		 */
		public EnvVarUpload build() {
			return new EnvVarUpload(this.variables, this.override, this.isSecret,
					this.parentVariables.isEmpty() ? null : this.parentVariables);
		}

	}

}
