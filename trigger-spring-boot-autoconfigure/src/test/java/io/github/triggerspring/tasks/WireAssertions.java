package io.github.triggerspring.tasks;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares request bodies as JSON trees, so that member order and spacing do not matter.
 *
 * @author trigger-spring-boot contributors
 */
final class WireAssertions {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private WireAssertions() {
	}

	static void assertJson(String actual, String expected) {
		assertThat(MAPPER.readTree(actual)).isEqualTo(MAPPER.readTree(expected));
	}

	static String quote(String text) {
		return MAPPER.writeValueAsString(text);
	}

}
