package io.github.triggerspring.autoconfigure;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.triggerspring.TriggerClient;
import io.github.triggerspring.auth.AuthOptions;
import io.github.triggerspring.auth.CallAuthorization;
import io.github.triggerspring.http.RequestOptions;
import io.github.triggerspring.http.TriggerRetryPolicy;
import io.github.triggerspring.runs.Run;
import io.github.triggerspring.runs.RunStatus;
import io.github.triggerspring.schedules.Schedule;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TriggerRuntimeHints}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerRuntimeHintsTests {

	/**
	 * Records of the API packages that are not request or response models. Records of
	 * the internal and auto-configuration packages are not models either.
	 */
	private static final Set<String> NOT_MODELS = Set.of(AuthOptions.class.getName(),
			CallAuthorization.class.getName(), "io.github.triggerspring.auth.PublicAccessToken",
			RequestOptions.class.getName(), TriggerRetryPolicy.class.getName());

	private final RuntimeHints hints = hints();

	@Test
	void isImportedByTheAutoConfiguration() {
		assertThat(TriggerAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class).value())
			.containsExactly(TriggerRuntimeHints.class);
	}

	@Test
	void coversTheModelsTheWireMapperReflects() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(Run.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Run.class, "taskIdentifier"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Schedule.class, "generator"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(RunStatus.class)).accepts(this.hints);
	}

	@Test
	void coversEveryRecordOfTheModule() throws Exception {
		List<Class<?>> records = moduleRecords();
		assertThat(records).hasSizeGreaterThan(40);
		assertThat(TriggerRuntimeHints.modelRecords(getClass().getClassLoader())).containsAll(records);
		for (Class<?> record : records) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(record)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(record.getName()).accepts(this.hints);
			for (RecordComponent component : record.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(record.getName() + "." + component.getName())
					.accepts(this.hints);
			}
		}
	}

	@Test
	void coversTheConfigurationProperties() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TriggerProperties.class, "setSecretKey"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(TriggerProperties.Retry.class, "setMaxAttempts")).accepts(this.hints);
	}

	@Test
	void coversTheVersionResource() {
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("io/github/triggerspring/internal/http/trigger-spring-boot.properties")).accepts(this.hints);
	}

	private static RuntimeHints hints() {
		RuntimeHints hints = new RuntimeHints();
		new TriggerRuntimeHints().registerHints(hints, TriggerRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

	/**
	 * Every record compiled into the module, found on disk rather than by the scan under
	 * test, without those that are not models.
	 */
	private static List<Class<?>> moduleRecords() throws IOException, URISyntaxException {
		Path classes = Path.of(TriggerClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (Stream<Path> files = Files.walk(classes)) {
			return files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> classes.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
				.map((path) -> ClassUtils.convertResourcePathToClassName(path.substring(0, path.length() - 6)))
				.filter((name) -> !name.endsWith("package-info"))
				.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, TriggerRuntimeHintsTests.class.getClassLoader()))
				.filter(Class::isRecord)
				.filter((type) -> !NOT_MODELS.contains(type.getName()))
				.filter((type) -> !type.getPackageName().startsWith("io.github.triggerspring.internal.")
						&& !type.getPackageName().startsWith("io.github.triggerspring.autoconfigure"))
				.toList();
		}
	}

}
