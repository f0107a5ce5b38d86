package io.github.triggerspring.queues;

import java.util.Locale;

/**
 * Names one queue, in one of the three ways the API accepts: by its id, as the default
 * queue of a task, or as a custom queue declared in code with {@code queue()}.
 *
 * <pre class="code">
 * queues.pause(QueueRef.id("queue_1234"));
 * queues.pause(QueueRef.task("process-order"));
 * queues.pause(QueueRef.custom("shared/emails"));
 * </pre>
 *
 * The name is sent in the path as the official SDK sends it: a {@code /} is written as
 * {@code %2F} before the value is encoded, so it reaches the server as {@code %252F}.
 *
 * @param kind how {@code name} is interpreted
 * @param name the queue id, the task id or the custom queue's name
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record QueueRef(Kind kind, String name) {

	/**
	 * A queue named by its id.
	 * @param queueId the queue id ({@code queue_…})
	 * @return the reference
	 */
	public static QueueRef id(String queueId) {
		return new QueueRef(Kind.ID, queueId);
	}

	/**
	 * The default queue of a task.
	 * @param taskId the task id
	 * @return the reference
	 */
	public static QueueRef task(String taskId) {
		return new QueueRef(Kind.TASK, taskId);
	}

	/**
	 * A custom queue, declared in code with {@code queue({ name })}.
	 * @param name the queue's name
	 * @return the reference
	 */
	public static QueueRef custom(String name) {
		return new QueueRef(Kind.CUSTOM, name);
	}

	/**
	 * The path segment, before URI encoding: the name with each {@code /} replaced by
	 * {@code %2F}, as the SDK does before {@code encodeURIComponent}.
	 * @return the segment to encode
	 */
	String pathSegment() {
		return this.name.replace("/", "%2F");
	}

	/**
	 * How a {@link QueueRef} names its queue, sent as {@code type}.
	 */
	public enum Kind {

		/** By queue id ({@code queue_…}). */
		ID,

		/** By task id: the task's default queue. */
		TASK,

		/** By the name of a custom queue. */
		CUSTOM;

		/**
		 * Wire value, sent as {@code type}.
		 * @return {@code id}, {@code task} or {@code custom}
		 */
		public String wireValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
