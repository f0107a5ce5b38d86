package io.github.triggerspring.emulator;

import org.jspecify.annotations.Nullable;

/**
 * A runtime environment: the root environment of a type, or a preview branch.
 *
 * @author trigger-spring-boot contributors
 */
final class EnvRecord {

	final String id;

	final ProjectRecord project;

	final EmulatedEnvironment type;

	final @Nullable String branch;

	final @Nullable EnvRecord parent;

	EnvRecord(String id, ProjectRecord project, EmulatedEnvironment type, @Nullable String branch,
			@Nullable EnvRecord parent) {
		this.id = id;
		this.project = project;
		this.type = type;
		this.branch = branch;
		this.parent = parent;
	}

	String slug() {
		return this.type.slug();
	}

	@Override
	public String toString() {
		return this.project.ref + "/" + this.type.slug() + ((this.branch != null) ? "/" + this.branch : "");
	}

}
