package io.github.triggerspring.samples.orders;

import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link ExecutionCondition} of {@link BrowserTest}.
 *
 * @author trigger-spring-boot contributors
 */
class BrowserTestCondition implements ExecutionCondition {

	private final BooleanSupplier browserInstalled;

	private final @Nullable String ci;

	BrowserTestCondition() {
		this(HeadlessChromium::isInstalled, System.getenv("CI"));
	}

	BrowserTestCondition(BooleanSupplier browserInstalled, @Nullable String ci) {
		this.browserInstalled = browserInstalled;
		this.ci = ci;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if ("true".equalsIgnoreCase(this.ci)) {
			return ConditionEvaluationResult.enabled("CI=true: browser tests always run and fail without a browser");
		}
		if (this.browserInstalled.getAsBoolean()) {
			return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
		}
		return ConditionEvaluationResult.disabled("chromium and chromedriver are not on the PATH "
				+ "(apt-get install chromium chromium-driver); set CI=true to fail instead of skipping");
	}

}
