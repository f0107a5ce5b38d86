package io.github.triggerspring.test.testcontainers;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.test.EmulatorCredentials;
import io.github.triggerspring.test.TriggerEmulatorConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} that creates {@link TriggerConnectionDetails}
 * from a {@code @ServiceConnection}-annotated {@link TriggerEmulatorContainer}: the
 * container's URL, the emulator's project ref, {@code dev} secret key and personal access
 * token.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<TriggerEmulatorContainer, TriggerConnectionDetails> {

	TriggerContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "io.github.triggerspring.autoconfigure.TriggerAutoConfiguration");
	}

	@Override
	protected TriggerConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<TriggerEmulatorContainer> source) {
		return new TriggerContainerConnectionDetails(source);
	}

	/**
	 * {@link TriggerConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	static final class TriggerContainerConnectionDetails extends ContainerConnectionDetails<TriggerEmulatorContainer>
			implements TriggerConnectionDetails {

		private TriggerContainerConnectionDetails(ContainerConnectionSource<TriggerEmulatorContainer> source) {
			super(source);
		}

		private TriggerEmulatorConnectionDetails emulator() {
			return TriggerEmulatorConnectionDetails.of(getContainer().getApiUrl(), EmulatorCredentials.BOTH,
					TriggerEnvironment.DEV);
		}

		@Override
		public String getApiUrl() {
			return emulator().getApiUrl();
		}

		@Override
		public @Nullable String getSecretKey() {
			return emulator().getSecretKey();
		}

		@Override
		public @Nullable String getPersonalAccessToken() {
			return emulator().getPersonalAccessToken();
		}

		@Override
		public String getProjectRef() {
			return EmulatorAccount.PROJECT_REF;
		}

		@Override
		public @Nullable String getPreviewBranch() {
			return null;
		}

	}

}
