/**
 * In-memory emulator of the Trigger.dev management API, for tests and local runs:
 * {@link io.github.triggerspring.emulator.TriggerEmulator} is the entry point.
 */
@NullMarked
package io.github.triggerspring.emulator;

import org.jspecify.annotations.NullMarked;
