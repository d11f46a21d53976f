package com.triagedesk.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium through chromedriver, both from Debian's packages ({@code chromium},
 * {@code chromium-driver}; {@code .ci/run} installs them). Paths are given, so Selenium Manager
 * never tries to download a browser. Without them the tests fail, they do not skip.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	final ChromeDriver driver;

	final WebDriverWait wait;

	Browser() {
		String chromium = System.getenv().getOrDefault("TRIAGE_TEST_CHROMIUM", "/usr/bin/chromium");
		String chromedriver = System.getenv().getOrDefault("TRIAGE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
		if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
			throw new IllegalStateException("Browser tests need " + chromium + " and " + chromedriver
					+ " (apt-get install chromium chromium-driver, as .ci/run does)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// The flags this machine needs: no sandbox as root, no GPU, and no background calls to
		// Google's services, which the closed network refuses.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		// htmx swaps the checklist while a condition looks at it: look again.
		wait.ignoring(StaleElementReferenceException.class);
	}

	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
