package io.github.triggerspring.emulator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A project with its environments and preview branches.
 *
 * @author trigger-spring-boot contributors
 */
final class ProjectRecord {

	final String ref;

	final Map<EmulatedEnvironment, EnvRecord> roots = new EnumMap<>(EmulatedEnvironment.class);

	final Map<String, EnvRecord> previewBranches = new LinkedHashMap<>();

	ProjectRecord(String ref) {
		this.ref = ref;
		for (EmulatedEnvironment type : EmulatedEnvironment.values()) {
			this.roots.put(type, new EnvRecord(Ids.friendly("env_"), this, type, null, null));
		}
	}

	EnvRecord root(EmulatedEnvironment type) {
		return this.roots.get(type);
	}

	EnvRecord addPreviewBranch(String branch) {
		return this.previewBranches.computeIfAbsent(branch, (name) -> new EnvRecord(Ids.friendly("env_"), this,
				EmulatedEnvironment.PREVIEW, name, this.roots.get(EmulatedEnvironment.PREVIEW)));
	}

	@Nullable EnvRecord previewBranch(String branch) {
		return this.previewBranches.get(branch);
	}

}
