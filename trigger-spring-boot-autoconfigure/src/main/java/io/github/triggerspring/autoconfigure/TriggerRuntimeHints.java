package io.github.triggerspring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.util.ClassUtils;

/**
 * Runtime hints for a native image: every record of the model packages, which the
 * starter's own JSON mapper writes and reads by reflection (with the types they reach,
 * such as enums), the configuration properties, which Boot binds by reflection, and the
 * resource that holds the starter's version for the {@code User-Agent} header.
 * <p>
 * The model packages are scanned at build time, so that a new record in them is covered
 * without being listed; a new model package joins {@link #MODEL_PACKAGES}.
 *
 * @author trigger-spring-boot contributors
 */
class TriggerRuntimeHints implements RuntimeHintsRegistrar {

	/** Packages whose records are request and response models. */
	static final List<String> MODEL_PACKAGES = List.of("io.github.triggerspring.deployments",
			"io.github.triggerspring.envvars", "io.github.triggerspring.paging", "io.github.triggerspring.queues",
			"io.github.triggerspring.realtime", "io.github.triggerspring.runs", "io.github.triggerspring.schedules",
			"io.github.triggerspring.tasks", "io.github.triggerspring.tokens", "io.github.triggerspring.waitpoints",
			"io.github.triggerspring.webhooks");

	private static final String VERSION_RESOURCE = "io/github/triggerspring/internal/http/trigger-spring-boot.properties";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				modelRecords(classLoader).toArray(Class<?>[]::new));
		BindableRuntimeHintsRegistrar.forTypes(TriggerProperties.class).registerHints(hints, classLoader);
		hints.resources().registerPattern(VERSION_RESOURCE);
	}

	/**
	 * The records of the model packages, nested ones included.
	 * @param classLoader the class loader to scan and load with
	 * @return the record types
	 */
	static List<Class<?>> modelRecords(@Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		List<Class<?>> records = new ArrayList<>();
		try {
			for (String modelPackage : MODEL_PACKAGES) {
				String pattern = "classpath*:" + ClassUtils.convertClassNameToResourcePath(modelPackage) + "/*.class";
				for (Resource resource : resolver.getResources(pattern)) {
					MetadataReader reader = readers.getMetadataReader(resource);
					if (Record.class.getName().equals(reader.getClassMetadata().getSuperClassName())) {
						records.add(ClassUtils.resolveClassName(reader.getClassMetadata().getClassName(), classLoader));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

}
