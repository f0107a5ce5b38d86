package io.github.triggerspring.test.testcontainers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link DockerTestCondition}.
 *
 * @author trigger-spring-boot contributors
 */
class DockerTestConditionTests {

	@Test
	void withoutDockerOnADeveloperMachineTheTestIsSkipped() {
		DockerTestCondition condition = new DockerTestCondition(() -> false, null);
		assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isTrue();
		assertThat(condition.evaluateExecutionCondition(null).getReason())
			.hasValue("Docker is not available; set CI=true to fail instead of skipping");
	}

	@Test
	void withoutDockerOnCiTheTestRunsAndFails() {
		DockerTestCondition condition = new DockerTestCondition(() -> fail("Docker must not be probed on CI"),
				"true");
		assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isFalse();
	}

	@Test
	void withDockerTheTestRuns() {
		DockerTestCondition condition = new DockerTestCondition(() -> true, "false");
		assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isFalse();
	}

}
