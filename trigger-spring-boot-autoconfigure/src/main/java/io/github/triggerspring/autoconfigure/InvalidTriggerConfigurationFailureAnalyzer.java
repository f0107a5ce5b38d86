package io.github.triggerspring.autoconfigure;

import io.github.triggerspring.auth.InvalidTriggerConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidTriggerConfigurationException} with its description and action.
 *
 * @author trigger-spring-boot contributors
 */
class InvalidTriggerConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTriggerConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTriggerConfigurationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
