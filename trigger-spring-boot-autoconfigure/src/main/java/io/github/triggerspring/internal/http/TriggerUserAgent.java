package io.github.triggerspring.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code User-Agent} sent with every request: this starter's name and version.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerUserAgent {

	static final String VALUE = "trigger-spring-boot/" + version();

	private TriggerUserAgent() {
	}

	private static String version() {
		try (InputStream input = TriggerUserAgent.class.getResourceAsStream("trigger-spring-boot.properties")) {
			Properties properties = new Properties();
			if (input != null) {
				properties.load(input);
			}
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
