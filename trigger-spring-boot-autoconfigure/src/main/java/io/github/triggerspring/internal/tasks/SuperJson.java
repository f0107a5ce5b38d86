package io.github.triggerspring.internal.tasks;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.SegmentedStringWriter;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.MapType;

import org.springframework.util.function.SingletonSupplier;

/**
 * Writes a value as the SDK's {@code superjson.stringify} does:
 * {@code {"json":<value>,"meta":{"values":<annotations>}}}, {@code meta} only when a
 * value needs an annotation (see {@link SuperJsonSerializer} for which ones).
 * <p>
 * The JSON is written by a copy of the application's {@link JsonMapper}, so its
 * annotations, naming strategy and modules apply; the copy only wraps the serializers of
 * the types that may need an annotation, which record the JSON path they write to. A
 * property with a serializer of its own ({@code @JsonSerialize(using = ...)}) is written
 * as that serializer writes it, with no annotation.
 * <p>
 * Values shared by several paths are written at each path and not linked by
 * {@code meta.referentialEqualities}: the task gets equal copies. Paths follow the
 * format of superjson 2.2.1, the version the SDK bundles, and no {@code meta.v} is
 * written.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class SuperJson {

	private static final JsonMapper META_MAPPER = JsonMapper.builder().build();

	private final Supplier<ObjectWriter> writer;

	/**
	 * Creates a writer on a copy of the application's mapper. The copy is made on first
	 * use, not at startup.
	 * @param mapper the application's mapper
	 */
	public SuperJson(JsonMapper mapper) {
		this.writer = SingletonSupplier.of(() -> mapper.rebuild()
			.addModule(new SimpleModule("io.github.triggerspring.superjson").setSerializerModifier(new Modifier()))
			.build()
			.writer()
			.without(SerializationFeature.INDENT_OUTPUT));
	}

	/**
	 * The superjson string of a value.
	 * @param value the value
	 * @return the string, as {@code superjson.stringify} writes it
	 * @throws tools.jackson.core.JacksonException if the value cannot be written
	 */
	public String stringify(@Nullable Object value) {
		ObjectWriter writer = this.writer.get();
		SuperJsonAnnotations annotations = new SuperJsonAnnotations();
		// the envelope and the value in one buffer, as writeValueAsString writes the value
		BufferRecycler recycler = writer.generatorFactory()._getBufferRecycler();
		try (SegmentedStringWriter text = new SegmentedStringWriter(recycler)) {
			text.write("{\"json\":");
			try (SuperJsonAnnotations.Scope writing = annotations.write()) {
				writer.writeValue(text, value);
			}
			JsonNode values = annotations.values();
			if (values != null) {
				text.write(",\"meta\":{\"values\":");
				text.write(META_MAPPER.writeValueAsString(values));
				text.write('}');
			}
			text.write('}');
			return text.getAndClear();
		}
		finally {
			recycler.releaseToPool();
		}
	}

	/**
	 * Wraps the serializers of the types whose values may need an annotation.
	 */
	private static final class Modifier extends ValueSerializerModifier {

		private static final long serialVersionUID = 1L;

		@Override
		public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier beanDesc,
				ValueSerializer<?> serializer) {
			return wrap(beanDesc.getBeanClass(), serializer);
		}

		@Override
		public ValueSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
				BeanDescription.Supplier beanDesc, ValueSerializer<?> serializer) {
			return wrap(type.getRawClass(), serializer);
		}

		@Override
		public ValueSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type,
				BeanDescription.Supplier beanDesc, ValueSerializer<?> serializer) {
			return wrap(type.getRawClass(), serializer);
		}

		private static ValueSerializer<?> wrap(Class<?> type, ValueSerializer<?> serializer) {
			if (serializer instanceof SuperJsonSerializer || !SuperJsonSerializer.mayNeedAnnotation(type)) {
				return serializer;
			}
			return new SuperJsonSerializer(serializer);
		}

	}

}
