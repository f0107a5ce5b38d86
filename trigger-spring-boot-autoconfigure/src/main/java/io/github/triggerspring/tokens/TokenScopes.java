package io.github.triggerspring.tokens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.triggerspring.error.TriggerValidationException;

/**
 * What a public access token may do: its scopes (the SDK's {@code flattenScopes}
 * grammar, for example {@code read:runs:run_1}, {@code read:tags},
 * {@code trigger:tasks:send-email}), whether it is for one use only ({@code otu}) and
 * the columns realtime streams leave out for it ({@code realtime.skipColumns}).
 *
 * @param scopes the scopes, in the order they were added, without duplicates
 * @param oneTimeUse whether the token may be used once only
 * @param skipColumns run columns that realtime streams leave out, empty for none
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record TokenScopes(List<String> scopes, boolean oneTimeUse, List<String> skipColumns) {

	/**
	 * Copies the lists.
	 * @param scopes the scopes
	 * @param oneTimeUse whether the token is for one use
	 * @param skipColumns the skipped columns
	 */
	public TokenScopes {
		scopes = List.copyOf(scopes);
		skipColumns = List.copyOf(skipColumns);
	}

	/**
	 * Starts a set of scopes.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Scopes written out, for example {@code "read:runs:run_1"}.
	 * @param scopes the scopes
	 * @return the scopes, for a token of many uses
	 */
	public static TokenScopes of(String... scopes) {
		return new TokenScopes(List.of(scopes), false, List.of());
	}

	/**
	 * Builder of {@link TokenScopes}. A blank id yields a scope that ends with
	 * {@code :}, which the call that mints the token refuses with a
	 * {@link TriggerValidationException}.
	 */
	public static final class Builder {

		private final Set<String> scopes = new LinkedHashSet<>();

		private final List<String> skipColumns = new ArrayList<>();

		private boolean oneTimeUse;

		private Builder() {
		}

		/**
		 * Read access to the given resources, for example
		 * {@code read(ScopeResource.RUNS, "run_1")} for {@code read:runs:run_1}.
		 * @param resource the kind of resource
		 * @param ids one or more ids
		 * @return this builder
		 */
		public Builder read(ScopeResource resource, String... ids) {
			return add("read", resource.wireName(), ids);
		}

		/**
		 * Read access to every resource of a kind, for example {@code read:runs}.
		 * @param resource the kind of resource
		 * @return this builder
		 */
		public Builder readAll(ScopeResource resource) {
			this.scopes.add("read:" + resource.wireName());
			return this;
		}

		/**
		 * Write access to the given resources, for example
		 * {@code write(ScopeResource.WAITPOINTS, "waitpoint_1")}.
		 * @param resource the kind of resource
		 * @param ids one or more ids
		 * @return this builder
		 */
		public Builder write(ScopeResource resource, String... ids) {
			return add("write", resource.wireName(), ids);
		}

		/**
		 * Write access to every resource of a kind, for example {@code write:waitpoints}.
		 * @param resource the kind of resource
		 * @return this builder
		 */
		public Builder writeAll(ScopeResource resource) {
			this.scopes.add("write:" + resource.wireName());
			return this;
		}

		/**
		 * Permission to trigger the given tasks ({@code trigger:tasks:<id>}).
		 * @param taskIds one or more task ids
		 * @return this builder
		 */
		public Builder triggerTasks(String... taskIds) {
			return add("trigger", "tasks", taskIds);
		}

		/**
		 * Permission to batch-trigger the given tasks ({@code batchTrigger:tasks:<id>}).
		 * @param taskIds one or more task ids
		 * @return this builder
		 */
		public Builder batchTriggerTasks(String... taskIds) {
			return add("batchTrigger", "tasks", taskIds);
		}

		/**
		 * Makes the token good for one use only (claim {@code otu: true}).
		 * @return this builder
		 */
		public Builder oneTimeUse() {
			this.oneTimeUse = true;
			return this;
		}

		/**
		 * Run columns that realtime streams leave out for this token (claim
		 * {@code realtime.skipColumns}), for example {@code payload} and {@code output}.
		 * @param columns the columns
		 * @return this builder
		 */
		public Builder skipColumns(String... columns) {
			this.skipColumns.addAll(List.of(columns));
			return this;
		}

		/**
		 * Builds the scopes.
		 * @return the scopes
		 */
		public TokenScopes build() {
			return new TokenScopes(List.copyOf(this.scopes), this.oneTimeUse, this.skipColumns);
		}

		private Builder add(String action, String resource, String... ids) {
			if (ids.length == 0) {
				this.scopes.add(action + ":" + resource + ":");
			}
			for (String id : ids) {
				this.scopes.add(action + ":" + resource + ":" + ((id != null) ? id.trim() : ""));
			}
			return this;
		}

	}

}
