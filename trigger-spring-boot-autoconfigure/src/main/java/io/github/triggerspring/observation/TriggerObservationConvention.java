package io.github.triggerspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} of Trigger.dev calls. Declare a bean of this type to
 * replace {@link DefaultTriggerObservationConvention}, for example to add a key or to
 * rename the observation.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public interface TriggerObservationConvention extends ObservationConvention<TriggerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TriggerObservationContext;
	}

}
