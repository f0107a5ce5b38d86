package io.github.triggerspring.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The organization that an alert belongs to.
 *
 * @param id organization id
 * @param slug organization slug
 * @param name organization name
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertOrganization(String id, String slug, String name) {

}
