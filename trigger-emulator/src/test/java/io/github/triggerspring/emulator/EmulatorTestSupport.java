package io.github.triggerspring.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Shared emulator and HTTP helpers for the tests.
 *
 * @author trigger-spring-boot contributors
 */
abstract class EmulatorTestSupport {

	static final String DEV = EmulatorAccount.DEV_SECRET_KEY;

	static final String STG = EmulatorAccount.STAGING_SECRET_KEY;

	static final String PROD = EmulatorAccount.PROD_SECRET_KEY;

	static final String PREVIEW = EmulatorAccount.PREVIEW_SECRET_KEY;

	static final String PAT = EmulatorAccount.PERSONAL_ACCESS_TOKEN;

	static final String OAT = EmulatorAccount.ORGANIZATION_ACCESS_TOKEN;

	static final String PROJECT = EmulatorAccount.PROJECT_REF;

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static TriggerEmulator emulator;

	static HttpClient http;

	@BeforeAll
	static void startEmulator() {
		emulator = TriggerEmulator.start();
		http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@BeforeEach
	void resetEmulator() {
		emulator.reset();
		emulator.clock().useSystemTime();
	}

	static Response call(String method, String path, String token, String contentType, String body,
			String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).timeout(TIMEOUT);
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		builder.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Response get(String path, String token, String... headers) {
		return call("GET", path, token, null, null, headers);
	}

	static Response post(String path, String token, String json, String... headers) {
		return call("POST", path, token, "application/json", json, headers);
	}

	static Response put(String path, String token, String json, String... headers) {
		return call("PUT", path, token, "application/json", json, headers);
	}

	static Response delete(String path, String token, String... headers) {
		return call("DELETE", path, token, null, null, headers);
	}

	static String trigger(String taskId, String json) {
		Response response = post("/api/v1/tasks/" + taskId + "/trigger", DEV, json);
		if (response.status() != 200) {
			throw new IllegalStateException("Trigger failed: " + response);
		}
		return response.json().get("id").asString();
	}

	static String trigger(String taskId) {
		return trigger(taskId, "{\"payload\":{\"n\":1}}");
	}

	record Response(int status, String body, Map<String, List<String>> headers) {

		JsonNode json() {
			return Json.parse(this.body);
		}

		String header(String name) {
			for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					return entry.getValue().get(0);
				}
			}
			return null;
		}

		String error() {
			return json().get("error").asString();
		}

	}

}
