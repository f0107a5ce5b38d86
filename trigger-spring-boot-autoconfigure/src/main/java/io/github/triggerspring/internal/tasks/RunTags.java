package io.github.triggerspring.internal.tasks;

import java.util.List;

import io.github.triggerspring.error.TriggerValidationException;

/**
 * The API's rules for run tags, checked before anything is sent: at most
 * {@value #MAX_TAGS} tags a run, each non-empty and at most {@value #MAX_TAG_LENGTH}
 * characters long.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class RunTags {

	/** Most tags a run may have. */
	public static final int MAX_TAGS = 10;

	/** Longest tag. */
	public static final int MAX_TAG_LENGTH = 128;

	private RunTags() {
	}

	/**
	 * Checks the tags.
	 * @param tags the tags
	 * @param field the name of the field, for the error
	 * @return an immutable copy of the tags
	 * @throws TriggerValidationException if a rule is broken
	 */
	public static List<String> check(List<String> tags, String field) {
		if (tags.size() > MAX_TAGS) {
			throw new TriggerValidationException(field, "has " + tags.size() + " tags, but a run may have at most "
					+ MAX_TAGS + ". Drop some tags, or combine them, for example 'user:1234'.");
		}
		for (String tag : tags) {
			if (tag == null || tag.isEmpty()) {
				throw new TriggerValidationException(field, "contains a null or empty tag. Remove it.");
			}
			if (tag.length() > MAX_TAG_LENGTH) {
				throw new TriggerValidationException(field, "contains a tag of " + tag.length()
						+ " characters, but a tag may have at most " + MAX_TAG_LENGTH + ". Shorten the tag.");
			}
		}
		return List.copyOf(tags);
	}

}
