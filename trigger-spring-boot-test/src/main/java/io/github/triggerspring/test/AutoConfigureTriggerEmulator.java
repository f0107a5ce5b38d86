package io.github.triggerspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.triggerspring.auth.TriggerEnvironment;
import io.github.triggerspring.autoconfigure.TriggerAutoConfiguration;
import io.github.triggerspring.autoconfigure.TriggerConnectionDetails;
import io.github.triggerspring.emulator.TriggerEmulator;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Runs the Trigger.dev API emulator for a Spring test and points the Trigger.dev clients
 * at it. Works with {@code @SpringBootTest} and with test slices, whose context then also
 * contains the Trigger.dev clients:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureTriggerEmulator
 * class OrderServiceTests {
 *
 *     &#64;Autowired
 *     TriggerEmulator emulator;
 *
 *     &#64;Test
 *     void placingAnOrderTriggersTheInvoiceTask() {
 *         ...
 *         assertThat(this.emulator.journal().triggers("send-invoice")).hasSize(1);
 *     }
 *
 * }
 * </pre>
 *
 * The test's application context gets:
 * <ul>
 * <li>a {@link TriggerEmulator} bean, started on a free loopback port and closed with the
 * context; cached contexts share it;</li>
 * <li>a primary {@link TriggerConnectionDetails} bean with the emulator's URL and the
 * {@linkplain #credentials() chosen} seeded credentials, which takes precedence over the
 * {@code trigger.*} connection properties ({@code trigger.api-url},
 * {@code trigger.secret-key}, {@code trigger.personal-access-token},
 * {@code trigger.project-ref}, {@code trigger.preview-branch});</li>
 * <li>{@code trigger.environment} set to the {@linkplain #environment() chosen
 * environment}.</li>
 * </ul>
 * Unless {@link #reset()} is {@code false}, the emulator is
 * {@linkplain TriggerEmulator#reset() reset} before each test method (before
 * {@code @BeforeEach} methods run), so every test starts with the seeded account, an empty
 * journal and no faults.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(TriggerAutoConfiguration.class)
public @interface AutoConfigureTriggerEmulator {

	/**
	 * Which of the emulator's seeded credentials the clients use.
	 * @return the credentials
	 */
	EmulatorCredentials credentials() default EmulatorCredentials.SECRET_KEY;

	/**
	 * Environment of the secret key, and target environment of access-token calls.
	 * {@link TriggerEnvironment#PREVIEW} also selects the seeded preview branch.
	 * @return the environment
	 */
	TriggerEnvironment environment() default TriggerEnvironment.DEV;

	/**
	 * Whether to reset the emulator before each test method.
	 * @return whether to reset the emulator
	 */
	boolean reset() default true;

}
