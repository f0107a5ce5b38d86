package io.github.triggerspring.internal.tasks;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.PropertyWriter;
import tools.jackson.databind.util.NameTransformer;
import tools.jackson.databind.util.TokenBuffer;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Wraps the application's serializer of a type whose values may need a superjson
 * annotation, and writes such values in superjson's form, recording their type in the
 * {@link SuperJsonAnnotations} of the payload being written:
 * <ul>
 * <li>an instant ({@link JavaScriptDates#instantOf(Object)}) as {@code Date}, written
 * like {@code toISOString()};</li>
 * <li>a {@link BigInteger} as {@code bigint}, written as its decimal string;</li>
 * <li>a {@link Set} as {@code set}, written as an array;</li>
 * <li>a {@link Map} with a key that is not written as a JSON string as {@code map},
 * written as an array of {@code [key, value]} pairs.</li>
 * </ul>
 * Any other value, and every value written outside a payload or with type information,
 * is left to the application's serializer.
 *
 * @author trigger-spring-boot contributors
 */
final class SuperJsonSerializer extends ValueSerializer<Object> {

	private final ValueSerializer<Object> delegate;

	@SuppressWarnings("unchecked")
	SuperJsonSerializer(ValueSerializer<?> delegate) {
		this.delegate = (ValueSerializer<Object>) delegate;
	}

	/**
	 * Whether values of a declared type may need an annotation, so that its serializer
	 * is wrapped. Collections other than sets are not, and neither is {@code Object},
	 * whose values are serialized by the serializer of their own class.
	 */
	static boolean mayNeedAnnotation(Class<?> type) {
		return JavaScriptDates.isInstantType(type) || BigInteger.class.isAssignableFrom(type)
				|| type == Number.class || Map.class.isAssignableFrom(type) || (Collection.class.isAssignableFrom(type)
						&& (Set.class.isAssignableFrom(type) || type.isAssignableFrom(Set.class)));
	}

	/**
	 * Whether a value is annotated whatever its serializer writes: instants, big
	 * integers, sets and maps.
	 */
	private static boolean isSpecial(Object value) {
		return JavaScriptDates.instantOf(value) != null || value instanceof BigInteger || value instanceof Set
				|| value instanceof Map;
	}

	@Override
	public void serialize(Object value, JsonGenerator generator, SerializationContext context)
			throws JacksonException {
		SuperJsonAnnotations annotations = SuperJsonAnnotations.writing();
		if (annotations == null) {
			this.delegate.serialize(value, generator, context);
			return;
		}
		Instant instant = JavaScriptDates.instantOf(value);
		if (instant != null) {
			if (!JavaScriptDates.isInRange(instant)) {
				context.reportMappingProblem("%s %s is outside the range of a JavaScript Date (%s ms from the epoch)",
						value.getClass().getSimpleName(), value, JavaScriptDates.MAX_EPOCH_MILLIS);
			}
			generator.writeString(JavaScriptDates.toIsoString(instant));
			annotations.record(generator.streamWriteContext(), "Date");
		}
		else if (value instanceof BigInteger integer) {
			generator.writeString(integer.toString());
			annotations.record(generator.streamWriteContext(), "bigint");
		}
		else if (value instanceof Set<?> set) {
			if (set.size() == 1 && context.isEnabled(SerializationFeature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)) {
				generator.writeStartArray(set, 1);
				context.writeValue(generator, set.iterator().next());
				generator.writeEndArray();
			}
			else {
				this.delegate.serialize(value, generator, context);
			}
			annotations.record(generator.streamWriteContext(), "set");
		}
		else if (value instanceof Map<?, ?> map && !keysAreStrings(map, annotations, context)) {
			generator.writeStartArray(map, map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				generator.writeStartArray(entry, 2);
				context.writeValue(generator, entry.getKey());
				context.writeValue(generator, entry.getValue());
				generator.writeEndArray();
			}
			generator.writeEndArray();
			annotations.record(generator.streamWriteContext(), "map");
		}
		else {
			this.delegate.serialize(value, generator, context);
		}
	}

	/**
	 * Whether every key of a map is written as a JSON string, so that the map fits a
	 * JavaScript object: a key is written, without recording anything, to see what it
	 * becomes. Instants and big integers never fit, whatever they are written as.
	 */
	private static boolean keysAreStrings(Map<?, ?> map, SuperJsonAnnotations annotations,
			SerializationContext context) {
		for (Object key : map.keySet()) {
			if (key instanceof String) {
				continue;
			}
			if (key == null || isSpecial(key)) {
				return false;
			}
			annotations.suspend();
			try (TokenBuffer buffer = context.bufferForValueConversion()) {
				context.writeValue(buffer, key);
				if (buffer.firstToken() != JsonToken.VALUE_STRING) {
					return false;
				}
			}
			finally {
				annotations.resume();
			}
		}
		return true;
	}

	@Override
	public void serializeWithType(Object value, JsonGenerator generator, SerializationContext context,
			TypeSerializer typeSerializer) throws JacksonException {
		this.delegate.serializeWithType(value, generator, context, typeSerializer);
	}

	@Override
	public void resolve(SerializationContext context) {
		this.delegate.resolve(context);
	}

	@Override
	public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
		return rewrap(this.delegate.createContextual(context, property));
	}

	@Override
	public ValueSerializer<?> withFilterId(Object filterId) {
		return rewrap(this.delegate.withFilterId(filterId));
	}

	@Override
	public ValueSerializer<?> withIgnoredProperties(Set<String> ignoredProperties) {
		return rewrap(this.delegate.withIgnoredProperties(ignoredProperties));
	}

	@Override
	public ValueSerializer<?> withFormatOverrides(SerializationConfig config, JsonFormat.Value formatOverrides) {
		return rewrap(this.delegate.withFormatOverrides(config, formatOverrides));
	}

	@Override
	public ValueSerializer<Object> unwrappingSerializer(@Nullable NameTransformer unwrapper) {
		ValueSerializer<Object> unwrapping = this.delegate.unwrappingSerializer(unwrapper);
		return (unwrapping != this.delegate) ? unwrapping : this;
	}

	private ValueSerializer<?> rewrap(@Nullable ValueSerializer<?> serializer) {
		if (serializer == null || serializer == this.delegate) {
			return this;
		}
		return (serializer instanceof SuperJsonSerializer) ? serializer : new SuperJsonSerializer(serializer);
	}

	@Override
	public boolean isEmpty(SerializationContext context, Object value) {
		return this.delegate.isEmpty(context, value);
	}

	@Override
	public boolean usesObjectId() {
		return this.delegate.usesObjectId();
	}

	@Override
	public boolean isUnwrappingSerializer() {
		return this.delegate.isUnwrappingSerializer();
	}

	@Override
	public Class<?> handledType() {
		return this.delegate.handledType();
	}

	@Override
	public ValueSerializer<?> getDelegatee() {
		return this.delegate;
	}

	@Override
	public Iterator<PropertyWriter> properties() {
		return this.delegate.properties();
	}

	@Override
	public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) {
		this.delegate.acceptJsonFormatVisitor(visitor, type);
	}

}
