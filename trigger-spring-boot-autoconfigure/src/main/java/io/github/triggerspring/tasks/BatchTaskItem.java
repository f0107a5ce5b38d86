package io.github.triggerspring.tasks;

import org.jspecify.annotations.Nullable;

/**
 * One run of a {@code batch.trigger} batch, whose items may go to different tasks: the
 * task, the payload and the options. The SDK calls it {@code {id, payload, options}}.
 *
 * @param taskId the task to trigger
 * @param payload the payload: a {@link String} is sent as plain text, anything else as
 * superjson written by the application's JSON mapper (see {@link TasksClient}),
 * {@code null} as no payload
 * @param options the run's options
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record BatchTaskItem(String taskId, @Nullable Object payload, TriggerOptions options) {

	/**
	 * An item with no options.
	 * @param taskId the task to trigger
	 * @param payload the payload
	 * @return the item
	 */
	public static BatchTaskItem of(String taskId, @Nullable Object payload) {
		return new BatchTaskItem(taskId, payload, TriggerOptions.none());
	}

	/**
	 * An item with options.
	 * @param taskId the task to trigger
	 * @param payload the payload
	 * @param options the options
	 * @return the item
	 */
	public static BatchTaskItem of(String taskId, @Nullable Object payload, TriggerOptions options) {
		return new BatchTaskItem(taskId, payload, options);
	}

}
