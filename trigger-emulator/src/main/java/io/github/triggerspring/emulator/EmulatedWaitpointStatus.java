package io.github.triggerspring.emulator;

/**
 * Status of an emulated waitpoint token, as the API reports it.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public enum EmulatedWaitpointStatus {

	/** Not completed yet. */
	WAITING,

	/** Completed through the API, its callback URL or the emulator. */
	COMPLETED,

	/** Its timeout passed on the emulator clock before it was completed. */
	TIMED_OUT

}
