package io.github.triggerspring.error;

import org.jspecify.annotations.Nullable;

/**
 * Signalled when a call's input breaks a rule of the API, before anything is sent. The
 * message names the field, the rule and the fix.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class TriggerValidationException extends TriggerException {

	private final String field;

	/**
	 * Creates a new exception.
	 * @param field the offending field, for example {@code options.tags}
	 * @param message what is wrong and how to fix it
	 */
	public TriggerValidationException(String field, String message) {
		super("Invalid '" + field + "': " + message, null);
		this.field = field;
	}

	/**
	 * Returns the value if it has text, else throws.
	 * @param value the value
	 * @param field the field name used in the message
	 * @return the value
	 * @throws TriggerValidationException if the value is {@code null} or blank
	 */
	public static String requireText(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new TriggerValidationException(field, "must not be blank.");
		}
		return value;
	}

	/**
	 * Checks a page size against the API's range of 1 to 100.
	 * @param pageSize the page size, or {@code null} for the server's default
	 * @param field the field name used in the message
	 * @throws TriggerValidationException if the size is outside 1 to 100
	 */
	public static void checkPageSize(@Nullable Integer pageSize, String field) {
		if (pageSize != null && (pageSize < 1 || pageSize > 100)) {
			throw new TriggerValidationException(field,
					"must be between 1 and 100, but was " + pageSize + ". Use a size from 1 to 100.");
		}
	}

	/**
	 * Field that broke the rule.
	 * @return the field name
	 */
	public String getField() {
		return this.field;
	}

}
