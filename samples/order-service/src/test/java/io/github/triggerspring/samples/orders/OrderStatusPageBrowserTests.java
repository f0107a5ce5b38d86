package io.github.triggerspring.samples.orders;

import java.time.Duration;
import java.util.List;

import io.github.triggerspring.emulator.TriggerEmulator;
import io.github.triggerspring.test.AutoConfigureTriggerEmulator;
import io.github.triggerspring.test.EmulatorCredentials;
import io.github.triggerspring.test.RunStateDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample's order status page ({@code static/index.html}) in a headless
 * Chromium: it places an order and lists the states of its run as the Server-Sent Events
 * endpoint streams them. The test moves the run from state to state itself, so that no
 * state can pass before the page has seen it; the waits are generous bounds that only a
 * hang reaches.
 *
 * @author trigger-spring-boot contributors
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "trigger.retry.initial-backoff=10ms", "trigger.retry.max-backoff=40ms",
				"trigger.webhooks.secret=whsec_browser_test" })
@AutoConfigureWebTestClient
@AutoConfigureTriggerEmulator(credentials = EmulatorCredentials.BOTH)
class OrderStatusPageBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	private int port;

	@Autowired
	private TriggerEmulator emulator;

	private ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void quitBrowserAndReleaseTheEmulatorClock() {
		try {
			this.browser.quit();
		}
		finally {
			this.emulator.clock().useSystemTime();
		}
	}

	@Test
	void placesAnOrderAndShowsItsRunGoingThroughQueuedExecutingAndCompleted() {
		RunStateDriver orders = RunStateDriver.forTask(this.emulator, "process-order");
		this.browser.get("http://localhost:" + this.port + "/");
		WebElement orderId = this.browser.findElement(By.id("order-id"));
		orderId.clear();
		orderId.sendKeys("order-in-the-browser");
		this.browser.findElement(By.id("place-order")).click();
		awaitStates("QUEUED");
		orders.startExecuting();
		awaitStates("QUEUED", "EXECUTING");
		orders.complete();
		awaitStates("QUEUED", "EXECUTING", "COMPLETED");
		assertThat(this.browser.findElement(By.id("current")).getText()).isEqualTo("COMPLETED");
		assertThat(this.browser.findElement(By.id("run-id")).getText()).startsWith("run_");
		assertThat(this.browser.findElement(By.id("error")).getText()).isEmpty();
	}

	private void awaitStates(String... expected) {
		List<String> states = List.of(expected);
		new WebDriverWait(this.browser, PATIENCE)
			.withMessage(() -> "the page should list the states " + states + " but lists "
					+ statesSeen(this.browser) + " (error: '" + this.browser.findElement(By.id("error")).getText()
					+ "')")
			.until((browser) -> statesSeen(browser).equals(states));
	}

	private static List<String> statesSeen(WebDriver browser) {
		return browser.findElements(By.cssSelector("#states li")).stream().map(WebElement::getText).toList();
	}

}
