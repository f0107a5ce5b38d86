package io.github.triggerspring.envvars;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CreateEnvVarRequest}.
 *
 * @author trigger-spring-boot contributors
 */
class CreateEnvVarRequestTests {

	@Test
	void secretMarksTheVariableSecretAndOfLeavesItToTheServer() {
		assertThat(CreateEnvVarRequest.secret("A", "1").isSecret()).isTrue();
		assertThat(CreateEnvVarRequest.of("A", "1").isSecret()).isNull();
	}

	@Test
	void toStringHidesTheValue() {
		assertThat(CreateEnvVarRequest.secret("API_KEY", "hunter2"))
			.hasToString("CreateEnvVarRequest[name=API_KEY, value=<hidden>, isSecret=true]");
	}

}
