package io.github.triggerspring.test;

import java.util.Map;
import java.util.Objects;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.TriggerEmulator;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.Assert;

/**
 * {@link ContextCustomizer} that registers a {@link TriggerEmulator} bean and
 * {@link TriggerConnectionDetails} that point at it.
 * <p>
 * The beans are created by instance suppliers, which AOT processing cannot turn into
 * code. Like Spring Boot's {@code @ServiceConnection} beans, they are marked with
 * {@link #BEAN_ATTRIBUTE} and left out of AOT processing by
 * {@link TriggerEmulatorBeanRegistrationExcludeFilter}: the customizer also runs when a
 * test starts from the generated context initializer, and registers them again there.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorContextCustomizer implements ContextCustomizer {

	static final String EMULATOR_BEAN_NAME = "triggerEmulator";

	static final String CONNECTION_DETAILS_BEAN_NAME = "triggerEmulatorConnectionDetails";

	/**
	 * Attribute of the bean definitions registered by this customizer.
	 */
	static final String BEAN_ATTRIBUTE = AutoConfigureTriggerEmulator.class.getName();

	private static final String PROPERTY_SOURCE_NAME = "triggerEmulator";

	private final EmulatorCredentials credentials;

	private final TriggerEnvironment environment;

	TriggerEmulatorContextCustomizer(EmulatorCredentials credentials, TriggerEnvironment environment) {
		this.credentials = credentials;
		this.environment = environment;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("trigger.environment", this.environment.name())));
		Assert.state(context.getBeanFactory() instanceof BeanDefinitionRegistry,
				"@AutoConfigureTriggerEmulator needs an application context whose bean factory is a BeanDefinitionRegistry");
		BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
		BeanFactory beanFactory = context.getBeanFactory();
		RootBeanDefinition emulator = new RootBeanDefinition(TriggerEmulator.class, TriggerEmulator::start);
		emulator.setDestroyMethodName("close");
		emulator.setAttribute(BEAN_ATTRIBUTE, true);
		registry.registerBeanDefinition(EMULATOR_BEAN_NAME, emulator);
		RootBeanDefinition connectionDetails = new RootBeanDefinition(TriggerEmulatorConnectionDetails.class,
				() -> TriggerEmulatorConnectionDetails.of(beanFactory.getBean(EMULATOR_BEAN_NAME, TriggerEmulator.class),
						this.credentials, this.environment));
		connectionDetails.setPrimary(true);
		connectionDetails.setAttribute(BEAN_ATTRIBUTE, true);
		registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME, connectionDetails);
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		return obj instanceof TriggerEmulatorContextCustomizer other && this.credentials == other.credentials
				&& this.environment == other.environment;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.credentials, this.environment);
	}

}
