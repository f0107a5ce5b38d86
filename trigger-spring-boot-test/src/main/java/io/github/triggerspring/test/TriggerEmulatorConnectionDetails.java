package io.github.triggerspring.test;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.EmulatedEnvironment;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.TriggerEmulator;
import org.jspecify.annotations.Nullable;

/**
 * {@link TriggerConnectionDetails} that point the Trigger.dev clients at an emulator,
 * with the seeded credentials of {@link EmulatorAccount}. As a bean it takes precedence
 * over the {@code trigger.*} connection properties:
 *
 * <pre class="code">
 * &#64;TestConfiguration(proxyBeanMethods = false)
 * class MyEmulatorConfiguration {
 *
 *     &#64;Bean(destroyMethod = "close")
 *     TriggerEmulator triggerEmulator() {
 *         return TriggerEmulator.start();
 *     }
 *
 *     &#64;Bean
 *     TriggerEmulatorConnectionDetails triggerConnectionDetails(TriggerEmulator emulator) {
 *         return TriggerEmulatorConnectionDetails.of(emulator, EmulatorCredentials.BOTH, TriggerEnvironment.STAGING);
 *     }
 *
 * }
 * </pre>
 *
 * With a personal access token, calls target the environment set by
 * {@code trigger.environment}; {@link AutoConfigureTriggerEmulator} sets it for you.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerEmulatorConnectionDetails implements TriggerConnectionDetails {

	private final Supplier<String> apiUrl;

	private final EmulatorCredentials credentials;

	private final TriggerEnvironment environment;

	/**
	 * Creates connection details for the given API URL.
	 * @param apiUrl supplies the base URL of the emulator, read when the clients are
	 * created
	 * @param credentials which seeded credentials to use
	 * @param environment environment of the secret key, and target environment of the
	 * access token
	 */
	protected TriggerEmulatorConnectionDetails(Supplier<String> apiUrl, EmulatorCredentials credentials,
			TriggerEnvironment environment) {
		this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
		this.credentials = Objects.requireNonNull(credentials, "credentials");
		this.environment = Objects.requireNonNull(environment, "environment");
	}

	/**
	 * Connection details for the emulator with its {@code dev} secret key.
	 * @param emulator the running emulator
	 * @return the connection details
	 */
	public static TriggerEmulatorConnectionDetails of(TriggerEmulator emulator) {
		return of(emulator, EmulatorCredentials.SECRET_KEY, TriggerEnvironment.DEV);
	}

	/**
	 * Connection details for the emulator with the chosen credentials.
	 * @param emulator the running emulator
	 * @param credentials which seeded credentials to use
	 * @param environment environment of the secret key, and target environment of the
	 * access token; {@link TriggerEnvironment#PREVIEW} also selects
	 * {@link EmulatorAccount#PREVIEW_BRANCH}
	 * @return the connection details
	 */
	public static TriggerEmulatorConnectionDetails of(TriggerEmulator emulator, EmulatorCredentials credentials,
			TriggerEnvironment environment) {
		Objects.requireNonNull(emulator, "emulator");
		return new TriggerEmulatorConnectionDetails(emulator::baseUrl, credentials, environment);
	}

	/**
	 * Connection details for an emulator reachable at the given URL, for example one
	 * started with the executable jar or in a container.
	 * @param apiUrl the base URL of the emulator, for example {@code http://127.0.0.1:8030}
	 * @param credentials which seeded credentials to use
	 * @param environment environment of the secret key, and target environment of the
	 * access token
	 * @return the connection details
	 */
	public static TriggerEmulatorConnectionDetails of(String apiUrl, EmulatorCredentials credentials,
			TriggerEnvironment environment) {
		Objects.requireNonNull(apiUrl, "apiUrl");
		return new TriggerEmulatorConnectionDetails(() -> apiUrl, credentials, environment);
	}

	@Override
	public String getApiUrl() {
		return this.apiUrl.get();
	}

	@Override
	public @Nullable String getSecretKey() {
		return this.credentials.hasSecretKey() ? EmulatorAccount.secretKey(emulatorEnvironment(this.environment))
				: null;
	}

	@Override
	public @Nullable String getPersonalAccessToken() {
		return this.credentials.hasPersonalAccessToken() ? EmulatorAccount.PERSONAL_ACCESS_TOKEN : null;
	}

	@Override
	public String getProjectRef() {
		return EmulatorAccount.PROJECT_REF;
	}

	@Override
	public @Nullable String getPreviewBranch() {
		return (this.environment == TriggerEnvironment.PREVIEW) ? EmulatorAccount.PREVIEW_BRANCH : null;
	}

	/**
	 * Which seeded credentials are used.
	 * @return the credentials
	 */
	public EmulatorCredentials getCredentials() {
		return this.credentials;
	}

	/**
	 * Environment of the secret key, and target environment of the access token.
	 * @return the environment
	 */
	public TriggerEnvironment getEnvironment() {
		return this.environment;
	}

	static EmulatedEnvironment emulatorEnvironment(TriggerEnvironment environment) {
		return switch (environment) {
			case DEV -> EmulatedEnvironment.DEV;
			case STAGING -> EmulatedEnvironment.STAGING;
			case PROD -> EmulatedEnvironment.PROD;
			case PREVIEW -> EmulatedEnvironment.PREVIEW;
		};
	}

	@Override
	public String toString() {
		return "TriggerEmulatorConnectionDetails[credentials=" + this.credentials + ", environment="
				+ this.environment.pathSegment() + "]";
	}

}
