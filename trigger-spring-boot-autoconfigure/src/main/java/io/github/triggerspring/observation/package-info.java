/**
 * Observation of Trigger.dev calls: one {@code trigger.client.calls} observation per
 * logical call, with a replaceable {@link TriggerObservationConvention}.
 */
@NullMarked
package io.github.triggerspring.observation;

import org.jspecify.annotations.NullMarked;
