package io.github.triggerspring.samples.orders;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through chromedriver, both from the Debian packages
 * {@code chromium} and {@code chromium-driver} on the {@code PATH}; Selenium Manager never
 * downloads a browser or a driver.
 *
 * @author trigger-spring-boot contributors
 */
final class HeadlessChromium {

	static final String BROWSER = "chromium";

	static final String DRIVER = "chromedriver";

	private HeadlessChromium() {
	}

	/**
	 * Whether both the browser and the driver are on the {@code PATH}.
	 * @return whether a browser can be started
	 */
	static boolean isInstalled() {
		return executable(BROWSER).isPresent() && executable(DRIVER).isPresent();
	}

	/**
	 * Starts a headless browser with flags that work for root in a container.
	 * @return the driver, to {@link ChromeDriver#quit() quit} after use
	 * @throws IllegalStateException if the browser or the driver is not installed
	 */
	static ChromeDriver start() {
		ChromeOptions options = new ChromeOptions().setBinary(require(BROWSER).toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=1280,800");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(require(DRIVER).toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static Path require(String name) {
		return executable(name).orElseThrow(() -> new IllegalStateException(
				name + " not found on the PATH: install it with 'apt-get install -y chromium chromium-driver'"));
	}

	private static Optional<Path> executable(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((directory) -> !directory.isEmpty())
			.map((directory) -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
