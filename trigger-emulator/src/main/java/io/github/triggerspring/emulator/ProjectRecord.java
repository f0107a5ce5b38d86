package io.github.triggerspring.emulator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project with its environments and branches.
 *
 * @author trigger-spring-boot contributors
 */
final class ProjectRecord {

	final String ref;

	final Map<EmulatedEnvironment, EnvRecord> roots = new EnumMap<>(EmulatedEnvironment.class);

	final Map<String, EnvRecord> previewBranches = new LinkedHashMap<>();

	final Map<String, EnvRecord> devBranches = new LinkedHashMap<>();

	ProjectRecord(String ref) {
		this.ref = ref;
		for (EmulatedEnvironment type : EmulatedEnvironment.values()) {
			this.roots.put(type, new EnvRecord(Ids.friendly("env_"), this, type, null, null));
		}
	}

	EnvRecord root(EmulatedEnvironment type) {
		return this.roots.get(type);
	}

	EnvRecord addBranch(EmulatedEnvironment type, String branch) {
		Map<String, EnvRecord> branches = (type == EmulatedEnvironment.PREVIEW) ? this.previewBranches
				: this.devBranches;
		return branches.computeIfAbsent(branch,
				(name) -> new EnvRecord(Ids.friendly("env_"), this, type, name, this.roots.get(type)));
	}

	EnvRecord branch(EmulatedEnvironment type, String branch) {
		return switch (type) {
			case PREVIEW -> this.previewBranches.get(branch);
			case DEV -> this.devBranches.get(branch);
			default -> null;
		};
	}

}
