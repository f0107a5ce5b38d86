/**
 * Trigger.dev alert webhooks: signature verification and the typed event model. The
 * endpoint that publishes verified deliveries as application events is auto-configured
 * by {@code io.github.triggerspring.autoconfigure.webhooks}.
 */
@NullMarked
package io.github.triggerspring.webhooks;

import org.jspecify.annotations.NullMarked;
