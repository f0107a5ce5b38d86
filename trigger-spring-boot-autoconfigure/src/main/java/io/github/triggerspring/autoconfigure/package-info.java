/**
 * Auto-configuration for the Trigger.dev clients.
 */
@NullMarked
package io.github.triggerspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
