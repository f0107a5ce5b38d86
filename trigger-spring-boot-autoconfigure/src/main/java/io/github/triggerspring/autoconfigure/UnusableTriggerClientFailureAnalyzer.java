package io.github.triggerspring.autoconfigure;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link UnusableTriggerClientException}: which client is injected where, which
 * endpoints it has, and which credential to configure.
 *
 * @author trigger-spring-boot contributors
 */
class UnusableTriggerClientFailureAnalyzer extends AbstractFailureAnalyzer<UnusableTriggerClientException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnusableTriggerClientException cause) {
		String client = cause.getClientType().getName();
		String endpoints = cause.getEndpoints().stream().map(TriggerEndpoint::id).collect(Collectors.joining(", "));
		Set<CredentialKind> accepted = EnumSet.noneOf(CredentialKind.class);
		cause.getEndpoints().forEach((endpoint) -> accepted.addAll(endpoint.accepts()));
		// only a call carries a public access token: configuring one is no fix
		accepted.remove(CredentialKind.PUBLIC_ACCESS_TOKEN);
		String configured = cause.getConfigured().isEmpty() ? "no credential"
				: cause.getConfigured().stream().map((kind) -> "a " + kind.description()).collect(Collectors.joining(" and "));
		StringBuilder description = new StringBuilder();
		description.append(client).append(" is injected into:\n");
		cause.getInjectionPoints().forEach((point) -> description.append("\t- ").append(point).append('\n'));
		description.append("but none of its endpoints (").append(endpoints).append(") accepts ").append(configured)
			.append(", which is all that is configured. Every call would be refused.");
		String fix = accepted.stream().map(CredentialKind::howToConfigure).collect(Collectors.joining(" or "));
		String action = "Set " + fix + " so that " + cause.getClientType().getSimpleName()
				+ " can call its endpoints, or remove the injection of " + cause.getClientType().getSimpleName() + ".";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
