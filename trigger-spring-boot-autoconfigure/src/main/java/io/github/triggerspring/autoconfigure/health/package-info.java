/**
 * Auto-configuration of the Trigger.dev health indicator.
 */
@NullMarked
package io.github.triggerspring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
