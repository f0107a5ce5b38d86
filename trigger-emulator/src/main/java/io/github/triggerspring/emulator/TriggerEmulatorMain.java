package io.github.triggerspring.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point of the executable jar:
 * {@code java -jar trigger-emulator-<version>-exec.jar [--port=N] [--host=ADDRESS]}.
 * Prints the base URL and the default credentials, then serves until the process is
 * stopped.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
public final class TriggerEmulatorMain {

	private TriggerEmulatorMain() {
	}

	/**
	 * Start the emulator.
	 * @param args {@code --port=N} (default 8030, {@code 0} for a random port),
	 * {@code --host=ADDRESS} (default {@code 127.0.0.1}), {@code --help}
	 * @throws InterruptedException if interrupted while serving
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = 8030;
		String host = "127.0.0.1";
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				port = Integer.parseInt(arg.substring("--port=".length()));
			}
			else if (arg.startsWith("--host=")) {
				host = arg.substring("--host=".length());
			}
			else if (arg.equals("--help") || arg.equals("-h")) {
				System.out.println("Usage: java -jar trigger-emulator-exec.jar [--port=N] [--host=ADDRESS]");
				return;
			}
			else {
				System.err.println("Unknown argument: " + arg);
				System.exit(2);
			}
		}
		TriggerEmulator emulator = TriggerEmulator.builder().port(port).host(host).build().start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}, "trigger-emulator-shutdown"));
		printBanner(System.out, emulator);
		stopped.await();
	}

	static void printBanner(PrintStream out, TriggerEmulator emulator) {
		out.println("Trigger.dev API emulator listening on " + emulator.baseUrl());
		out.println("  TRIGGER_API_URL=" + emulator.baseUrl());
		out.println("  project ref            " + EmulatorAccount.PROJECT_REF);
		out.println("  dev secret key         " + EmulatorAccount.DEV_SECRET_KEY);
		out.println("  staging secret key     " + EmulatorAccount.STAGING_SECRET_KEY);
		out.println("  prod secret key        " + EmulatorAccount.PROD_SECRET_KEY);
		out.println("  preview secret key     " + EmulatorAccount.PREVIEW_SECRET_KEY + " (x-trigger-branch: "
				+ EmulatorAccount.PREVIEW_BRANCH + ")");
		out.println("  personal access token  " + EmulatorAccount.PERSONAL_ACCESS_TOKEN);
		out.println("  org access token       " + EmulatorAccount.ORGANIZATION_ACCESS_TOKEN);
		out.flush();
	}

}
