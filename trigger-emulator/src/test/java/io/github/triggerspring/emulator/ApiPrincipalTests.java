package io.github.triggerspring.emulator;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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

	@Test
	void accessibleProjectOfAnAccessTokenIsAProjectItReaches() {
		EmulatorState.AccessToken token = new EmulatorState.AccessToken("tr_pat_1", Set.of(EmulatorAccount.PROJECT_REF));
		ApiPrincipal pat = new ApiPrincipal(null, token);
		assertThat(pat.requireToken()).isSameAs(token);
		assertThat(pat.accessibleProject(this.state, EmulatorAccount.PROJECT_REF))
			.isSameAs(this.state.projects.get(EmulatorAccount.PROJECT_REF));
		assertThatExceptionOfType(ApiError.class).isThrownBy(() -> pat.accessibleProject(this.state, "proj_other"))
			.satisfies((error) -> assertThat(error.reply.status).isEqualTo(404));
	}

	@Test
	void accessibleProjectOfAKeyNamesTheRoutesExpectation() {
		EnvRecord dev = this.state.env(EmulatorAccount.PROJECT_REF, EmulatedEnvironment.DEV, null);
		ApiPrincipal key = new ApiPrincipal(dev, null);
		assertThatIllegalStateException().isThrownBy(key::requireToken)
			.withMessageContaining("expects a personal or organization access token")
			.withMessageContaining("mode ACCESS_TOKEN");
		assertThatIllegalStateException()
			.isThrownBy(() -> key.accessibleProject(this.state, EmulatorAccount.PROJECT_REF))
			.withMessageContaining("expects a personal or organization access token");
	}

}
