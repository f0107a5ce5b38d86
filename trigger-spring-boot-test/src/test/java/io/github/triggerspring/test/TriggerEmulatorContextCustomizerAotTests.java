package io.github.triggerspring.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.triggerspring.auth.TriggerEnvironment;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanRegistrationExcludeFilter;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests that the beans of {@link TriggerEmulatorContextCustomizer} survive AOT
 * processing.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerEmulatorContextCustomizerAotTests {

	@Test
	void excludeFilterIsAnAotService() {
		assertThat(AotServices.factories().load(BeanRegistrationExcludeFilter.class))
			.hasAtLeastOneElementOfType(TriggerEmulatorBeanRegistrationExcludeFilter.class);
	}

	@Test
	void aotProcessingLeavesTheInstanceSuppliedBeansToTheCustomizer() throws IOException {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new TriggerEmulatorContextCustomizer(EmulatorCredentials.BOTH, TriggerEnvironment.STAGING)
				.customizeContext(context, mock(MergedContextConfiguration.class));
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(TriggerEmulatorContextCustomizerAotTests.class)), files,
					new RuntimeHints());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			generationContext.writeGeneratedContent();
			assertThat(context.getBeanDefinition(TriggerEmulatorContextCustomizer.EMULATOR_BEAN_NAME)
				.getAttribute(TriggerEmulatorContextCustomizer.BEAN_ATTRIBUTE)).isEqualTo(true);
		}
		List<String> sources = new ArrayList<>();
		for (String path : files.getGeneratedFiles(Kind.SOURCE).keySet()) {
			sources.add(files.getGeneratedFileContent(Kind.SOURCE, path));
		}
		assertThat(sources).isNotEmpty().noneMatch((source) -> source.contains("triggerEmulator"));
	}

}
