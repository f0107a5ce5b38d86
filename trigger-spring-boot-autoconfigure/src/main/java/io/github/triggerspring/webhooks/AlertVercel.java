package io.github.triggerspring.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Vercel metadata of a deployment.
 *
 * @param deploymentUrl URL of the Vercel deployment
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertVercel(String deploymentUrl) {

}
