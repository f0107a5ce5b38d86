package io.github.triggerspring.test;

import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.EmulatorAccount;
import io.github.triggerspring.emulator.TriggerEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Configuration that runs the Trigger.dev API emulator inside the application and points
 * the Trigger.dev clients at it, with the emulator's {@code dev} secret key. Import it in
 * a test, or use it to start the application against the emulator from the test
 * classpath, without any Trigger.dev account:
 *
 * <pre class="code">
 * public class TestMyApplication {
 *
 *     public static void main(String[] args) {
 *         SpringApplication.from(MyApplication::main).with(TriggerEmulatorConfiguration.class).run(args);
 *     }
 *
 * }
 * </pre>
 *
 * The emulator listens on {@code 127.0.0.1}, on the port set by
 * {@code trigger.emulator.port} (a free port by default), and is closed with the
 * application context. Its {@link TriggerConnectionDetails} take precedence over the
 * {@code trigger.*} connection properties. Unlike {@link AutoConfigureTriggerEmulator},
 * nothing resets the emulator between tests: call {@link TriggerEmulator#reset()} where
 * needed.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@TestConfiguration(proxyBeanMethods = false)
public class TriggerEmulatorConfiguration {

	/**
	 * Property that sets the port of the emulator; {@code 0}, the default, picks a free
	 * port.
	 */
	public static final String PORT_PROPERTY = "trigger.emulator.port";

	private static final Log logger = LogFactory.getLog(TriggerEmulatorConfiguration.class);

	/**
	 * Creates the configuration.
	 */
	public TriggerEmulatorConfiguration() {
	}

	/**
	 * The emulator, started on the port set by {@value #PORT_PROPERTY}.
	 * @param environment the environment that holds the port
	 * @return the running emulator
	 */
	@Bean(destroyMethod = "close")
	public TriggerEmulator triggerEmulator(Environment environment) {
		int port = environment.getProperty(PORT_PROPERTY, Integer.class, 0);
		TriggerEmulator emulator = TriggerEmulator.builder().port(port).build().start();
		logger.info("Trigger.dev API emulator listening on " + emulator.baseUrl() + " (project "
				+ EmulatorAccount.PROJECT_REF + ", credentials in EmulatorAccount)");
		return emulator;
	}

	/**
	 * Connection details that point the clients at the emulator with its {@code dev}
	 * secret key.
	 * @param triggerEmulator the emulator
	 * @return the connection details
	 */
	@Bean
	public TriggerEmulatorConnectionDetails triggerEmulatorConnectionDetails(TriggerEmulator triggerEmulator) {
		return TriggerEmulatorConnectionDetails.of(triggerEmulator);
	}

}
