package io.github.triggerspring.emulator;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ApiPrincipal}.
 *
 * @author trigger-spring-boot contributors
 */
class ApiPrincipalTests {

	private final EmulatorState state = new EmulatorState();

	@Test
	void requireEnvGivesTheEnvironmentOfAKeyOrPublicAccessToken() {
		EnvRecord dev = this.state.env(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, null);
		assertThat(new ApiPrincipal(dev, null).requireEnv()).isSameAs(dev);
	}

	@Test
	void requireEnvOfAnAccessTokenNamesTheRoutesExpectation() {
		ApiPrincipal pat = new ApiPrincipal(null,
				new EmulatorState.AccessToken("tr_pat_1", Set.of(EmulatorAccount.PROJECT_REF)));
		assertThatIllegalStateException().isThrownBy(pat::requireEnv)
			.withMessageContaining("expects a secret key or a public access token")
			.withMessageContaining("mode SECRET or JWT");
	}

}
