/**
 * Exceptions signalled by the Trigger.dev clients.
 */
@NullMarked
package io.github.triggerspring.error;

import org.jspecify.annotations.NullMarked;
