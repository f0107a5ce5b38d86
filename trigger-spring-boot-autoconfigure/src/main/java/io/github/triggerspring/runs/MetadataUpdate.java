package io.github.triggerspring.runs;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A change to a run's metadata: either a whole new metadata object, or operations on the
 * run's own metadata and on its parent's and root's (the run itself when it has none).
 * When operations are given, the server ignores {@code metadata}.
 *
 * @param metadata the metadata that replaces the run's, or {@code null}
 * @param operations operations on the run's metadata, or {@code null}
 * @param parentOperations operations on the parent run's metadata, or {@code null}
 * @param rootOperations operations on the root run's metadata, or {@code null}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public record MetadataUpdate(@Nullable Map<String, ?> metadata, @Nullable List<MetadataOperation> operations,
		@Nullable List<MetadataOperation> parentOperations, @Nullable List<MetadataOperation> rootOperations) {

	/**
	 * Replaces the run's metadata.
	 * @param metadata the new metadata
	 * @return the update
	 */
	public static MetadataUpdate replace(Map<String, ?> metadata) {
		return new MetadataUpdate(metadata, null, null, null);
	}

	/**
	 * Applies operations to the run's metadata, in order.
	 * @param operations the operations
	 * @return the update
	 */
	public static MetadataUpdate operations(MetadataOperation... operations) {
		return new MetadataUpdate(null, List.of(operations), null, null);
	}

	/**
	 * Also applies operations to the parent run's metadata.
	 * @param operations the operations
	 * @return a new update
	 */
	public MetadataUpdate withParentOperations(MetadataOperation... operations) {
		return new MetadataUpdate(this.metadata, this.operations, List.of(operations), this.rootOperations);
	}

	/**
	 * Also applies operations to the root run's metadata.
	 * @param operations the operations
	 * @return a new update
	 */
	public MetadataUpdate withRootOperations(MetadataOperation... operations) {
		return new MetadataUpdate(this.metadata, this.operations, this.parentOperations, List.of(operations));
	}

}
