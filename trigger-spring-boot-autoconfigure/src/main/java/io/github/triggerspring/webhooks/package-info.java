/**
 * Trigger.dev alert webhooks: signature verification, the typed event model and the
 * auto-configured endpoint that publishes verified deliveries as application events.
 */
@NullMarked
package io.github.triggerspring.webhooks;

import org.jspecify.annotations.NullMarked;
