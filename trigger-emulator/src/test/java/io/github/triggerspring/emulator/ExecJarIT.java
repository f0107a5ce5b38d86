package io.github.triggerspring.emulator;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the executable jar with {@code java -jar} and calls it.
 *
 * @author trigger-spring-boot contributors
 */
class ExecJarIT {

	@Test
	void execJarStartsAndServes() throws Exception {
		String jar = System.getProperty("emulator.exec-jar");
		assertThat(jar).isNotNull();
		assertThat(new File(jar)).isFile();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-jar", jar, "--port=" + port).redirectErrorStream(true).start();
		try {
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String firstLine = CompletableFuture.supplyAsync(() -> {
				try {
					return reader.readLine();
				}
				catch (java.io.IOException ex) {
					return null;
				}
			}).get(120, TimeUnit.SECONDS);
			assertThat(firstLine).isEqualTo("Trigger.dev API emulator listening on http://127.0.0.1:" + port);
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs"))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + EmulatorAccount.DEV_SECRET_KEY)
				.build();
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"data\":[],\"pagination\":{}}");
		}
		finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
