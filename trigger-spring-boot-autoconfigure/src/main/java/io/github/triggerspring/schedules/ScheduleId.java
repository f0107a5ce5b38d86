package io.github.triggerspring.schedules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of the {@code schedules.del} response.
 *
 * @param id id of the deleted schedule
 * @author trigger-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScheduleId(String id) {

}
