package io.github.triggerspring.observation;

import java.util.Locale;

import io.github.triggerspring.auth.UnsupportedCredentialException;
import io.github.triggerspring.error.TriggerApiException;
import io.github.triggerspring.error.TriggerConnectionException;
import io.github.triggerspring.error.TriggerValidationException;
import io.github.triggerspring.observation.TriggerObservationDocumentation.HighCardinalityKeyNames;
import io.github.triggerspring.observation.TriggerObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * Default {@link TriggerObservationConvention}: the observation is named
 * {@code trigger.client.calls} and its contextual name is {@code trigger <endpoint id>}.
 * See {@link TriggerObservationDocumentation} for the keys.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class DefaultTriggerObservationConvention implements TriggerObservationConvention {

	/** Name of the observation. */
	public static final String NAME = "trigger.client.calls";

	/** Shared instance. */
	public static final DefaultTriggerObservationConvention INSTANCE = new DefaultTriggerObservationConvention();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TriggerObservationContext context) {
		return "trigger " + context.getEndpoint().id();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TriggerObservationContext context) {
		KeyValues started = KeyValues.of(LowCardinalityKeyNames.ENDPOINT.withValue(context.getEndpoint().id()),
				LowCardinalityKeyNames.NAMESPACE.withValue(namespace(context)));
		if (!context.isEnded()) {
			return started;
		}
		return started.and(LowCardinalityKeyNames.CREDENTIAL.withValue(credential(context)),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome(context)),
				LowCardinalityKeyNames.EXCEPTION.withValue(exception(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TriggerObservationContext context) {
		KeyValues values = KeyValues.empty();
		if (context.getRunId() != null) {
			values = values.and(HighCardinalityKeyNames.RUN_ID.withValue(context.getRunId()));
		}
		if (context.getTaskId() != null) {
			values = values.and(HighCardinalityKeyNames.TASK_ID.withValue(context.getTaskId()));
		}
		return values;
	}

	/**
	 * Value of {@code trigger.namespace}: the namespace's name in lower case, for example
	 * {@code runs} or {@code idempotency_keys}.
	 * @param context the context
	 * @return the value
	 */
	protected String namespace(TriggerObservationContext context) {
		return context.getEndpoint().namespace().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Value of {@code trigger.credential}.
	 * @param context the context
	 * @return the credential kind in lower case, {@code none} or {@code unknown}
	 */
	protected String credential(TriggerObservationContext context) {
		if (context.getCredential() != null) {
			return context.getCredential().name().toLowerCase(Locale.ROOT);
		}
		return context.isAnonymous() ? "none" : "unknown";
	}

	/**
	 * Value of {@code outcome}.
	 * @param context the context
	 * @return the outcome
	 */
	protected String outcome(TriggerObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return context.isCancelled() ? "UNKNOWN" : "SUCCESS";
		}
		if (error instanceof UnsupportedCredentialException || error instanceof TriggerValidationException) {
			return "REFUSED";
		}
		if (error instanceof TriggerApiException api) {
			if (api.getStatus() >= 400 && api.getStatus() < 500) {
				return "CLIENT_ERROR";
			}
			if (api.getStatus() >= 500) {
				return "SERVER_ERROR";
			}
		}
		if (error instanceof TriggerConnectionException) {
			return "NO_RESPONSE";
		}
		return "UNKNOWN";
	}

	/**
	 * Value of {@code exception}.
	 * @param context the context
	 * @return the simple class name of the error, or {@code none}
	 */
	protected String exception(TriggerObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return "none";
		}
		String name = error.getClass().getSimpleName();
		return name.isEmpty() ? error.getClass().getName() : name;
	}

}
