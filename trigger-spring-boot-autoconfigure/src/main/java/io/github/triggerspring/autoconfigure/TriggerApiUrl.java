package io.github.triggerspring.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.github.triggerspring.auth.InvalidTriggerConfigurationException;

/**
 * Normalizes and checks the API base URL: credentials must not travel in clear text to a
 * host other than this machine. The check runs while the application starts, so a URL
 * that passes compiles no regular expression and looks up no address: only a rejected
 * URL is masked, and only an unusual loopback host is resolved.
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
			throw invalid("The API URL '" + mask(normalized) + "' is not a valid URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw invalid("The API URL '" + mask(normalized) + "' is not an absolute http(s) URL.");
		}
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			throw invalid("The API URL '" + mask(normalized) + "' uses http with the host '" + uri.getHost()
					+ "', which is not a loopback address: credentials would be sent in clear text.");
		}
		return normalized;
	}

	/**
	 * The URL with any user info ({@code user:password@} between {@code //} and the host)
	 * replaced by {@code ****}, for messages.
	 * @param url the URL
	 * @return the masked URL
	 */
	static String mask(String url) {
		int authority = authorityStart(url);
		if (authority < 0) {
			return url;
		}
		for (int i = authority; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '@') {
				return url.substring(0, authority) + "****@" + url.substring(i + 1);
			}
			if (c == '/' || c == '?' || c == '#') {
				return url;
			}
		}
		return url;
	}

	/**
	 * Where the authority starts: after a leading {@code //}, or after a scheme and
	 * {@code ://}.
	 * @param url the URL
	 * @return the index after the {@code //}, or -1 if the URL has no authority
	 */
	private static int authorityStart(String url) {
		int slashes = url.indexOf("//");
		if (slashes < 0) {
			return -1;
		}
		if (slashes == 0) {
			return 2;
		}
		int colon = url.indexOf(':');
		if (colon < 1 || colon != slashes - 1) {
			return -1;
		}
		for (int i = 0; i < colon; i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				return -1;
			}
		}
		return slashes + 2;
	}

	private static boolean isLoopback(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost") || bare.equals("::1") || isLoopbackIpv4(bare)) {
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

	/**
	 * Whether the host is a plain dotted-quad IPv4 address in {@code 127.0.0.0/8}, such as
	 * {@code 127.0.0.1}, read without resolving it. Other forms are left to
	 * {@link InetAddress}.
	 */
	private static boolean isLoopbackIpv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals("127")) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
				return false;
			}
			for (int i = 0; i < part.length(); i++) {
				if (part.charAt(i) < '0' || part.charAt(i) > '9') {
					return false;
				}
			}
			if (Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	private static InvalidTriggerConfigurationException invalid(String description) {
		return new InvalidTriggerConfigurationException(description, "Set " + PROPERTY
				+ " to an https URL such as https://api.trigger.dev, or to http://localhost:<port> for a local emulator.");
	}

}
