package io.github.triggerspring.auth;

/**
 * Thrown when the Trigger.dev configuration cannot work, for example a personal access
 * token without a project ref. It carries a description of the problem and the action
 * that fixes it, both free of secrets, and fails the application start with that report.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public class InvalidTriggerConfigurationException extends RuntimeException {

	private final String description;

	private final String action;

	/**
	 * Creates a new exception.
	 * @param description what is wrong; must not contain a secret
	 * @param action how to fix it, naming the property and the environment variable
	 */
	public InvalidTriggerConfigurationException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	/**
	 * Description of what is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Action that fixes the problem.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
