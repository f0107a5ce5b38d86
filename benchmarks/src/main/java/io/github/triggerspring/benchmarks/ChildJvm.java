package io.github.triggerspring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM on the harness's own class path, running one of the harness's main
 * classes. Its results are the {@code RESULT key=value ...} line it prints.
 *
 * @author trigger-spring-boot contributors
 */
final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * Starts a JVM.
	 * @param mainClass the class whose {@code main} runs
	 * @param jvmOptions options such as {@code -Xmx64m}
	 * @param args the program's arguments
	 * @return the started process, its standard error inherited
	 */
	static Process start(Class<?> mainClass, List<String> jvmOptions, String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		try {
			return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a JVM to its end and returns the values of its {@code RESULT} line.
	 * @param mainClass the class whose {@code main} runs
	 * @param jvmOptions options such as {@code -Xmx64m}
	 * @param args the program's arguments
	 * @return the values by key, in order
	 */
	static Map<String, String> run(Class<?> mainClass, List<String> jvmOptions, String... args) {
		Process process = start(mainClass, jvmOptions, args);
		Map<String, String> result = new LinkedHashMap<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith("RESULT ")) {
					for (String pair : line.substring(7).trim().split(" ")) {
						int equals = pair.indexOf('=');
						result.put(pair.substring(0, equals), pair.substring(equals + 1));
					}
				}
			}
			if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || result.isEmpty()) {
				throw new IllegalStateException(mainClass.getSimpleName() + " failed: exit "
						+ (process.isAlive() ? "none" : process.exitValue()));
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			process.destroy();
		}
	}

}
