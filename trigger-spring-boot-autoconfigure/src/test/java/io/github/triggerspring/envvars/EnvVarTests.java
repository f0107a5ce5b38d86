package io.github.triggerspring.envvars;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EnvVar}.
 *
 * @author trigger-spring-boot contributors
 */
class EnvVarTests {

	@Test
	void toStringHidesTheValue() {
		assertThat(new EnvVar("API_KEY", "hunter2", false))
			.hasToString("EnvVar[name=API_KEY, value=<hidden>, isSecret=false]");
	}

}
