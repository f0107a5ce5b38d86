package io.github.triggerspring.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The environment of a run or deployment alert.
 *
 * @param id environment id
 * @param type {@code PRODUCTION}, {@code STAGING}, {@code DEVELOPMENT} or {@code PREVIEW}
 * @param slug environment slug, for example {@code prod}
 * @param branchName branch of a preview environment, or {@code null}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEnvironment(String id, String type, String slug, @Nullable String branchName) {

}
