/**
 * Sample order service that triggers Trigger.dev tasks and manages runs, env vars and a
 * schedule through the starter's clients.
 */
@NullMarked
package io.github.triggerspring.samples.orders;

import org.jspecify.annotations.NullMarked;
