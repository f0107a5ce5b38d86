package io.github.triggerspring.autoconfigure;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Validates the bound {@link TriggerProperties}. Valid properties, the usual case, are
 * checked without Spring's validation machinery, which an application that validates no
 * other properties would otherwise load while it starts. Invalid ones are bound again, as
 * Boot binds them, through a {@link ValidationBindHandler} with this {@link Validator}:
 * the start then fails with Boot's own report of each rejected property, its value and
 * its origin (file and line, or environment variable).
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerPropertiesValidator implements Validator {

	private static final String PREFIX = "trigger";

	private static final long MAX_RESPONSE_SIZE_BYTES = Integer.MAX_VALUE;

	/**
	 * Fails when the properties are invalid.
	 * @param properties the bound properties
	 * @param environment the environment they were bound from
	 * @throws BindException with a {@link BindValidationException} cause if a property is
	 * invalid
	 * @throws InvalidConfigurationPropertyValueException if a property is invalid although
	 * the environment binds valid ones (the application changed the bound properties)
	 */
	static void check(TriggerProperties properties, Environment environment) {
		Rejections rejections = new Rejections(null);
		validate(properties, rejections);
		rejections.nested("retry.");
		validate(properties.getRetry(), rejections);
		Rejection first = rejections.first;
		if (first != null) {
			Binder.get(environment)
				.bind(PREFIX, Bindable.ofInstance(new TriggerProperties()), new ValidationBindHandler(
						new IgnoreTopLevelConverterNotFoundBindHandler(), new TriggerPropertiesValidator()));
			throw new InvalidConfigurationPropertyValueException(first.property(), first.value(), first.message());
		}
	}

	@Override
	public boolean supports(Class<?> type) {
		return TriggerProperties.class.isAssignableFrom(type) || TriggerProperties.Retry.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		Rejections rejections = new Rejections(errors);
		if (target instanceof TriggerProperties.Retry retry) {
			validate(retry, rejections);
		}
		else {
			validate((TriggerProperties) target, rejections);
		}
	}

	private static void validate(TriggerProperties properties, Rejections rejections) {
		rejectUnlessPositive(rejections, "connectTimeout", properties.getConnectTimeout());
		rejectUnlessPositive(rejections, "responseTimeout", properties.getResponseTimeout());
		if (properties.getCallTimeout() != null) {
			rejectUnlessPositive(rejections, "callTimeout", properties.getCallTimeout());
		}
		long maxResponseSize = properties.getMaxResponseSize().toBytes();
		if (maxResponseSize < 1 || maxResponseSize > MAX_RESPONSE_SIZE_BYTES) {
			rejections.reject("maxResponseSize", properties.getMaxResponseSize(), "range",
					"must be between 1 byte and 2 GB");
		}
	}

	private static void validate(TriggerProperties.Retry retry, Rejections rejections) {
		if (retry.getMaxAttempts() < 1) {
			rejections.reject("maxAttempts", retry.getMaxAttempts(), "min", "must be at least 1 (1 disables retries)");
		}
		rejectUnlessPositive(rejections, "initialBackoff", retry.getInitialBackoff());
		rejectUnlessPositive(rejections, "maxBackoff", retry.getMaxBackoff());
		if (!(retry.getMultiplier() >= 1)) {
			rejections.reject("multiplier", retry.getMultiplier(), "min", "must be at least 1");
		}
		if (!(retry.getJitter() >= 0 && retry.getJitter() <= 1)) {
			rejections.reject("jitter", retry.getJitter(), "range", "must be between 0 and 1");
		}
		if (retry.getMaxRateLimitWait().isNegative()) {
			rejections.reject("maxRateLimitWait", retry.getMaxRateLimitWait(), "min", "must not be negative");
		}
	}

	private static void rejectUnlessPositive(Rejections rejections, String field, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			rejections.reject(field, duration, "positive", "must be positive");
		}
	}

	/**
	 * Records rejections in Spring's {@link Errors}, or only the first one.
	 */
	private static final class Rejections {

		private final @Nullable Errors errors;

		private String group = "";

		private @Nullable Rejection first;

		Rejections(@Nullable Errors errors) {
			this.errors = errors;
		}

		/**
		 * Names the following fields as properties of a nested group.
		 * @param group the group's prefix, {@code retry.} for example
		 */
		void nested(String group) {
			this.group = group;
		}

		void reject(String field, Object value, String code, String message) {
			if (this.first == null) {
				String property = PREFIX + "." + this.group + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
				this.first = new Rejection(property, value, message);
			}
			if (this.errors != null) {
				this.errors.rejectValue(field, code, message);
			}
		}

	}

	/**
	 * A rejected property.
	 *
	 * @param property the property's name, {@code trigger.retry.max-attempts} for example
	 * @param value its value
	 * @param message why it is rejected
	 */
	private record Rejection(String property, Object value, String message) {

	}

}
