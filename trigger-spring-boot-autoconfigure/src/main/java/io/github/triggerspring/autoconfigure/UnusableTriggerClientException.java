package io.github.triggerspring.autoconfigure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a Trigger.dev client is created for an injection point although
 * none of its endpoints accepts a configured credential.
 *
 * @author trigger-spring-boot contributors
 */
class UnusableTriggerClientException extends RuntimeException {

	private final Class<?> clientType;

	private final List<TriggerEndpoint> endpoints;

	private final Set<CredentialKind> configured;

	private final @Nullable String injectedInto;

	UnusableTriggerClientException(Class<?> clientType, List<TriggerEndpoint> endpoints,
			Set<CredentialKind> configured, @Nullable String injectedInto) {
		super(clientType.getSimpleName() + " cannot call any of its endpoints ("
				+ endpoints.stream().map(TriggerEndpoint::id).collect(Collectors.joining(", "))
				+ ") with the configured credentials");
		this.clientType = clientType;
		this.endpoints = List.copyOf(endpoints);
		this.configured = configured.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(configured));
		this.injectedInto = injectedInto;
	}

	Class<?> getClientType() {
		return this.clientType;
	}

	List<TriggerEndpoint> getEndpoints() {
		return this.endpoints;
	}

	Set<CredentialKind> getConfigured() {
		return this.configured;
	}

	/**
	 * Where the client is injected, when known without Boot's injection failure chain.
	 * @return the injection point, or {@code null}
	 */
	@Nullable String getInjectedInto() {
		return this.injectedInto;
	}

}
