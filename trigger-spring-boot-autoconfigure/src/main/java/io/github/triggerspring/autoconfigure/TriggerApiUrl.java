package io.github.triggerspring.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.github.triggerspring.auth.InvalidTriggerConfigurationException;

/**
 * Normalizes and checks the API base URL: credentials must not travel in clear text to a
 * host other than this machine.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerApiUrl {

	private static final String PROPERTY = "'trigger.api-url' (environment variable TRIGGER_API_URL)";

	private TriggerApiUrl() {
	}

	/**
	 * Returns the URL without trailing slashes.
	 * @param url the configured URL
	 * @return the normalized URL
	 * @throws InvalidTriggerConfigurationException if the URL is malformed, or not https
	 * for a host that is not a loopback address
	 */
	static String check(String url) {
		String normalized = url.trim();
		while (normalized.endsWith("/")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(normalized);
		}
		catch (URISyntaxException ex) {
			throw invalid("The API URL '" + normalized + "' is not a valid URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw invalid("The API URL '" + normalized + "' is not an absolute http(s) URL.");
		}
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			throw invalid("The API URL '" + normalized + "' uses http with the host '" + uri.getHost()
					+ "', which is not a loopback address: credentials would be sent in clear text.");
		}
		return normalized;
	}

	private static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return false;
		}
	}

	private static InvalidTriggerConfigurationException invalid(String description) {
		return new InvalidTriggerConfigurationException(description, "Set " + PROPERTY
				+ " to an https URL such as https://api.trigger.dev, or to http://localhost:<port> for a local emulator.");
	}

}
