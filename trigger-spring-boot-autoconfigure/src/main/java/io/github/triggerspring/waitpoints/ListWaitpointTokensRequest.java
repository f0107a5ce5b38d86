package io.github.triggerspring.waitpoints;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging of {@code wait.listTokens}. Build one with {@link #builder()}.
 * Filters are sent in the SDK's order, whatever the order of the builder calls.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class ListWaitpointTokensRequest {

	private static final ListWaitpointTokensRequest ALL = builder().build();

	/** The order in which the SDK's {@code createSearchQueryForListWaitpointTokens} appends filters. */
	private static final List<String> FILTER_ORDER = List.of("filter[status]", "filter[idempotencyKey]",
			"filter[tags]", "filter[createdAt][period]", "filter[createdAt][from]", "filter[createdAt][to]");

	private final Map<String, String> filters;

	private final @Nullable Integer pageSize;

	private final @Nullable String after;

	private final @Nullable String before;

	private ListWaitpointTokensRequest(Builder builder) {
		this.filters = new LinkedHashMap<>(builder.filters);
		this.pageSize = builder.pageSize;
		this.after = builder.after;
		this.before = builder.before;
	}

	/**
	 * A request without filters.
	 * @return the request
	 */
	public static ListWaitpointTokensRequest all() {
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
	 * page size, starting after the given cursor. A {@code before} cursor is dropped: the
	 * server reads {@code page[before]} first, so keeping it would fetch the previous page
	 * again.
	 * @param cursor the {@code next} cursor of the page this request fetched
	 * @return a new request
	 */
	public ListWaitpointTokensRequest after(@Nullable String cursor) {
		Builder builder = toBuilder();
		builder.after = cursor;
		builder.before = null;
		return builder.build();
	}

	/**
	 * The request for the page before a page fetched with this request: same filters and
	 * page size, ending before the given cursor.
	 * @param cursor the {@code previous} cursor of the page this request fetched
	 * @return a new request
	 */
	public ListWaitpointTokensRequest before(@Nullable String cursor) {
		Builder builder = toBuilder();
		builder.after = null;
		builder.before = cursor;
		return builder.build();
	}

	private Builder toBuilder() {
		Builder builder = new Builder();
		builder.filters.putAll(this.filters);
		builder.pageSize = this.pageSize;
		builder.after = this.after;
		builder.before = this.before;
		return builder;
	}

	/**
	 * Query parameters in the SDK's order: the filters, then {@code page[size]},
	 * {@code page[after]} and {@code page[before]}. Unset parameters are {@code null} and
	 * not sent.
	 */
	Map<String, @Nullable String> query() {
		Map<String, @Nullable String> query = new LinkedHashMap<>();
		for (String name : FILTER_ORDER) {
			query.put(name, this.filters.get(name));
		}
		query.put("page[size]", (this.pageSize != null) ? this.pageSize.toString() : null);
		query.put("page[after]", this.after);
		query.put("page[before]", this.before);
		return query;
	}

	void validate() {
		TriggerValidationException.checkPageSize(this.pageSize, "pageSize");
	}

	/**
	 * Builder of {@link ListWaitpointTokensRequest}. Filters that take several values
	 * match any of them.
	 */
	public static final class Builder {

		private final Map<String, String> filters = new LinkedHashMap<>();

		private @Nullable Integer pageSize;

		private @Nullable String after;

		private @Nullable String before;

		private Builder() {
		}

		/**
		 * Only tokens with one of these statuses ({@code filter[status]}).
		 * @param statuses the statuses
		 * @return this builder
		 */
		public Builder status(WaitpointTokenStatus... statuses) {
			return filter("filter[status]", Arrays.stream(statuses).map(WaitpointTokenStatus::value).toList());
		}

		/**
		 * Only tokens created with this idempotency key ({@code filter[idempotencyKey]}).
		 * @param idempotencyKey the key, as it was given to {@code createToken}
		 * @return this builder
		 */
		public Builder idempotencyKey(String idempotencyKey) {
			return filter("filter[idempotencyKey]", List.of(idempotencyKey));
		}

		/**
		 * Only tokens with at least one of these tags ({@code filter[tags]}).
		 * @param tags the tags
		 * @return this builder
		 */
		public Builder tags(String... tags) {
			return filter("filter[tags]", List.of(tags));
		}

		/**
		 * Only tokens created within this period before now
		 * ({@code filter[createdAt][period]}), for example {@code 1h} or {@code 7d}.
		 * @param period the period
		 * @return this builder
		 */
		public Builder period(String period) {
			return filter("filter[createdAt][period]", List.of(period));
		}

		/**
		 * Only tokens created at or after this instant ({@code filter[createdAt][from]},
		 * sent in epoch milliseconds, as the SDK sends it).
		 * @param from the lower bound
		 * @return this builder
		 */
		public Builder from(Instant from) {
			return filter("filter[createdAt][from]", List.of(Long.toString(from.toEpochMilli())));
		}

		/**
		 * Only tokens created at or before this instant ({@code filter[createdAt][to]},
		 * sent in epoch milliseconds).
		 * @param to the upper bound
		 * @return this builder
		 */
		public Builder to(Instant to) {
			return filter("filter[createdAt][to]", List.of(Long.toString(to.toEpochMilli())));
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

		private Builder filter(String name, List<String> values) {
			if (values.isEmpty()) {
				this.filters.remove(name);
			}
			else {
				this.filters.put(name, String.join(",", values));
			}
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ListWaitpointTokensRequest build() {
			return new ListWaitpointTokensRequest(this);
		}

	}

}
