package io.github.triggerspring.test.testcontainers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.triggerspring.emulator.TriggerEmulatorMain;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.dockerfile.DockerfileBuilder;

/**
 * The Trigger.dev API emulator in a Docker container, for tests that want the API in a
 * separate process, for example together with other containers:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;Testcontainers
 * class MyIntegrationTests {
 *
 *     &#64;Container
 *     &#64;ServiceConnection
 *     static TriggerEmulatorContainer trigger = new TriggerEmulatorContainer();
 *
 * }
 * </pre>
 *
 * With {@code @ServiceConnection} the Trigger.dev clients use the container's URL, the
 * emulator's project ref, its {@code dev} secret key and its personal access token
 * (see {@link io.github.triggerspring.emulator.EmulatorAccount}).
 * <p>
 * No image is pulled for the emulator: it is built locally, on top of a Java 17+ runtime
 * image, from the emulator classes found on the test classpath, so the container runs the
 * same emulator version as the one in the JVM. The base image is, in this order, the
 * one given to the constructor, the system property {@value #BASE_IMAGE_PROPERTY}, the
 * environment variable {@value #BASE_IMAGE_ENVIRONMENT_VARIABLE}, or
 * {@value #DEFAULT_BASE_IMAGE}. It must have {@code java} on its {@code PATH}.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerEmulatorContainer extends GenericContainer<TriggerEmulatorContainer> {

	/** Port the emulator listens on inside the container. */
	public static final int PORT = 8030;

	/** Name of the image built for the emulator. */
	public static final String IMAGE_NAME = "trigger-spring-boot/trigger-emulator:local";

	/** Base image used when nothing else is configured. */
	public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";

	/** System property that sets the base image. */
	public static final String BASE_IMAGE_PROPERTY = "trigger.emulator.base-image";

	/** Environment variable that sets the base image. */
	public static final String BASE_IMAGE_ENVIRONMENT_VARIABLE = "TRIGGER_EMULATOR_BASE_IMAGE";

	private final String baseImage;

	/**
	 * Creates a container on the configured base image.
	 */
	public TriggerEmulatorContainer() {
		this(configuredBaseImage());
	}

	/**
	 * Creates a container on the given base image.
	 * @param baseImage a Java 17+ runtime image with {@code java} on its {@code PATH},
	 * for example {@code eclipse-temurin:21-jre}
	 */
	public TriggerEmulatorContainer(String baseImage) {
		super(image(Objects.requireNonNull(baseImage, "baseImage")));
		this.baseImage = baseImage;
		withExposedPorts(PORT);
		waitingFor(Wait.forLogMessage(".*Trigger\\.dev API emulator listening on .*", 1)
			.withStartupTimeout(Duration.ofSeconds(60)));
	}

	/**
	 * The base image: the system property {@value #BASE_IMAGE_PROPERTY}, else the
	 * environment variable {@value #BASE_IMAGE_ENVIRONMENT_VARIABLE}, else
	 * {@value #DEFAULT_BASE_IMAGE}.
	 * @return the base image
	 */
	public static String configuredBaseImage() {
		String property = System.getProperty(BASE_IMAGE_PROPERTY);
		if (hasText(property)) {
			return property.trim();
		}
		String variable = System.getenv(BASE_IMAGE_ENVIRONMENT_VARIABLE);
		return hasText(variable) ? variable.trim() : DEFAULT_BASE_IMAGE;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static ImageFromDockerfile image(String baseImage) {
		EmulatorClasspath classpath = EmulatorClasspath.locate();
		ImageFromDockerfile image = new ImageFromDockerfile(IMAGE_NAME, false);
		List<String> classpathEntries = new ArrayList<>();
		classpathEntries.add("/app/lib/*");
		for (Path jar : classpath.jars()) {
			image.withFileFromPath("lib/" + jar.getFileName(), jar);
		}
		for (int i = 0; i < classpath.directories().size(); i++) {
			image.withFileFromPath("classes/" + i, classpath.directories().get(i));
			classpathEntries.add("/app/classes/" + i);
		}
		return image.withDockerfileFromBuilder((builder) -> dockerfile(builder, baseImage, classpath,
				String.join(":", classpathEntries)));
	}

	private static void dockerfile(DockerfileBuilder builder, String baseImage, EmulatorClasspath classpath,
			String classpathEntries) {
		builder.from(baseImage);
		if (!classpath.jars().isEmpty()) {
			builder.copy("lib/", "/app/lib/");
		}
		if (!classpath.directories().isEmpty()) {
			builder.copy("classes/", "/app/classes/");
		}
		builder.expose(PORT)
			.entryPoint("java", "-cp", classpathEntries, TriggerEmulatorMain.class.getName(), "--host=0.0.0.0",
					"--port=" + PORT)
			.build();
	}

	/**
	 * The base image the emulator image is built on.
	 * @return the base image
	 */
	public String getBaseImage() {
		return this.baseImage;
	}

	/**
	 * Base URL of the emulator as seen from the test, for example
	 * {@code http://localhost:32768}.
	 * @return the base URL
	 * @throws IllegalStateException if the container is not started
	 */
	public String getApiUrl() {
		return "http://" + getHost() + ":" + getMappedPort(PORT);
	}

}
