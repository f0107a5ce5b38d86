package io.github.triggerspring.test.testcontainers;

import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * {@link ExecutionCondition} of {@link DockerTest}.
 *
 * @author trigger-spring-boot contributors
 */
class DockerTestCondition implements ExecutionCondition {

	private final BooleanSupplier dockerAvailable;

	private final @Nullable String ci;

	DockerTestCondition() {
		this(() -> DockerClientFactory.instance().isDockerAvailable(), System.getenv("CI"));
	}

	DockerTestCondition(BooleanSupplier dockerAvailable, @Nullable String ci) {
		this.dockerAvailable = dockerAvailable;
		this.ci = ci;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if ("true".equalsIgnoreCase(this.ci)) {
			return ConditionEvaluationResult.enabled("CI=true: Docker tests always run and fail without Docker");
		}
		if (this.dockerAvailable.getAsBoolean()) {
			return ConditionEvaluationResult.enabled("Docker is available");
		}
		return ConditionEvaluationResult.disabled("Docker is not available; set CI=true to fail instead of skipping");
	}

}
