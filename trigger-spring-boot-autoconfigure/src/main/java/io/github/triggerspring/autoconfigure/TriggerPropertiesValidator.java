package io.github.triggerspring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
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
	 */
	static void check(TriggerProperties properties, Environment environment) {
		Rejections rejections = new Rejections(null);
		validate(properties, rejections);
		validate(properties.getRetry(), rejections);
		if (rejections.any) {
			Binder.get(environment)
				.bind(PREFIX, Bindable.ofInstance(new TriggerProperties()), new ValidationBindHandler(
						new IgnoreTopLevelConverterNotFoundBindHandler(), new TriggerPropertiesValidator()));
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
			rejections.reject("maxResponseSize", "range", "must be between 1 byte and 2 GB");
		}
	}

	private static void validate(TriggerProperties.Retry retry, Rejections rejections) {
		if (retry.getMaxAttempts() < 1) {
			rejections.reject("maxAttempts", "min", "must be at least 1 (1 disables retries)");
		}
		rejectUnlessPositive(rejections, "initialBackoff", retry.getInitialBackoff());
		rejectUnlessPositive(rejections, "maxBackoff", retry.getMaxBackoff());
		if (!(retry.getMultiplier() >= 1)) {
			rejections.reject("multiplier", "min", "must be at least 1");
		}
		if (!(retry.getJitter() >= 0 && retry.getJitter() <= 1)) {
			rejections.reject("jitter", "range", "must be between 0 and 1");
		}
		if (retry.getMaxRateLimitWait().isNegative()) {
			rejections.reject("maxRateLimitWait", "min", "must not be negative");
		}
	}

	private static void rejectUnlessPositive(Rejections rejections, String field, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			rejections.reject(field, "positive", "must be positive");
		}
	}

	/**
	 * Records rejections in Spring's {@link Errors}, or only whether there is any.
	 */
	private static final class Rejections {

		private final @Nullable Errors errors;

		private boolean any;

		Rejections(@Nullable Errors errors) {
			this.errors = errors;
		}

		void reject(String field, String code, String message) {
			this.any = true;
			if (this.errors != null) {
				this.errors.rejectValue(field, code, message);
			}
		}

	}

}
