package io.github.triggerspring.deployments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The deployment that {@code deployments.promote} made current.
 *
 * @param id deployment id
 * @param version the promoted version
 * @param shortCode short code of the deployment
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromotedDeployment(String id, String version, String shortCode) {

}
