package io.github.triggerspring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.triggerspring.emulator.TriggerEmulator;

/**
 * Minimal blocking calls to an emulator, for tests of the test support itself.
 *
 * @author trigger-spring-boot contributors
 */
final class EmulatorHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private EmulatorHttp() {
	}

	/**
	 * Calls the unauthenticated time zones endpoint.
	 * @param emulator the emulator
	 * @return the status code
	 */
	static int getTimezones(TriggerEmulator emulator) {
		return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/v1/timezones")));
	}

	/**
	 * Lists runs with the given bearer token.
	 * @param emulator the emulator
	 * @param token the secret key or access token
	 * @return the status code
	 */
	static int getRuns(TriggerEmulator emulator, String token) {
		return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/v1/runs"))
			.header("Authorization", "Bearer " + token));
	}

	private static int send(HttpRequest.Builder request) {
		try {
			return CLIENT.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
