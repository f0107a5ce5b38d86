package io.github.triggerspring.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from {@link TriggerProperties}.
 *
 * @author trigger-spring-boot contributors
 */
class ConfigurationMetadataTests {

	@Test
	void everyTriggerPropertyHasADescriptionInTheGeneratedMetadata() throws Exception {
		JsonNode metadata = metadata();
		List<String> names = new ArrayList<>();
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("trigger.")) {
				names.add(name);
				JsonNode description = property.get("description");
				if (description == null || description.asString().isBlank()) {
					undescribed.add(name);
				}
				else {
					assertThat(description.asString()).as(name).doesNotStartWith("The ").doesNotStartWith("A ");
				}
			}
		}
		assertThat(undescribed).as("trigger.* properties without a description").isEmpty();
		assertThat(names).contains("trigger.secret-key", "trigger.personal-access-token", "trigger.project-ref",
				"trigger.environment", "trigger.preview-branch", "trigger.api-url", "trigger.enabled",
				"trigger.connect-timeout", "trigger.response-timeout", "trigger.retry.max-attempts",
				"trigger.retry.initial-backoff", "trigger.retry.max-backoff", "trigger.retry.multiplier",
				"trigger.retry.jitter");
	}

	@Test
	void theReadmeTableHasARowForEveryWebhookPropertyAndNoOther() throws Exception {
		List<String> inMetadata = new ArrayList<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("trigger.webhooks.")) {
				inMetadata.add(name);
			}
		}
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		List<String> inReadme = new ArrayList<>();
		Matcher row = Pattern.compile("(?m)^\\| `(trigger\\.webhooks\\.[a-z.-]+)` \\|").matcher(readme);
		while (row.find()) {
			inReadme.add(row.group(1));
		}
		assertThat(inMetadata).isNotEmpty();
		assertThat(inReadme).containsExactlyInAnyOrderElementsOf(inMetadata);
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(input);
		}
	}

}
