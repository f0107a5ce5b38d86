package io.github.triggerspring.deployments;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.triggerspring.error.TriggerValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging of {@code deployments.list}, with the SDK's option names: a
 * {@code cursor} is sent as {@code page[after]} and a {@code limit} as
 * {@code page[size]}. Build one with {@link #builder()}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class ListDeploymentsRequest {

	/** Smallest page size the server uses; it raises smaller ones to this. */
	public static final int MIN_LIMIT = 5;

	/** Largest page size. */
	public static final int MAX_LIMIT = 100;

	private static final ListDeploymentsRequest ALL = builder().build();

	/** As JavaScript's {@code toISOString()}: UTC with milliseconds. */
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final @Nullable DeploymentStatus status;

	private final @Nullable String period;

	private final @Nullable Instant from;

	private final @Nullable Instant to;

	private final @Nullable Integer limit;

	private final @Nullable String cursor;

	private ListDeploymentsRequest(Builder builder) {
		this.status = builder.status;
		this.period = builder.period;
		this.from = builder.from;
		this.to = builder.to;
		this.limit = builder.limit;
		this.cursor = builder.cursor;
	}

	/**
	 * A request without filters.
	 * @return the request
	 */
	public static ListDeploymentsRequest all() {
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
	 * limit, starting after the given cursor.
	 * @param cursor the {@code next} cursor of the page this request fetched
	 * @return a new request
	 */
	public ListDeploymentsRequest after(@Nullable String cursor) {
		Builder builder = new Builder();
		builder.status = this.status;
		builder.period = this.period;
		builder.from = this.from;
		builder.to = this.to;
		builder.limit = this.limit;
		builder.cursor = cursor;
		return builder.build();
	}

	/**
	 * Query parameters in the order in which the SDK sends them: the filters, then
	 * {@code page[size]} and {@code page[after]}. Unset parameters are {@code null} and
	 * not sent.
	 */
	Map<String, @Nullable String> query() {
		if (this.limit != null && (this.limit < MIN_LIMIT || this.limit > MAX_LIMIT)) {
			throw new TriggerValidationException("limit", "must be between " + MIN_LIMIT + " and " + MAX_LIMIT
					+ ", but was " + this.limit + ". Use a page size from " + MIN_LIMIT + " to " + MAX_LIMIT + ".");
		}
		if (this.to != null && this.from == null) {
			throw new TriggerValidationException("to", "is applied by the server only together with 'from'. Set"
					+ " from(...) too, or use period(...).");
		}
		Map<String, @Nullable String> query = new LinkedHashMap<>();
		query.put("status", (this.status != null) ? this.status.value() : null);
		query.put("period", this.period);
		query.put("from", (this.from != null) ? ISO.format(this.from) : null);
		query.put("to", (this.to != null) ? ISO.format(this.to) : null);
		query.put("page[size]", (this.limit != null) ? this.limit.toString() : null);
		query.put("page[after]", this.cursor);
		return query;
	}

	/**
	 * Builder of {@link ListDeploymentsRequest}.
	 */
	public static final class Builder {

		private @Nullable DeploymentStatus status;

		private @Nullable String period;

		private @Nullable Instant from;

		private @Nullable Instant to;

		private @Nullable Integer limit;

		private @Nullable String cursor;

		private Builder() {
		}

		/**
		 * Only deployments with this status ({@code status}).
		 * @param status the status
		 * @return this builder
		 */
		public Builder status(DeploymentStatus status) {
			this.status = status;
			return this;
		}

		/**
		 * Only deployments created within this period before now ({@code period}), for
		 * example {@code 7d} or {@code 3h}.
		 * @param period the period
		 * @return this builder
		 */
		public Builder period(String period) {
			this.period = period;
			return this;
		}

		/**
		 * Only deployments created at or after this instant ({@code from}, ISO 8601).
		 * @param from the lower bound
		 * @return this builder
		 */
		public Builder from(Instant from) {
			this.from = from;
			return this;
		}

		/**
		 * Only deployments created at or before this instant ({@code to}, ISO 8601); the
		 * server applies it only together with {@link #from(Instant)}.
		 * @param to the upper bound
		 * @return this builder
		 */
		public Builder to(Instant to) {
			this.to = to;
			return this;
		}

		/**
		 * Deployments per page ({@code page[size]}), from 5 to 100; the server's default
		 * is 20.
		 * @param limit the page size
		 * @return this builder
		 */
		public Builder limit(int limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Start after this cursor ({@code page[after]}), a deployment id.
		 * @param cursor the cursor
		 * @return this builder
		 */
		public Builder cursor(String cursor) {
			this.cursor = cursor;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ListDeploymentsRequest build() {
			return new ListDeploymentsRequest(this);
		}

	}

}
