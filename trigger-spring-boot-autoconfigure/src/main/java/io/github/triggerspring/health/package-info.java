/**
 * Health of the Trigger.dev API as the configured credential sees it, for Spring Boot's
 * health endpoint.
 */
@NullMarked
package io.github.triggerspring.health;

import org.jspecify.annotations.NullMarked;
