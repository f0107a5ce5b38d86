package io.github.triggerspring.test;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerEmulatorConnectionDetails}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorConnectionDetailsTests {

	private static final String URL = "http://127.0.0.1:8030";

	@ParameterizedTest
	@EnumSource(TriggerEnvironment.class)
	void secretKeyIsTheSeededKeyOfTheEnvironment(TriggerEnvironment environment) {
		TriggerEmulatorConnectionDetails details = TriggerEmulatorConnectionDetails.of(URL,
				EmulatorCredentials.SECRET_KEY, environment);
		assertThat(details.getSecretKey()).startsWith(environment.secretKeyPrefix())
			.isEqualTo(EmulatorAccount.secretKey(TriggerEmulatorConnectionDetails.emulatorEnvironment(environment)));
		assertThat(details.getPersonalAccessToken()).isNull();
		assertThat(details.getProjectRef()).isEqualTo(EmulatorAccount.PROJECT_REF);
		assertThat(details.getPreviewBranch())
			.isEqualTo((environment == TriggerEnvironment.PREVIEW) ? EmulatorAccount.PREVIEW_BRANCH : null);
	}

	@Test
	void personalAccessTokenAloneHasNoSecretKey() {
		TriggerEmulatorConnectionDetails details = TriggerEmulatorConnectionDetails.of(URL,
				EmulatorCredentials.PERSONAL_ACCESS_TOKEN, TriggerEnvironment.PROD);
		assertThat(details.getSecretKey()).isNull();
		assertThat(details.getPersonalAccessToken()).isEqualTo(EmulatorAccount.PERSONAL_ACCESS_TOKEN);
		assertThat(details.getApiUrl()).isEqualTo(URL);
	}

	@Test
	void bothGivesTheKeyAndTheToken() {
		TriggerEmulatorConnectionDetails details = TriggerEmulatorConnectionDetails.of(URL, EmulatorCredentials.BOTH,
				TriggerEnvironment.STAGING);
		assertThat(details.getSecretKey()).isEqualTo(EmulatorAccount.STAGING_SECRET_KEY);
		assertThat(details.getPersonalAccessToken()).isEqualTo(EmulatorAccount.PERSONAL_ACCESS_TOKEN);
	}

	@Test
	void toStringShowsNoSecret() {
		TriggerEmulatorConnectionDetails details = TriggerEmulatorConnectionDetails.of(URL, EmulatorCredentials.BOTH,
				TriggerEnvironment.DEV);
		assertThat(details).hasToString("TriggerEmulatorConnectionDetails[credentials=BOTH, environment=dev]");
	}

}
