package io.github.triggerspring.schedules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of the {@code GET /api/v1/timezones} response.
 *
 * @param timezones the IANA time zone names
 * @author trigger-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Timezones(List<String> timezones) {

	Timezones {
		timezones = (timezones != null) ? List.copyOf(timezones) : List.of();
	}

}
