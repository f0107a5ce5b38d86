/**
 * Reactive clients for the Trigger.dev management API.
 */
@NullMarked
package io.github.triggerspring;

import org.jspecify.annotations.NullMarked;
