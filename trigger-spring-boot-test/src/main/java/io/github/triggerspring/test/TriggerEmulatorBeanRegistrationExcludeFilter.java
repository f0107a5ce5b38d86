package io.github.triggerspring.test;

import org.springframework.beans.factory.aot.BeanRegistrationExcludeFilter;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * {@link BeanRegistrationExcludeFilter} that leaves the beans of
 * {@link TriggerEmulatorContextCustomizer} out of AOT processing: the customizer
 * registers them again at run time.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorBeanRegistrationExcludeFilter implements BeanRegistrationExcludeFilter {

	@Override
	public boolean isExcludedFromAotProcessing(RegisteredBean registeredBean) {
		return registeredBean.getMergedBeanDefinition()
			.hasAttribute(TriggerEmulatorContextCustomizer.BEAN_ATTRIBUTE);
	}

}
