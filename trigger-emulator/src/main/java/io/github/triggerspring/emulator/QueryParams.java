package io.github.triggerspring.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the filters and page size of a list call as the API's search-parameter schemas
 * do ({@code ApiRunListSearchParams}, {@code ApiWaitpointTokenListSearchParams}): an
 * empty value is no value ({@code if (!value) return undefined}); a list is the value
 * split on commas as sent, blanks and spaces kept, so that they match nothing; a date is
 * what {@code CoercedDate} accepts: epoch milliseconds or an ISO 8601 date or date-time.
 * A value it cannot read is a 400 {@code Query Error} naming the parameter.
 *
 * @author trigger-spring-boot contributors
 */
final class QueryParams {

	/** Largest page size of the cursor-paged lists. */
	static final int MAX_PAGE_SIZE = 100;

	private final ApiCall call;

	QueryParams(ApiCall call) {
		this.call = call;
	}

	/**
	 * The value of a parameter.
	 * @param name the parameter
	 * @return the value, {@code null} when the parameter is absent or empty
	 */
	@Nullable String text(String name) {
		String value = this.call.queryParam(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * The comma-separated values of a parameter, as the server's
	 * {@code value.split(",")} gives them: not trimmed, blanks kept.
	 * @param name the parameter
	 * @return the distinct values in order, {@code null} when the parameter is absent or
	 * empty
	 */
	@Nullable Set<String> values(String name) {
		String value = text(name);
		return (value != null) ? new LinkedHashSet<>(List.of(value.split(",", -1))) : null;
	}

	/**
	 * The comma-separated values of a parameter that takes a fixed set of them, such as
	 * {@code filter[status]}.
	 * @param name the parameter
	 * @param allowed the values it takes
	 * @param noun what the values are, {@code status} for example
	 * @return the distinct values in order, {@code null} when the parameter is absent or
	 * empty
	 * @throws ApiError 400 {@code Query Error} naming every value not allowed, as
	 * {@code Invalid status values: NOPE, done}
	 */
	@Nullable Set<String> values(String name, Set<String> allowed, String noun) {
		Set<String> values = values(name);
		if (values == null) {
			return null;
		}
		List<String> invalid = values.stream().filter((value) -> !allowed.contains(value)).toList();
		if (!invalid.isEmpty()) {
			throw ApiError.query(name, "Invalid " + noun + " values: " + String.join(", ", invalid));
		}
		return values;
	}

	/**
	 * A date parameter as {@code CoercedDate} reads it: whole epoch milliseconds within a
	 * JavaScript {@code Date}'s range, or an ISO 8601 date-time with an offset, or a date
	 * (midnight UTC). A date-time without an offset, which the server reads in its own
	 * time zone, is refused.
	 * @param name the parameter
	 * @return the instant, {@code null} when the parameter is absent or empty
	 * @throws ApiError 400 {@code Query Error} "Invalid date" otherwise
	 */
	@Nullable Instant date(String name) {
		String value = text(name);
		if (value == null) {
			return null;
		}
		try {
			if (value.matches("-?\\d+")) {
				long millis = Long.parseLong(value);
				if (Math.abs(millis) > EmulatorState.MAX_DURATION.toMillis()) {
					throw ApiError.query(name, "Invalid date");
				}
				return Instant.ofEpochMilli(millis);
			}
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw ApiError.query(name, "Invalid date");
		}
	}

	/**
	 * The {@code page[size]} of a cursor-paged list: 1 to 100.
	 * @param defaultSize the size without the parameter
	 * @return the page size
	 * @throws ApiError 400 {@code Query Error} for anything else
	 */
	int pageSize(int defaultSize) {
		String value = this.call.queryParam("page[size]");
		if (value == null) {
			return defaultSize;
		}
		int size = ApiCall.queryInt("page[size]", value);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw ApiError.query("page[size]", "Number must be between 1 and " + MAX_PAGE_SIZE);
		}
		return size;
	}

}
