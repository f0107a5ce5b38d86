package io.github.triggerspring.test;

import io.github.triggerspring.emulator.TriggerEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that runs a {@link TriggerEmulator} for the tests of a class: it starts
 * the emulator before the first test, {@linkplain TriggerEmulator#reset() resets} it
 * before each test (so every test starts with the seeded account, an empty journal and no
 * faults) and closes it after the last test. Test constructors, lifecycle methods and test
 * methods can declare a {@link TriggerEmulator} parameter:
 *
 * <pre class="code">
 * &#64;ExtendWith(TriggerEmulatorExtension.class)
 * class MyTests {
 *
 *     &#64;Test
 *     void triggersTheTask(TriggerEmulator emulator) {
 *         // point a client at emulator.baseUrl() with EmulatorAccount.DEV_SECRET_KEY
 *     }
 *
 * }
 * </pre>
 *
 * It can also be registered with a field, which gives access to the emulator through
 * {@link #emulator()}:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static TriggerEmulatorExtension trigger = new TriggerEmulatorExtension();
 * </pre>
 *
 * Use {@link #shared()} to run one emulator for every test class of the test run instead.
 * {@code @Nested} test classes use the emulator of their enclosing class.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(TriggerEmulatorExtension.class);

	private final boolean shared;

	private volatile @Nullable TriggerEmulator emulator;

	/**
	 * Creates an extension that starts one emulator per test class.
	 */
	public TriggerEmulatorExtension() {
		this(false);
	}

	private TriggerEmulatorExtension(boolean shared) {
		this.shared = shared;
	}

	/**
	 * Creates an extension whose emulator is shared by every test class of the test run
	 * that uses a shared extension, and closed when the run ends. Tests still see a
	 * freshly reset emulator.
	 * @return the extension
	 */
	public static TriggerEmulatorExtension shared() {
		return new TriggerEmulatorExtension(true);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.emulator = emulator(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		emulator(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TriggerEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
			throws ParameterResolutionException {
		return emulator(extensionContext);
	}

	/**
	 * The running emulator of the current test class.
	 * @return the emulator
	 * @throws IllegalStateException if called before the extension started the emulator
	 */
	public TriggerEmulator emulator() {
		TriggerEmulator emulator = this.emulator;
		if (emulator == null) {
			throw new IllegalStateException("The Trigger.dev emulator is not started yet: it starts before the first "
					+ "test of the class. Register the extension in a static field to use it from @BeforeAll methods.");
		}
		return emulator;
	}

	private TriggerEmulator emulator(ExtensionContext context) {
		// A store also sees the values of its parents: nested classes reuse the emulator.
		ExtensionContext owner = this.shared ? context.getRoot() : classContext(context);
		String key = this.shared ? "shared" : "perClass";
		return owner.getStore(NAMESPACE).computeIfAbsent(key, (ignored) -> TriggerEmulator.start(), TriggerEmulator.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
