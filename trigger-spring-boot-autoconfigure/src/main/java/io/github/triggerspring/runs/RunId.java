package io.github.triggerspring.runs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of the cancel and replay responses.
 *
 * @param id the run id: the canceled run, or the new run of a replay
 * @author trigger-spring-boot contributors
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RunId(String id) {

}
