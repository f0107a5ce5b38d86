package io.github.triggerspring.tasks;

import org.jspecify.annotations.Nullable;

/**
 * One run of a batch: its payload and options.
 *
 * @param payload the payload: a {@link String} is sent as plain text, anything else as
 * superjson written by the application's JSON mapper (see {@link TasksClient}),
 * {@code null} as no payload
 * @param options the run's options
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record BatchItem(@Nullable Object payload, TriggerOptions options) {

	/**
	 * An item with no options.
	 * @param payload the payload
	 * @return the item
	 */
	public static BatchItem of(@Nullable Object payload) {
		return new BatchItem(payload, TriggerOptions.none());
	}

	/**
	 * An item with options.
	 * @param payload the payload
	 * @param options the options
	 * @return the item
	 */
	public static BatchItem of(@Nullable Object payload, TriggerOptions options) {
		return new BatchItem(payload, options);
	}

}
