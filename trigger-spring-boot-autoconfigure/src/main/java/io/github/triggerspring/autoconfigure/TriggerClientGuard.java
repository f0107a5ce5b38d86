package io.github.triggerspring.autoconfigure;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.triggerspring.TriggerClient;
import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEndpoint.Namespace;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Refuses, while the application starts, to create a Trigger.dev client that cannot call
 * any of its endpoints, for example the tasks client with only a personal access token.
 * The {@link TriggerAuthStrategy} bean decides, so a user-defined strategy governs.
 * <p>
 * The clients of {@link TriggerAutoConfiguration} are lazy beans: one is created at
 * startup only when a bean injects it. The {@link UnusableTriggerClientException} then
 * fails the start, and Boot's {@code UnsatisfiedDependencyException} around it names the
 * injection point. A client created for a {@link TriggerClient} bean, or once the
 * singletons are instantiated (through an {@code ObjectProvider}, a {@code @Lazy}
 * injection point or a lazily initialized bean), is returned as it is: the auth strategy
 * refuses its calls one by one. Another bean that the start injected with a client first
 * created for a {@link TriggerClient} fails the start when the singletons are instantiated.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerClientGuard implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final TriggerAuthStrategy authStrategy;

	private final Set<CredentialKind> configured = EnumSet.noneOf(CredentialKind.class);

	private final List<UnusableTriggerClientException> createdForTriggerClient = new CopyOnWriteArrayList<>();

	private volatile boolean starting = true;

	TriggerClientGuard(ConfigurableListableBeanFactory beanFactory, TriggerAuthStrategy authStrategy,
			TriggerConnectionDetails connectionDetails) {
		this.beanFactory = beanFactory;
		this.authStrategy = authStrategy;
		if (StringUtils.hasText(connectionDetails.getSecretKey())) {
			this.configured.add(CredentialKind.SECRET_KEY);
		}
		if (StringUtils.hasText(connectionDetails.getPersonalAccessToken())) {
			this.configured.add(CredentialKind.PERSONAL_ACCESS_TOKEN);
		}
	}

	/**
	 * Returns the client, unless the application is starting and the auth strategy can
	 * call none of the endpoints of its namespace. A namespace with an endpoint that needs
	 * no credential (such as {@code schedules.timezones}) is always usable.
	 * @param <C> the client type
	 * @param client the new client
	 * @param namespace the namespace whose endpoints the client calls
	 * @return the client
	 * @throws UnusableTriggerClientException if the client cannot call any endpoint
	 */
	<C> C check(C client, Namespace namespace) {
		if (!this.starting) {
			return client;
		}
		List<TriggerEndpoint> endpoints = Arrays.stream(TriggerEndpoint.values())
			.filter((endpoint) -> endpoint.namespace() == namespace)
			.toList();
		if (endpoints.stream().anyMatch((endpoint) -> endpoint.isPublic() || this.authStrategy.canCall(endpoint))) {
			return client;
		}
		UnusableTriggerClientException unusable = new UnusableTriggerClientException(client.getClass(), endpoints,
				this.configured, null);
		if (!isCreatingTriggerClient()) {
			throw unusable;
		}
		this.createdForTriggerClient.add(unusable);
		return client;
	}

	/**
	 * Ends the startup checks. A client first created for a {@link TriggerClient} bean
	 * became the singleton that later injection points received unchecked: those are
	 * refused now.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		this.starting = false;
		for (UnusableTriggerClientException unusable : this.createdForTriggerClient) {
			for (String client : this.beanFactory.getBeanNamesForType(unusable.getClientType(), false, false)) {
				for (String dependent : this.beanFactory.getDependentBeans(client)) {
					if (!this.beanFactory.isTypeMatch(dependent, TriggerClient.class)) {
						throw new UnusableTriggerClientException(unusable.getClientType(), unusable.getEndpoints(),
								this.configured, describe(dependent));
					}
				}
			}
		}
	}

	private String describe(String beanName) {
		Class<?> type = this.beanFactory.getType(beanName, false);
		return "Bean '" + beanName + "'" + ((type != null) ? " of type " + ClassUtils.getUserClass(type).getName() : "");
	}

	private boolean isCreatingTriggerClient() {
		for (String name : this.beanFactory.getBeanNamesForType(TriggerClient.class, true, false)) {
			if (this.beanFactory.isCurrentlyInCreation(name)) {
				return true;
			}
		}
		return false;
	}

}
