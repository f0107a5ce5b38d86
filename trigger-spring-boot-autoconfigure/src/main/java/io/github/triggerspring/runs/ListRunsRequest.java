package io.github.triggerspring.runs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging of {@code runs.list}. Build one with {@link #builder()}.
 * <p>
 * With a secret key the list covers the key's environment. With a personal access token
 * (or {@link Builder#projectWide()} when both credentials are configured) it covers the
 * whole project, filtered on the request's environments, else {@code trigger.environment}.
 * Filters are sent in the SDK's order, whatever the order of the builder calls.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class ListRunsRequest {

	private static final ListRunsRequest ALL = builder().build();

	/** The order in which the SDK's {@code createSearchQueryForListRuns} appends filters. */
	private static final List<String> FILTER_ORDER = List.of("filter[status]", "filter[taskIdentifier]",
			"filter[version]", "filter[bulkAction]", "filter[tag]", "filter[schedule]", "filter[isTest]",
			"filter[createdAt][from]", "filter[createdAt][to]", "filter[createdAt][period]", "filter[batch]",
			"filter[queue]", "filter[machine]", "filter[region]");

	private final Map<String, @Nullable String> filters;

	private final @Nullable Integer pageSize;

	private final @Nullable String after;

	private final @Nullable String before;

	private final boolean projectWide;

	private final List<TriggerEnvironment> environments;

	private ListRunsRequest(Builder builder) {
		this.filters = new LinkedHashMap<>(builder.filters);
		this.pageSize = builder.pageSize;
		this.after = builder.after;
		this.before = builder.before;
		this.projectWide = builder.projectWide;
		this.environments = List.copyOf(builder.environments);
	}

	/**
	 * A request without filters.
	 * @return the request
	 */
	public static ListRunsRequest all() {
		return ALL;
	}

	/**
	 * Starts a request.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The request for the page after a page fetched with this request: same filters and
	 * page size, starting after the given cursor. A {@code before} cursor is dropped,
	 * unlike in the SDK's {@code getNextPage()}: the server reads {@code page[before]}
	 * first, so keeping it would fetch the previous page again.
	 * @param cursor the {@code next} cursor of the page this request fetched
	 * @return a new request
	 */
	public ListRunsRequest after(@Nullable String cursor) {
		Builder builder = toBuilder();
		builder.after = cursor;
		builder.before = null;
		return builder.build();
	}

	/**
	 * The request for the page before a page fetched with this request, as the SDK's
	 * {@code getPreviousPage()} builds it: this request's parameters, including its
	 * {@code after} cursor, plus {@code page[before]}. The server reads
	 * {@code page[before]} first, so the {@code after} cursor that is also sent has no
	 * effect.
	 * <pre class="code">
	 * CursorPage&lt;RunSummary&gt; page = runs.listPage(request).block();
	 * runs.listPage(request.before(page.previous()));
	 * </pre>
	 * @param cursor the {@code previous} cursor of the page this request fetched
	 * @return a new request
	 */
	public ListRunsRequest before(@Nullable String cursor) {
		Builder builder = toBuilder();
		builder.before = cursor;
		return builder.build();
	}

	private Builder toBuilder() {
		Builder builder = new Builder();
		builder.filters.putAll(this.filters);
		builder.pageSize = this.pageSize;
		builder.after = this.after;
		builder.before = this.before;
		builder.projectWide = this.projectWide;
		builder.environments = this.environments;
		return builder;
	}

	AuthOptions authOptions() {
		return new AuthOptions(this.projectWide ? CredentialKind.PERSONAL_ACCESS_TOKEN : null,
				this.environments.isEmpty() ? null : this.environments.get(0), null);
	}

	/**
	 * Query parameters in the SDK's order: the filters, {@code filter[env]} for a
	 * project-wide list, then {@code page[size]}, {@code page[after]} and
	 * {@code page[before]}. Unset parameters are {@code null} and not sent.
	 * @param environment the environment the call was authorized for, {@code null} for an
	 * environment-wide list
	 */
	Map<String, @Nullable String> query(@Nullable TriggerEnvironment environment) {
		Map<String, @Nullable String> query = new LinkedHashMap<>();
		for (String name : FILTER_ORDER) {
			query.put(name, this.filters.get(name));
		}
		if (environment != null) {
			Set<String> slugs = new LinkedHashSet<>();
			slugs.add(environment.slug());
			this.environments.forEach((other) -> slugs.add(other.slug()));
			query.put("filter[env]", String.join(",", slugs));
		}
		query.put("page[size]", (this.pageSize != null) ? this.pageSize.toString() : null);
		query.put("page[after]", this.after);
		query.put("page[before]", this.before);
		return query;
	}

	/**
	 * Builder of {@link ListRunsRequest}. Filters that take several values match any of
	 * them.
	 */
	public static final class Builder {

		private final Map<String, @Nullable String> filters = new LinkedHashMap<>();

		private @Nullable Integer pageSize;

		private @Nullable String after;

		private @Nullable String before;

		private boolean projectWide;

		private List<TriggerEnvironment> environments = List.of();

		private Builder() {
		}

		/**
		 * Only runs with one of these statuses ({@code filter[status]}).
		 * @param statuses the statuses
		 * @return this builder
		 */
		public Builder status(RunStatus... statuses) {
			return filter("filter[status]", List.of(statuses).stream().map(RunStatus::value).toList());
		}

		/**
		 * Only runs of these tasks ({@code filter[taskIdentifier]}).
		 * @param taskIdentifiers the task ids
		 * @return this builder
		 */
		public Builder taskIdentifier(String... taskIdentifiers) {
			return filter("filter[taskIdentifier]", List.of(taskIdentifiers));
		}

		/**
		 * Only runs of these deployed versions ({@code filter[version]}).
		 * @param versions the versions
		 * @return this builder
		 */
		public Builder version(String... versions) {
			return filter("filter[version]", List.of(versions));
		}

		/**
		 * Only runs with one of these tags ({@code filter[tag]}).
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tag(String... tags) {
			return filter("filter[tag]", List.of(tags));
		}

		/**
		 * Only runs triggered by this schedule ({@code filter[schedule]}).
		 * @param scheduleId the schedule id
		 * @return this builder
		 */
		public Builder schedule(String scheduleId) {
			return filter("filter[schedule]", List.of(scheduleId));
		}

		/**
		 * Only test runs, or only non-test runs ({@code filter[isTest]}).
		 * @param isTest whether to list test runs
		 * @return this builder
		 */
		public Builder isTest(boolean isTest) {
			return filter("filter[isTest]", List.of(Boolean.toString(isTest)));
		}

		/**
		 * Only runs created at or after this instant ({@code filter[createdAt][from]}, sent
		 * in epoch milliseconds).
		 * @param from the lower bound
		 * @return this builder
		 */
		public Builder from(Instant from) {
			return filter("filter[createdAt][from]", List.of(Long.toString(from.toEpochMilli())));
		}

		/**
		 * Only runs created at or before this instant ({@code filter[createdAt][to]}, sent
		 * in epoch milliseconds).
		 * @param to the upper bound
		 * @return this builder
		 */
		public Builder to(Instant to) {
			return filter("filter[createdAt][to]", List.of(Long.toString(to.toEpochMilli())));
		}

		/**
		 * Only runs created within this period before now ({@code filter[createdAt][period]}),
		 * for example {@code 1d} or {@code 2h}.
		 * @param period the period
		 * @return this builder
		 */
		public Builder period(String period) {
			return filter("filter[createdAt][period]", List.of(period));
		}

		/**
		 * Only runs of this batch ({@code filter[batch]}).
		 * @param batchId the batch id
		 * @return this builder
		 */
		public Builder batch(String batchId) {
			return filter("filter[batch]", List.of(batchId));
		}

		/**
		 * Only runs on these queues ({@code filter[queue]}); a task's own queue is named
		 * {@code task/<taskId>}.
		 * @param queues the queue names
		 * @return this builder
		 */
		public Builder queue(String... queues) {
			return filter("filter[queue]", List.of(queues));
		}

		/**
		 * Only runs on these machine presets ({@code filter[machine]}).
		 * @param machines the machine presets, for example {@code small-1x}
		 * @return this builder
		 */
		public Builder machine(String... machines) {
			return filter("filter[machine]", List.of(machines));
		}

		/**
		 * Only runs in these regions ({@code filter[region]}).
		 * @param regions the regions
		 * @return this builder
		 */
		public Builder region(String... regions) {
			return filter("filter[region]", List.of(regions));
		}

		/**
		 * Items per page ({@code page[size]}), from 1 to 100; the server's default is 25.
		 * @param pageSize the page size
		 * @return this builder
		 */
		public Builder pageSize(int pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/**
		 * Start after this cursor ({@code page[after]}).
		 * @param cursor the cursor
		 * @return this builder
		 */
		public Builder after(String cursor) {
			this.after = cursor;
			return this;
		}

		/**
		 * End before this cursor ({@code page[before]}).
		 * @param cursor the cursor
		 * @return this builder
		 */
		public Builder before(String cursor) {
			this.before = cursor;
			return this;
		}

		/**
		 * List the whole project's runs with the personal access token, even when a secret
		 * key is configured too.
		 * @return this builder
		 */
		public Builder projectWide() {
			this.projectWide = true;
			return this;
		}

		/**
		 * Environment whose runs a project-wide (access-token) list returns, instead of
		 * {@code trigger.environment}.
		 * @param environment the environment
		 * @return this builder
		 */
		public Builder environment(TriggerEnvironment environment) {
			this.environments = List.of(environment);
			return this;
		}

		/**
		 * Environments whose runs a project-wide list returns, sent together as
		 * {@code filter[env]=dev,prod}; the list uses the personal access token. The
		 * server accepts several environments but, as of the API reference, lists the runs
		 * of the first one it finds only, so list each environment on its own to get all of
		 * them.
		 * @param environments the environments, the first one deciding the credential's
		 * target (and the preview branch)
		 * @return this builder
		 */
		public Builder environments(TriggerEnvironment... environments) {
			this.environments = List.of(environments);
			this.projectWide = true;
			return this;
		}

		/**
		 * Only runs of this bulk action ({@code filter[bulkAction]}).
		 * @param bulkActionId the bulk action id
		 * @return this builder
		 */
		public Builder bulkAction(String bulkActionId) {
			return filter("filter[bulkAction]", List.of(bulkActionId));
		}

		private Builder filter(String name, List<String> values) {
			this.filters.put(name, values.isEmpty() ? null : values.stream().collect(Collectors.joining(",")));
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ListRunsRequest build() {
			return new ListRunsRequest(this);
		}

	}

	void validate() {
		TriggerValidationException.checkPageSize(this.pageSize, "pageSize");
	}

}
