package io.github.triggerspring.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.triggerspring.auth.InvalidTriggerConfigurationException;

/**
 * Normalizes and checks the API base URL: credentials must not travel in clear text to a
 * host other than this machine.
 *
 * @author trigger-spring-boot contributors
 */
final class TriggerApiUrl {

	private static final String PROPERTY = "'trigger.api-url' (environment variable TRIGGER_API_URL)";

	/** The user-info part of a URL ({@code user:password@}), which may hold a secret. */
	private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]+:)?//[^/?#@]*@");

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
		String shown = mask(normalized);
		URI uri;
		try {
			uri = new URI(normalized);
		}
		catch (URISyntaxException ex) {
			throw invalid("The API URL '" + shown + "' is not a valid URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw invalid("The API URL '" + shown + "' is not an absolute http(s) URL.");
		}
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			throw invalid("The API URL '" + shown + "' uses http with the host '" + uri.getHost()
					+ "', which is not a loopback address: credentials would be sent in clear text.");
		}
		return normalized;
	}

	/**
	 * The URL with any user info replaced by {@code ****}, for messages.
	 * @param url the URL
	 * @return the masked URL
	 */
	static String mask(String url) {
		Matcher userInfo = USER_INFO.matcher(url);
		if (!userInfo.find()) {
			return url;
		}
		String scheme = (userInfo.group(1) != null) ? userInfo.group(1) : "";
		return scheme + "//****@" + url.substring(userInfo.end());
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
