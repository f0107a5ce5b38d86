package io.github.triggerspring.samples.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link BrowserTestCondition}.
 *
 * @author trigger-spring-boot contributors
 */
class BrowserTestConditionTests {

	@Test
	void withoutABrowserOnADeveloperMachineTheTestIsSkipped() {
		BrowserTestCondition condition = new BrowserTestCondition(() -> false, null);
		assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isTrue();
		assertThat(condition.evaluateExecutionCondition(null).getReason())
			.hasValueSatisfying((reason) -> assertThat(reason).contains("apt-get install chromium chromium-driver")
				.endsWith("set CI=true to fail instead of skipping"));
	}

	@Test
	void withoutABrowserOnCiTheTestRunsAndFails() {
		BrowserTestCondition condition = new BrowserTestCondition(() -> fail("the browser must not be probed on CI"),
				"true");
		assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isFalse();
	}

	@Test
	void withABrowserTheTestRuns() {
		BrowserTestCondition condition = new BrowserTestCondition(() -> true, "false");
		assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isFalse();
	}

}
