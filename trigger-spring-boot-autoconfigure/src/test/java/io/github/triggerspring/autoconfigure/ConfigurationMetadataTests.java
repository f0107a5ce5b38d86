package io.github.triggerspring.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
	void theReadmeTableHasARowWithTheDefaultOfEveryWebhookPropertyAndNoOther() throws Exception {
		Map<String, String> inMetadata = new TreeMap<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("trigger.webhooks.")) {
				JsonNode defaultValue = property.get("defaultValue");
				inMetadata.put(name, (defaultValue != null) ? defaultValue.asString() : "");
			}
		}
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		Map<String, String> inReadme = new TreeMap<>();
		Matcher row = Pattern.compile("(?m)^\\| `(trigger\\.webhooks\\.[a-z.-]+)` \\|[^|]*\\|\\s*`?([^|`]*?)`?\\s*\\|")
			.matcher(readme);
		while (row.find()) {
			inReadme.put(row.group(1), row.group(2).strip());
		}
		assertThat(inMetadata).isNotEmpty();
		assertThat(inReadme).isEqualTo(inMetadata);
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(input);
		}
	}

}
