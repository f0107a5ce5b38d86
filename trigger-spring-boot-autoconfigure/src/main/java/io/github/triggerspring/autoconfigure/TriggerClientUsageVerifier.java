package io.github.triggerspring.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.triggerspring.auth.CredentialKind;
import io.github.triggerspring.auth.TriggerAuthStrategy;
import io.github.triggerspring.auth.TriggerEndpoint;
import io.github.triggerspring.auth.TriggerEndpoint.Namespace;
import io.github.triggerspring.deployments.DeploymentsClient;
import io.github.triggerspring.envvars.EnvVarsClient;
import io.github.triggerspring.queues.QueuesClient;
import io.github.triggerspring.runs.RunsClient;
import io.github.triggerspring.schedules.SchedulesClient;
import io.github.triggerspring.tasks.BatchesClient;
import io.github.triggerspring.tasks.IdempotencyKeysClient;
import io.github.triggerspring.tasks.TasksClient;
import io.github.triggerspring.tokens.PublicTokensClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Fails the start when a client created by {@link TriggerAutoConfiguration} is injected
 * somewhere although none of its endpoints accepts a configured credential, for example
 * the tasks client with only a personal access token.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerClientUsageVerifier implements SmartInitializingSingleton {

	private static final Map<Class<?>, Namespace> CLIENTS = Map.of(TasksClient.class, Namespace.TASKS,
			RunsClient.class, Namespace.RUNS, EnvVarsClient.class, Namespace.ENVVARS, SchedulesClient.class,
			Namespace.SCHEDULES, QueuesClient.class, Namespace.QUEUES, DeploymentsClient.class,
			Namespace.DEPLOYMENTS, BatchesClient.class, Namespace.BATCH, IdempotencyKeysClient.class,
			Namespace.IDEMPOTENCY_KEYS, PublicTokensClient.class, Namespace.AUTH);

	private final ConfigurableListableBeanFactory beanFactory;

	private final TriggerAuthStrategy authStrategy;

	private final Set<CredentialKind> configured = EnumSet.noneOf(CredentialKind.class);

	TriggerClientUsageVerifier(ConfigurableListableBeanFactory beanFactory, TriggerAuthStrategy authStrategy,
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

	@Override
	public void afterSingletonsInstantiated() {
		CLIENTS.forEach((type, namespace) -> {
			List<TriggerEndpoint> endpoints = Arrays.stream(TriggerEndpoint.values())
				.filter((endpoint) -> endpoint.namespace() == namespace && !endpoint.isPublic())
				.toList();
			if (endpoints.stream().anyMatch(this.authStrategy::canCall)) {
				return;
			}
			for (String name : this.beanFactory.getBeanNamesForType(type, false, false)) {
				if (isAutoConfigured(name)) {
					List<String> injectionPoints = injectionPoints(name, type);
					if (!injectionPoints.isEmpty()) {
						throw new UnusableTriggerClientException(type, injectionPoints, endpoints, this.configured);
					}
				}
			}
		});
	}

	private boolean isAutoConfigured(String name) {
		if (!this.beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
		return TriggerAutoConfiguration.class.getName().equals(definition.getFactoryBeanName());
	}

	private List<String> injectionPoints(String clientBean, Class<?> clientType) {
		List<String> points = new ArrayList<>();
		for (String dependent : this.beanFactory.getDependentBeans(clientBean)) {
			if (isAutoConfigured(dependent) || !this.beanFactory.containsBeanDefinition(dependent)) {
				continue;
			}
			points.add(describe(dependent, clientType));
		}
		return points;
	}

	private String describe(String beanName, Class<?> clientType) {
		if (this.beanFactory.getMergedBeanDefinition(beanName) instanceof RootBeanDefinition root
				&& root.getResolvedFactoryMethod() != null) {
			Method factoryMethod = root.getResolvedFactoryMethod();
			String parameter = parameterIndex(factoryMethod.getParameterTypes(), clientType);
			if (parameter != null) {
				return "Parameter " + parameter + " of method '" + factoryMethod.getName() + "' in "
						+ ClassUtils.getUserClass(factoryMethod.getDeclaringClass()).getName();
			}
		}
		Class<?> beanType = this.beanFactory.getType(beanName);
		if (beanType != null) {
			Class<?> userType = ClassUtils.getUserClass(beanType);
			for (Constructor<?> constructor : userType.getDeclaredConstructors()) {
				String parameter = parameterIndex(constructor.getParameterTypes(), clientType);
				if (parameter != null) {
					return "Parameter " + parameter + " of constructor in " + userType.getName();
				}
			}
			for (Class<?> type = userType; type != null && type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (field.getType().isAssignableFrom(clientType)) {
						return "Field '" + field.getName() + "' in " + userType.getName();
					}
				}
				for (Method method : type.getDeclaredMethods()) {
					if (parameterIndex(method.getParameterTypes(), clientType) != null) {
						return "Method '" + method.getName() + "' in " + userType.getName();
					}
				}
			}
			return "Bean '" + beanName + "' of type " + userType.getName();
		}
		return "Bean '" + beanName + "'";
	}

	private static @Nullable String parameterIndex(Class<?>[] parameterTypes, Class<?> clientType) {
		for (int i = 0; i < parameterTypes.length; i++) {
			if (parameterTypes[i].isAssignableFrom(clientType) && parameterTypes[i] != Object.class) {
				return Integer.toString(i);
			}
		}
		return null;
	}

}
