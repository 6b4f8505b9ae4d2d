package com.b2brics.connect.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.b2brics.connect.EndToEndTest;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The storefront and the lead flow in a real browser: Debian's Chromium, headless, driven
 * through Debian's chromedriver (never a downloaded one). The storefront renders, the language
 * switch works, "Contact in Telegram" lands on the sandbox's web client with the start payload,
 * and pressing Start there creates the lead, whose answer from the bot the importer sees.
 * Without Chromium the test is skipped, except on CI ({@code CI=true}), where it fails and says
 * what to install ({@link HeadlessChromium}). The last screen is saved as
 * {@code target/screenshots/sandbox-importer-after-start.png} (the README's screenshot is a copy).
 */
class ChromiumEndToEndTests extends EndToEndTest {

	static final Path SCREENSHOT = Path.of("target/screenshots/sandbox-importer-after-start.png");

	private HeadlessChromium chromium;

	private WebDriver browser;

	@BeforeEach
	void startChromium() {
		chromium = HeadlessChromium.start(1200, 900);
		browser = chromium.driver();
	}

	@AfterEach
	void stopChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	private WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String pageLanguage() {
		return browser.findElement(By.tagName("html")).getAttribute("lang");
	}

	private String heading() {
		return browser.findElement(By.tagName("h1")).getText();
	}

	/** Earlier tests may have left leads waiting: an admin adds groups until none waits, then one more for this lead. */
	private void oneFreeGroupForTheNextLead() {
		SimulatedUser admin = platformAdmin();
		long waiting = jdbc.sql("SELECT COUNT(*) FROM leads WHERE status = 'WAITING_FOR_GROUP'").query(Long.class).single();
		for (long i = 0; i <= waiting; i++) {
			long group = sandbox.createGroup("Room for the browser's lead " + i, admin);
			admin.sees(group, "is now a B2BRICS working group");
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc
			.sql("SELECT COUNT(*) FROM leads WHERE status = 'WAITING_FOR_GROUP'").query(Long.class).single() == 0);
	}

	@Test
	void theStorefrontSwitchesLanguageAndItsButtonLeadsThroughTheSandboxToALead() throws IOException {
		oneFreeGroupForTheNextLead();

		// the storefront renders in its own language, with its services by specialization
		browser.get(baseUrl() + "/russia");
		assertThat(pageLanguage()).isEqualTo("ru");
		assertThat(heading()).isEqualTo("Услуги на витрине «Россия»");
		assertThat(browser.findElements(By.cssSelector("section.specialization h2"))).extracting(WebElement::getText)
			.contains("Логистика");
		assertThat(browser.findElements(By.cssSelector("li.card.service"))).hasSizeGreaterThan(5);

		// the language switch: EN, and back to RU
		browser.findElement(By.linkText("EN")).click();
		waitUpTo(5).until(driver -> "en".equals(pageLanguage()));
		assertThat(heading()).isEqualTo("Services on the Russia storefront");
		assertThat(browser.manage().getCookieNamed("lang").getValue()).isEqualTo("en");
		browser.findElement(By.linkText("RU")).click();
		waitUpTo(5).until(driver -> "ru".equals(pageLanguage()));
		assertThat(heading()).isEqualTo("Услуги на витрине «Россия»");
		browser.findElement(By.linkText("EN")).click();
		waitUpTo(5).until(driver -> "en".equals(pageLanguage()));

		// a service card and its button
		WebElement firstService = browser.findElement(By.cssSelector("li.card.service h3 a"));
		String serviceTitle = firstService.getText();
		firstService.click();
		waitUpTo(5).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Contact in Telegram")));
		assertThat(heading()).isEqualTo(serviceTitle);
		String servicePath = browser.getCurrentUrl().substring(baseUrl().length());
		browser.findElement(By.linkText("Contact in Telegram")).click();

		// lands on the sandbox's web client, on the bot's Start screen, with the start payload
		waitUpTo(5).until(ExpectedConditions.urlContains("/sandbox/open"));
		String deepLink = URLDecoder.decode(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("url=") + 4),
				StandardCharsets.UTF_8);
		Matcher start = Pattern.compile("^https://t\\.me/B2bricsConnectBot\\?start=([A-Za-z0-9_-]{16,64})$").matcher(deepLink);
		assertThat(start.matches()).as("deep link %s", deepLink).isTrue();
		String payload = start.group(1);
		assertThat(browser.findElement(By.id("start-link")).getText()).isEqualTo(deepLink);
		Map<String, Object> click = jdbc.sql("SELECT id, storefront_slug, crawler FROM lead_clicks WHERE payload = :payload")
			.param("payload", payload).query().singleRow();
		assertThat(click.get("storefront_slug")).isEqualTo("russia");
		assertThat(click.get("crawler")).isEqualTo(false);

		// a new person presses Start: the lead exists, and the bot's answer shows up in the client
		String name = "Chromium" + Long.toString(System.nanoTime() % 100_000);
		browser.findElement(By.name("first_name")).sendKeys(name);
		browser.findElement(By.id("start")).click();
		waitUpTo(5).until(ExpectedConditions.urlContains("/sandbox?"));
		long importer = Long.parseLong(browser.getCurrentUrl().replaceAll(".*[?&]user=(\\d+).*", "$1"));
		waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is ready"));
		assertThat(browser.findElement(By.id("messages")).getText()).contains("/start " + payload)
			.contains(serviceTitle);
		assertThat(browser.findElements(By.cssSelector("#messages .keyboard button"))).extracting(WebElement::getText)
			.contains("Open the chat ↗");

		List<Map<String, Object>> leads = jdbc.sql("""
				SELECT l.storefront_slug, l.status, l.click_id, l.chat_id FROM leads l WHERE l.importer_id = :importer""")
			.param("importer", importer).query().listOfRows();
		assertThat(leads).hasSize(1);
		assertThat(leads.get(0).get("storefront_slug")).isEqualTo("russia");
		assertThat(leads.get(0).get("status")).isEqualTo("OPEN");
		assertThat(((Number) leads.get(0).get("click_id")).longValue()).isEqualTo(((Number) click.get("id")).longValue());
		assertThat(leads.get(0).get("chat_id")).isNotNull();
		assertThat(servicePath).startsWith("/russia/services/");

		// the sandbox client's own script (no inline handler since the Content-Security-Policy): picking
		// another person in "You are" switches at once
		SimulatedUser other = sandbox.newUser("Other" + Long.toString(System.nanoTime() % 100_000), "en");
		browser.navigate().refresh();
		new Select(browser.findElement(By.name("user"))).selectByValue(Long.toString(other.id()));
		waitUpTo(5).until(ExpectedConditions.urlContains("user=" + other.id()));
		new Select(browser.findElement(By.name("user"))).selectByValue(Long.toString(importer));
		waitUpTo(5).until(ExpectedConditions.urlContains("user=" + importer));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is ready"));
		// styles from files apply (the sandbox's stylesheet lays the page out as a grid)
		assertThat(browser.findElement(By.cssSelector("main.layout")).getCssValue("display")).isEqualTo("grid");
		List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
			.toList();
		assertThat(blocked).as("what the Content-Security-Policy blocked").isEmpty();

		Files.createDirectories(SCREENSHOT.getParent());
		Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
	}
	@Test
	void theEgyptStorefrontInArabicReadsRightToLeftAndItsContactButtonWorks() {
		// the Egypt storefront speaks Arabic by default
		browser.get(baseUrl() + "/egypt");
		assertThat(pageLanguage()).isEqualTo("ar");
		assertThat(html(browser).getAttribute("dir")).isEqualTo("rtl");
		assertThat(browser.findElement(By.tagName("body")).getCssValue("direction")).isEqualTo("rtl");
		// the header mirrors: the logo stands at the right, the language switch at the left
		WebElement logo = browser.findElement(By.cssSelector(".logo"));
		WebElement languages = browser.findElement(By.cssSelector(".language-switch"));
		assertThat(logo.getRect().getX()).isGreaterThan(languages.getRect().getX());
		assertThat(browser.findElements(By.cssSelector(".language-switch a"))).extracting(WebElement::getText)
			.containsExactly("EN", "RU", "PT", "AR", "ZH", "HI");
		assertThat(browser.findElement(By.cssSelector(".language-switch a.current")).getText()).isEqualTo("AR");

		// a service card, and its Contact button (named in the Arabic bundle) leads to the bot
		browser.findElement(By.cssSelector("li.card.service h3 a")).click();
		waitUpTo(5).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.button[href$='/contact']")));
		assertThat(html(browser).getAttribute("dir")).isEqualTo("rtl");
		String path = browser.getCurrentUrl().substring(baseUrl().length());
		assertThat(path).startsWith("/egypt/");
		browser.findElement(By.cssSelector("a.button[href$='/contact']")).click();
		waitUpTo(5).until(ExpectedConditions.urlContains("/sandbox/open"));
		String deepLink = URLDecoder.decode(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("url=") + 4),
				StandardCharsets.UTF_8);
		Matcher start = Pattern.compile("^https://t\\.me/B2bricsConnectBot\\?start=([A-Za-z0-9_-]{16,64})$").matcher(deepLink);
		assertThat(start.matches()).as("deep link %s", deepLink).isTrue();
		assertThat(jdbc.sql("SELECT storefront_slug FROM lead_clicks WHERE payload = :payload").param("payload", start.group(1))
			.query(String.class).single()).isEqualTo("egypt");

		// English is one press away, and reads left to right again
		browser.get(baseUrl() + "/egypt");
		browser.findElement(By.linkText("EN")).click();
		waitUpTo(5).until(driver -> "en".equals(pageLanguage()));
		assertThat(html(browser).getAttribute("dir")).isEqualTo("ltr");
	}

	private static WebElement html(WebDriver browser) {
		return browser.findElement(By.tagName("html"));
	}
}
