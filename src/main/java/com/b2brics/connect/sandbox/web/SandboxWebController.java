package com.b2brics.connect.sandbox.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.b2brics.connect.sandbox.SandboxEnabledCondition;
import com.b2brics.connect.sandbox.emulator.ControlError;
import com.b2brics.connect.sandbox.emulator.People;
import com.b2brics.connect.sandbox.emulator.Sandbox;

/**
 * The sandbox's web client: a small Telegram-like page to be a simulated person (pick or create
 * one, see their chats, read, write, press buttons, share the contact, open links), and
 * {@code /sandbox/open?url=…}, where the app's "Contact in Telegram" button lands in sandbox
 * mode. The chosen person is remembered in a cookie.
 */
@Controller
@Conditional(SandboxEnabledCondition.class)
class SandboxWebController {

	static final String USER_COOKIE = "sandbox_user";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private final Sandbox sandbox;

	private final People people;

	SandboxWebController(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.people = sandbox.people();
	}

	@GetMapping({ "/sandbox", "/sandbox/" })
	String index(@RequestParam(required = false) Long user, @RequestParam(required = false) Long chat,
			@CookieValue(name = USER_COOKIE, required = false) Long rememberedUser, Model model) {
		Long wanted = user != null ? user : rememberedUser;
		List<Map<String, Object>> users = people.users();
		Long current = wanted != null
				&& users.stream().anyMatch(u -> Objects.equals(((Number) u.get("id")).longValue(), wanted)) ? wanted
						: null;
		model.addAttribute("bot", people.bot());
		model.addAttribute("users", users);
		model.addAttribute("user", current);
		if (current != null) {
			model.addAttribute("me", people.userInfo(current));
			List<Map<String, Object>> chats = people.chats(current);
			model.addAttribute("chats", chats);
			Long open = chat;
			if (open == null && !chats.isEmpty()) {
				open = ((Number) chats.get(0).get("id")).longValue();
			}
			if (open != null) {
				addChat(model, current, open);
			}
		}
		return "sandbox/index";
	}

	@GetMapping("/sandbox/messages")
	String messages(@RequestParam long user, @RequestParam long chat, Model model) {
		addChat(model, user, chat);
		model.addAttribute("user", user);
		return "sandbox/index :: messages";
	}

	private void addChat(Model model, long user, long chat) {
		try {
			Map<String, Object> seen = people.messages(chat, user);
			model.addAttribute("chat", seen.get("chat"));
			model.addAttribute("chatId", chat);
			model.addAttribute("messages", view(seen, user));
			model.addAttribute("pinned", seen.get("pinned_message"));
			model.addAttribute("keyboard", seen.get("reply_keyboard"));
			model.addAttribute("callbackAnswer", seen.get("last_callback_answer"));
		}
		catch (ControlError e) {
			model.addAttribute("chatError", e.getMessage());
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> view(Map<String, Object> seen, long user) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Map<String, Object> message : (List<Map<String, Object>>) seen.get("messages")) {
			Map<String, Object> view = new java.util.LinkedHashMap<>(message);
			Map<String, Object> from = (Map<String, Object>) message.get("from");
			view.put("from_name", from.get("first_name"));
			view.put("mine", ((Number) message.get("from_id")).longValue() == user);
			view.put("from_bot", Boolean.TRUE.equals(from.get("is_bot")));
			view.put("time", TIME.format(Instant.ofEpochSecond(((Number) message.get("date")).longValue())));
			Map<String, Object> markup = (Map<String, Object>) message.get("reply_markup");
			view.put("inline_rows", markup == null ? null : markup.get("inline_keyboard"));
			result.add(view);
		}
		return result;
	}

	@PostMapping("/sandbox/users")
	String createUser(@RequestParam("first_name") String firstName,
			@RequestParam(name = "last_name", required = false) String lastName,
			@RequestParam(name = "language_code", required = false) String language,
			@RequestParam(required = false) String url, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			long id = ((Number) people.createUser(firstName, lastName, null, language, null).get("id")).longValue();
			remember(response, id);
			if (url != null && !url.isBlank()) {
				return open(url, id, response, redirect);
			}
			redirect.addAttribute("user", id);
		}
		catch (ControlError e) {
			redirect.addAttribute("notice", e.getMessage());
		}
		return "redirect:/sandbox";
	}

	@PostMapping("/sandbox/select")
	String select(@RequestParam long user, HttpServletResponse response, RedirectAttributes redirect) {
		remember(response, user);
		redirect.addAttribute("user", user);
		return "redirect:/sandbox";
	}

	@PostMapping("/sandbox/write")
	String write(@RequestParam long user, @RequestParam long chat, @RequestParam String text,
			RedirectAttributes redirect) {
		return act(user, chat, redirect, () -> people.write(user, chat, text, null));
	}

	@PostMapping("/sandbox/press")
	String press(@RequestParam long user, @RequestParam long chat,
			@RequestParam(name = "message_id", required = false) Long messageId, @RequestParam String text,
			RedirectAttributes redirect) {
		return act(user, chat, redirect, () -> people.press(user, chat, messageId, text, 1500L));
	}

	@PostMapping("/sandbox/share-contact")
	String shareContact(@RequestParam long user, @RequestParam long chat,
			@RequestParam(required = false) String phone, RedirectAttributes redirect) {
		return act(user, chat, redirect, () -> people.shareContact(user, chat, phone));
	}

	@PostMapping("/sandbox/block")
	String block(@RequestParam long user, @RequestParam(defaultValue = "true") boolean blocked,
			RedirectAttributes redirect) {
		return act(user, user, redirect, () -> blocked ? people.blockBot(user) : people.unblockBot(user));
	}

	@PostMapping("/sandbox/open-link")
	String openLink(@RequestParam long user, @RequestParam String url, HttpServletResponse response,
			RedirectAttributes redirect) {
		return open(url, user, response, redirect);
	}

	@PostMapping("/sandbox/groups")
	String createGroup(@RequestParam long user, @RequestParam String title, RedirectAttributes redirect) {
		try {
			Map<String, Object> group = people.createGroup(title, user, null, null, null, null);
			redirect.addAttribute("chat", group.get("id"));
			redirect.addAttribute("notice", "Group created with the bot as administrator");
		}
		catch (ControlError e) {
			redirect.addAttribute("notice", e.getMessage());
		}
		redirect.addAttribute("user", user);
		return "redirect:/sandbox";
	}

	/** Where the app's "Contact in Telegram" button lands in sandbox mode. */
	@GetMapping("/sandbox/open")
	String initOpenForm(@RequestParam String url, @RequestParam(required = false) Long user,
			@CookieValue(name = USER_COOKIE, required = false) Long rememberedUser, HttpServletResponse response,
			RedirectAttributes redirect, Model model) {
		Long who = user != null ? user : rememberedUser;
		if (who != null && people.users().stream().anyMatch(u -> ((Number) u.get("id")).longValue() == who)) {
			return open(url, who, response, redirect);
		}
		model.addAttribute("url", url);
		model.addAttribute("users", people.users());
		model.addAttribute("bot", people.bot());
		return "sandbox/open";
	}

	@PostMapping("/sandbox/open")
	String processOpenForm(@RequestParam String url, @RequestParam long user, HttpServletResponse response,
			RedirectAttributes redirect) {
		return open(url, user, response, redirect);
	}

	private String open(String url, long user, HttpServletResponse response, RedirectAttributes redirect) {
		remember(response, user);
		redirect.addAttribute("user", user);
		try {
			Map<String, Object> result = people.openLink(user, url);
			if (result.get("chat_id") != null) {
				redirect.addAttribute("chat", result.get("chat_id"));
			}
			redirect.addAttribute("notice", describe(result));
		}
		catch (ControlError e) {
			redirect.addAttribute("notice", e.getMessage());
		}
		return "redirect:/sandbox";
	}

	private String act(long user, long chat, RedirectAttributes redirect, java.util.function.Supplier<Map<String, Object>> action) {
		redirect.addAttribute("user", user);
		redirect.addAttribute("chat", chat);
		try {
			Map<String, Object> result = action.get();
			String notice = describe(result);
			if (notice != null) {
				redirect.addAttribute("notice", notice);
			}
		}
		catch (ControlError e) {
			redirect.addAttribute("notice", e.getMessage());
		}
		return "redirect:/sandbox";
	}

	private static String describe(Map<String, Object> result) {
		Object kind = result.get("result");
		if (kind == null) {
			return null;
		}
		return switch (kind.toString()) {
			case "sent", "text_sent", "contact_shared" -> null;
			case "callback_answered" -> result.get("text") == null ? null : "Bot: " + result.get("text");
			case "callback_sent" -> "The bot has not answered the button (yet)";
			case "text_copied" -> "Copied: " + result.get("text");
			case "url_opened" -> "Opened " + result.get("url");
			case "start_sent" -> Boolean.TRUE.equals(result.get("payload_dropped"))
					? "Start pressed (Telegram dropped the invalid start payload)" : "Start pressed";
			default -> kind.toString().replace('_', ' ');
		};
	}

	private static void remember(HttpServletResponse response, long user) {
		response.addHeader("Set-Cookie", ResponseCookie.from(USER_COOKIE, Long.toString(user))
			.path("/")
			.maxAge(60L * 60 * 24 * 30)
			.httpOnly(true)
			.sameSite("Lax")
			.build()
			.toString());
	}
}
