/**
 * Sample order service that triggers Trigger.dev tasks and manages runs, env vars and a
 * schedule through the starter's clients.
 */
package io.github.triggerspring.samples.orders;
