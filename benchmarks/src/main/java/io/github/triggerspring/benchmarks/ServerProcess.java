package io.github.triggerspring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@link StandInServer} running in its own JVM, stopped on {@link #close()}.
 *
 * @author trigger-spring-boot contributors
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final String baseUrl;

	private ServerProcess(Process process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts the server and waits until it listens.
	 * @return the running server
	 */
	static ServerProcess start() {
		Process process = ChildJvm.start(StandInServer.class, List.of("-Xmx256m", "-XX:+UseParallelGC"));
		try {
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith("PORT ")) {
					return new ServerProcess(process, "http://127.0.0.1:" + line.substring(5).trim());
				}
			}
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw new UncheckedIOException(ex);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The stand-in server stopped before it listened");
	}

	/**
	 * The server's base URL.
	 * @return the URL, like {@code http://127.0.0.1:41234}
	 */
	String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
