package io.github.triggerspring.autoconfigure;

import java.util.List;
import java.util.Set;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;

/**
 * Thrown at startup when a Trigger.dev client is injected somewhere although none of its
 * endpoints accepts a configured credential.
 *
 * @author trigger-spring-boot contributors
 */
class UnusableTriggerClientException extends RuntimeException {

	private final Class<?> clientType;

	private final List<String> injectionPoints;

	private final List<TriggerEndpoint> endpoints;

	private final Set<CredentialKind> configured;

	UnusableTriggerClientException(Class<?> clientType, List<String> injectionPoints, List<TriggerEndpoint> endpoints,
			Set<CredentialKind> configured) {
		super(clientType.getSimpleName() + " is injected into " + String.join(", ", injectionPoints)
				+ ", but none of its endpoints accepts a configured credential");
		this.clientType = clientType;
		this.injectionPoints = List.copyOf(injectionPoints);
		this.endpoints = List.copyOf(endpoints);
		this.configured = Set.copyOf(configured);
	}

	Class<?> getClientType() {
		return this.clientType;
	}

	List<String> getInjectionPoints() {
		return this.injectionPoints;
	}

	List<TriggerEndpoint> getEndpoints() {
		return this.endpoints;
	}

	Set<CredentialKind> getConfigured() {
		return this.configured;
	}

}
