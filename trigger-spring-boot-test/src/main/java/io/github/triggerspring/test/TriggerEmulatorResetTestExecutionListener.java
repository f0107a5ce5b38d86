package io.github.triggerspring.test;

import io.github.triggerspring.emulator.TriggerEmulator;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * {@link TestExecutionListener} that resets the emulator of
 * {@link AutoConfigureTriggerEmulator} before each test method.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorResetTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		AutoConfigureTriggerEmulator annotation = TestContextAnnotationUtils
			.findMergedAnnotation(testContext.getTestClass(), AutoConfigureTriggerEmulator.class);
		if (annotation != null && annotation.reset()) {
			testContext.getApplicationContext()
				.getBean(TriggerEmulatorContextCustomizer.EMULATOR_BEAN_NAME, TriggerEmulator.class)
				.reset();
		}
	}

}
