package io.github.triggerspring.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The project that an alert belongs to.
 *
 * @param id project id
 * @param ref project ref ({@code proj_…})
 * @param slug project slug
 * @param name project name
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertProject(String id, String ref, String slug, String name) {

}
