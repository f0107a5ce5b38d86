package io.github.triggerspring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} for {@link AutoConfigureTriggerEmulator}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureTriggerEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureTriggerEmulator.class);
		return (annotation != null)
				? new TriggerEmulatorContextCustomizer(annotation.credentials(), annotation.environment()) : null;
	}

}
