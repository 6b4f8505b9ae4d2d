package com.b2brics.connect.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.b2brics.connect.sandbox.client.SimulatedUser;
import com.b2brics.connect.web.HeadlessChromium;

/**
 * The web client where a new person first meets a deal room, in a real browser at a laptop's
 * and a narrow window's width: a long pinned context (right to left, with an unbroken token), a
 * long service line, a long title, a card with {@code <pre>}, {@code <code>} and a long URL, and a
 * wide inline keyboard all wrap inside the chat pane, the list of people and chats stays in view,
 * and the pin bar shows two lines until it is opened (by click or keyboard) and closed again.
 * Against the standalone sandbox: no app, so nothing else writes to the group. Screens are saved
 * as {@code target/screenshots/sandbox-deal-room-<width>-pin-closed.png} and {@code …-pin-open.png}.
 */
class WebClientLayoutChromiumTests extends SandboxTestSupport {

	/** Layout facts, measured in the page. */
	private static final String LAYOUT = """
			var pane = document.querySelector('section.chat').getBoundingClientRect();
			var side = document.querySelector('.sidebar'), chats = document.querySelector('.chats').getBoundingClientRect();
			var messages = document.getElementById('messages');
			var outside = [];
			document.querySelectorAll('section.chat *').forEach(function (e) {
			  var r = e.getBoundingClientRect();
			  if (r.width > 0 && (r.left < pane.left - 1 || r.right > pane.right + 1)) outside.push(e.tagName + '.' + e.className);
			});
			return { page: document.scrollingElement.scrollWidth, viewport: window.innerWidth,
			  sideLeft: side.getBoundingClientRect().left, sideOverflow: side.scrollWidth - side.clientWidth,
			  chatsLeft: chats.left, chatsRight: chats.right, paneLeft: pane.left, paneRight: pane.right,
			  messagesOverflow: messages.scrollWidth - messages.clientWidth, messagesHeight: messages.clientHeight,
			  outside: outside.slice(0, 5) };""";

	/** The pin bar: open or not, how tall its text is in lines, and whether its last character can be seen. */
	private static final String PIN = """
			var pin = document.querySelector('details.pinned'), text = pin.querySelector('.pin-text');
			var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT), last = null;
			while (walker.nextNode()) { if (walker.currentNode.data.trim()) last = walker.currentNode; }
			var end = last.data.replace(/\\s+$/, '').length, range = document.createRange();
			range.setStart(last, end - 1); range.setEnd(last, end);
			pin.scrollTop = pin.scrollHeight;
			var box = pin.getBoundingClientRect(), shown = text.getBoundingClientRect(), r = range.getBoundingClientRect();
			var inside = function (a, b) { return a.top >= b.top - 1 && a.bottom <= b.bottom + 1 && a.left >= b.left - 1 && a.right <= b.right + 1; };
			return { open: pin.open, lines: shown.height / parseFloat(getComputedStyle(text).lineHeight),
			  lastCharacterSeen: inside(r, box) && inside(r, shown), direction: getComputedStyle(text).direction,
			  length: text.textContent.length };""";

	@Test
	void aLongPinnedContextAndLongLinesWrapInTheChatPaneAndThePinOpensOnDemand() throws IOException {
		SimulatedUser olga = sandbox.newUser("Olga", "ar");
		long group = sandbox.createGroup("Deal room", olga);
		// as long as Telegram lets a name and a title be, unbroken: long service lines and a long chat title
		sandbox.addMember(group, sandbox.newUser("W".repeat(64), "W".repeat(64), null, "en"));
		String title = "Deal-room-" + "Q".repeat(118);
		assertThat(api("setChatTitle", Map.of("chat_id", group, "title", title)).ok()).isTrue();
		// the lead's context, right to left, 3,000 characters with a 300-character token in it
		String token = "REF-" + "0123456789ABCDEF".repeat(18) + "WXYZ-END";
		String sentence = "مستورد من القاهرة يطلب شحن حاويات مبردة من الإسكندرية إلى سانت بطرسبرغ مع تخليص جمركي كامل. ";
		String head = "سياق الطلب: ", tail = " تم";
		String filler = sentence.repeat(40).substring(0, 3_000 - head.length() - token.length() - tail.length() - 2);
		String context = head + filler.substring(0, 1_500) + " " + token + " " + filler.substring(1_500) + tail;
		assertThat(context).hasSize(3_000);
		long pin = ((Number) api("sendMessage", Map.of("chat_id", group, "text", context)).result()
			.get("message_id")).longValue();
		assertThat(api("pinChatMessage", Map.of("chat_id", group, "message_id", pin)).ok()).isTrue();
		// a card with code, a long link, and a wide keyboard
		assertThat(api("sendMessage", Map.of("chat_id", group, "parse_mode", "HTML", "text",
				"<b>Deal card</b>\n<pre>" + "container-temperature-log-".repeat(16) + "</pre>\n<code>" + "c".repeat(200)
						+ "</code>\nhttps://example.com/" + "documents/".repeat(30),
				"reply_markup", keyboard())).ok()).isTrue();
		olga.write(group, "y".repeat(1_000));

		try (HeadlessChromium chromium = HeadlessChromium.start(1280, 900)) {
			ChromeDriver browser = chromium.driver();
			for (int width : new int[] { 1280, 800 }) {
				// the viewport itself (a window's size would include the browser's frame)
				browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
				browser.get(baseUrl + "/sandbox?user=" + olga.id() + "&chat=" + group);
				new WebDriverWait(browser, Duration.ofSeconds(5))
					.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.pinned")));
				assertThat(number(browser, "return window.innerWidth")).isEqualTo(width);
				assertThat(number(browser, "return window.innerHeight")).isEqualTo(900);
				fitsTheWindow(browser, width);

				Map<String, Object> closed = js(browser, PIN);
				assertThat(closed).containsEntry("open", false).containsEntry("direction", "rtl")
					.containsEntry("lastCharacterSeen", false);
				assertThat(((Number) closed.get("lines")).doubleValue()).isBetween(0.9, 2.1);
				assertThat(((Number) closed.get("length")).intValue()).isGreaterThanOrEqualTo(3_000);
				browser.executeScript("document.getElementById('messages').scrollTop = 0"); // the service lines, for the eye
				screenshot(browser, width + "-pin-closed");

				browser.findElement(By.cssSelector("details.pinned > summary")).click();
				Map<String, Object> open = js(browser, PIN);
				assertThat(open).containsEntry("open", true).containsEntry("lastCharacterSeen", true);
				assertThat(((Number) open.get("lines")).doubleValue()).isGreaterThan(5);
				// the chat stays usable under the opened pin
				assertThat(((Number) fitsTheWindow(browser, width).get("messagesHeight")).intValue()).isGreaterThan(80);
				screenshot(browser, width + "-pin-open");

				browser.findElement(By.cssSelector("details.pinned > summary")).click();
				assertThat(js(browser, PIN)).containsEntry("open", false).containsEntry("lastCharacterSeen", false);
			}

			// by keyboard; and the pin stays open while the page refreshes the chat with a new message
			browser.findElement(By.cssSelector("details.pinned > summary")).sendKeys(Keys.ENTER);
			assertThat(js(browser, PIN)).containsEntry("open", true);
			api("sendMessage", Map.of("chat_id", group, "text", "Fresh news from the bot"));
			new WebDriverWait(browser, Duration.ofSeconds(5))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Fresh news from the bot"));
			assertThat(js(browser, PIN)).containsEntry("open", true).containsEntry("lastCharacterSeen", true);
			assertThat(browser.switchTo().activeElement().getTagName()).isEqualToIgnoringCase("summary");
			browser.switchTo().activeElement().sendKeys(Keys.ENTER);
			assertThat(js(browser, PIN)).containsEntry("open", false);
		}
	}

	/** Two rows: eight callback buttons, then a long unbroken label on a link button. */
	private static String keyboard() {
		List<String> row = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			row.add("{\"text\":\"Confirm the delivery terms of lot " + i + "\",\"callback_data\":\"lot" + i + "\"}");
		}
		return "{\"inline_keyboard\":[[" + String.join(",", row) + "],[{\"text\":\"Call-support-about-the-refrigerated-"
				+ "container-shipment-42\",\"url\":\"https://example.com/" + "support/".repeat(20) + "\"}]]}";
	}

	private static Map<String, Object> fitsTheWindow(ChromeDriver browser, int width) {
		Map<String, Object> layout = js(browser, LAYOUT);
		assertThat(((Number) layout.get("page")).intValue()).as("page width at %d: %s", width, layout)
			.isLessThanOrEqualTo(((Number) layout.get("viewport")).intValue());
		assertThat(((Number) layout.get("sideLeft")).doubleValue()).as("%s", layout).isGreaterThanOrEqualTo(0);
		assertThat(((Number) layout.get("chatsLeft")).doubleValue()).as("%s", layout).isGreaterThanOrEqualTo(0);
		assertThat(((Number) layout.get("chatsRight")).doubleValue()).as("%s", layout)
			.isLessThanOrEqualTo(((Number) layout.get("paneLeft")).doubleValue());
		assertThat(((Number) layout.get("paneRight")).doubleValue()).as("%s", layout).isLessThanOrEqualTo(width);
		assertThat(((Number) layout.get("sideOverflow")).intValue()).as("%s", layout).isLessThanOrEqualTo(0);
		assertThat(((Number) layout.get("messagesOverflow")).intValue()).as("%s", layout).isLessThanOrEqualTo(0);
		assertThat((List<?>) layout.get("outside")).as("what sticks out of the chat pane at %d", width).isEmpty();
		return layout;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> js(ChromeDriver browser, String script) {
		return (Map<String, Object>) browser.executeScript(script);
	}

	private static long number(ChromeDriver browser, String script) {
		return ((Number) browser.executeScript(script)).longValue();
	}

	private static void screenshot(ChromeDriver browser, String name) throws IOException {
		Path file = Path.of("target/screenshots/sandbox-deal-room-" + name + ".png");
		Files.createDirectories(file.getParent());
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
	}
}
