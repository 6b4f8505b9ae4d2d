package com.b2brics.connect.web;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * The browser tests' one setup: Debian's Chromium, headless, driven through Debian's chromedriver
 * (never a downloaded one), with a throw-away profile and the browser's console kept (to see
 * what the Content-Security-Policy blocked). Without Chromium a test is skipped, except on CI
 * ({@code CI=true}), where it fails and says what to install.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Skips the calling test without Chromium (fails it on CI). */
	public static void requireChromium() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String missing = "The browser test needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
				+ ": apt-get install -y chromium chromium-driver (.ci/run installs them when missing)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(missing);
		}
		Assumptions.abort(missing);
	}

	/** Starts a headless Chromium with a window of that size, in English. */
	public static HeadlessChromium start(int width, int height) {
		requireChromium();
		Path profile;
		try {
			profile = Files.createTempDirectory("b2brics-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
					"--window-size=" + width + "," + height, "--lang=en-US");
		LoggingPreferences console = new LoggingPreferences();
		console.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", console);
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	public ChromeDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		driver.quit();
		FileSystemUtils.deleteRecursively(profile.toFile());
	}
}
