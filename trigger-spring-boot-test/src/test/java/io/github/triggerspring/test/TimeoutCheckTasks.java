package io.github.triggerspring.test;

/**
 * Tells the tasks with which the client checks its response timeouts from the waits it
 * schedules before an attempt: the client's timer schedules one check for the earliest
 * deadline of the attempts in flight, whose delay is at most the response timeout, and
 * is not a wait.
 *
 * @author trigger-spring-boot contributors
 */
final class TimeoutCheckTasks {

	/** The package-private timer of the client's HTTP layer, whose checks are its inner classes. */
	private static final String TIMER = "io.github.triggerspring.internal.http.TimeoutTimer$";

	private TimeoutCheckTasks() {
	}

	/**
	 * Whether a scheduled task checks the client's response timeouts.
	 * @param task the task the client scheduled
	 * @return whether it is a check of the response timeouts, not a wait
	 */
	static boolean checksResponseTimeouts(Runnable task) {
		return task.getClass().getName().startsWith(TIMER);
	}

}
