/**
 * Auto-configuration of the Trigger.dev alert webhook endpoint, for WebFlux and servlet
 * applications.
 */
@NullMarked
package io.github.triggerspring.autoconfigure.webhooks;

import org.jspecify.annotations.NullMarked;
