package io.github.triggerspring.autoconfigure;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;

/**
 * Reports an {@link UnusableTriggerClientException}: which client is injected where (from
 * the {@code UnsatisfiedDependencyException} that wraps it), which endpoints it has, and
 * which credential to configure.
 *
 * @author trigger-spring-boot contributors
 */
class UnusableTriggerClientFailureAnalyzer extends AbstractInjectionFailureAnalyzer<UnusableTriggerClientException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnusableTriggerClientException cause,
			@Nullable String injectionPoint) {
		String client = cause.getClientType().getName();
		List<TriggerEndpoint> credentialed = cause.getEndpoints().stream().filter((endpoint) -> !endpoint.isPublic()).toList();
		String endpoints = credentialed.stream().map(TriggerEndpoint::id).collect(Collectors.joining(", "));
		Set<CredentialKind> accepted = EnumSet.noneOf(CredentialKind.class);
		credentialed.forEach((endpoint) -> accepted.addAll(endpoint.accepts()));
		// only a call carries a public access token: configuring one is no fix
		accepted.remove(CredentialKind.PUBLIC_ACCESS_TOKEN);
		String configured = cause.getConfigured().isEmpty() ? "no credential"
				: cause.getConfigured().stream().map((kind) -> "a " + kind.description()).collect(Collectors.joining(" and "));
		if (injectionPoint == null) {
			injectionPoint = cause.getInjectedInto();
		}
		StringBuilder description = new StringBuilder();
		if (injectionPoint != null) {
			description.append(client).append(" is injected into:\n\t- ").append(injectionPoint).append('\n');
		}
		else {
			description.append(client).append(" is created while the application starts,\n");
		}
		description.append("but none of its endpoints (").append(endpoints).append(") accepts ").append(configured)
			.append(", which is all that is configured. Every call would be refused.");
		String fix = accepted.stream().map(CredentialKind::howToConfigure).collect(Collectors.joining(" or "));
		String simpleName = cause.getClientType().getSimpleName();
		String action = "Set " + fix + " so that " + simpleName + " can call its endpoints, or remove the injection of "
				+ simpleName + ".";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
