package com.b2brics.connect.sandbox.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.b2brics.connect.sandbox.SandboxEnabledCondition;
import com.b2brics.connect.sandbox.emulator.ControlError;
import com.b2brics.connect.sandbox.emulator.People;
import com.b2brics.connect.sandbox.emulator.Sandbox;

/**
 * The control API at {@code /sandbox/api}: tests, demos and the web client act as simulated
 * people and steer the sandbox through it. The paths and field names are a contract, documented
 * in {@code docs/sandbox.md}. Bad input answers 400, unknown users or chats 404, both with
 * {@code {"error": "..."}}.
 */
@RestController
@RequestMapping("/sandbox/api")
@Conditional(SandboxEnabledCondition.class)
class ControlApiController {

	private final Sandbox sandbox;

	private final People people;

	ControlApiController(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.people = sandbox.people();
	}

	@PostMapping("/users")
	Map<String, Object> createUser(@RequestBody Map<String, Object> body) {
		return people.createUser(number(body, "id"), text(body, "first_name"), text(body, "last_name"),
				text(body, "username"), text(body, "language_code"), text(body, "phone"));
	}

	@GetMapping("/users")
	List<Map<String, Object>> users() {
		return people.users();
	}

	@GetMapping("/users/{uid}")
	Map<String, Object> user(@PathVariable long uid) {
		return people.userInfo(uid);
	}

	@GetMapping("/bot")
	Map<String, Object> bot() {
		return people.bot();
	}

	@GetMapping("/bot/commands")
	List<Map<String, Object>> commandMenus() {
		return people.commandMenus();
	}

	@GetMapping("/users/{uid}/commands")
	Map<String, Object> commandMenu(@PathVariable long uid, @RequestParam(name = "chat_id", required = false) Long chatId) {
		return people.commandMenuSeenBy(uid, chatId == null ? uid : chatId);
	}

	@GetMapping("/bot/webhook")
	Map<String, Object> webhook() {
		return sandbox.webhookInfo();
	}

	@PostMapping("/users/{uid}/open-link")
	Map<String, Object> openLink(@PathVariable long uid, @RequestBody Map<String, Object> body) {
		return people.openLink(uid, required(body, "url"));
	}

	@PostMapping("/users/{uid}/messages")
	Map<String, Object> write(@PathVariable long uid, @RequestBody Map<String, Object> body) {
		return people.write(uid, requiredLong(body, "chat_id"), required(body, "text"),
				number(body, "reply_to_message_id"));
	}

	@PostMapping("/users/{uid}/messages/{messageId}/edit")
	Map<String, Object> edit(@PathVariable long uid, @PathVariable long messageId,
			@RequestBody Map<String, Object> body) {
		return people.editMessage(uid, requiredLong(body, "chat_id"), messageId, required(body, "text"));
	}

	@PostMapping("/users/{uid}/press")
	Map<String, Object> press(@PathVariable long uid, @RequestBody Map<String, Object> body) {
		return people.press(uid, requiredLong(body, "chat_id"), number(body, "message_id"), required(body, "text"),
				number(body, "wait_ms"));
	}

	@PostMapping("/users/{uid}/share-contact")
	Map<String, Object> shareContact(@PathVariable long uid, @RequestBody(required = false) Map<String, Object> body) {
		Map<String, Object> input = body == null ? Map.of() : body;
		return people.shareContact(uid, number(input, "chat_id"), text(input, "phone"), number(input, "contact_user_id"));
	}

	@PostMapping("/users/{uid}/documents")
	Map<String, Object> document(@PathVariable long uid, @RequestBody Map<String, Object> body) {
		return people.sendDocument(uid, requiredLong(body, "chat_id"), required(body, "file_name"),
				text(body, "content_base64"), text(body, "mime_type"), text(body, "caption"),
				number(body, "reply_to_message_id"));
	}

	@PostMapping("/users/{uid}/block-bot")
	Map<String, Object> blockBot(@PathVariable long uid) {
		return people.blockBot(uid);
	}

	@PostMapping("/users/{uid}/unblock-bot")
	Map<String, Object> unblockBot(@PathVariable long uid) {
		return people.unblockBot(uid);
	}

	@PostMapping("/users/{uid}/leave")
	Map<String, Object> leave(@PathVariable long uid, @RequestBody Map<String, Object> body) {
		return people.leave(uid, requiredLong(body, "chat_id"));
	}

	@GetMapping("/users/{uid}/chats")
	List<Map<String, Object>> chats(@PathVariable long uid) {
		return people.chats(uid);
	}

	@GetMapping("/chats/{chatId}")
	Map<String, Object> chat(@PathVariable long chatId) {
		return people.chat(chatId);
	}

	@GetMapping("/chats/{chatId}/messages")
	Map<String, Object> messages(@PathVariable long chatId, @RequestParam(name = "as", required = false) Long as) {
		return people.messages(chatId, as);
	}

	@GetMapping("/chats/{chatId}/members")
	List<Map<String, Object>> members(@PathVariable long chatId) {
		return people.members(chatId);
	}

	@PostMapping("/chats/{chatId}/members")
	Map<String, Object> addMember(@PathVariable long chatId, @RequestBody Map<String, Object> body) {
		return people.addMember(chatId, requiredLong(body, "user_id"), number(body, "by"));
	}

	@PostMapping("/chats/{chatId}/migrate")
	Map<String, Object> migrate(@PathVariable long chatId) {
		return people.migrate(chatId);
	}

	@PostMapping("/groups")
	Map<String, Object> createGroup(@RequestBody Map<String, Object> body) {
		Object rights = body.get("bot_rights");
		if (rights != null && !(rights instanceof Map)) {
			throw new ControlApiInputError("bot_rights must be an object of can_* flags");
		}
		Object members = body.get("member_ids");
		List<Long> memberIds = members instanceof List<?> list
				? list.stream().map(v -> v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v))).toList()
				: null;
		Boolean historyVisible = bool(body, "history_visible");
		return people.createGroup(required(body, "title"), requiredLong(body, "creator_id"), (Map<?, ?>) rights,
				text(body, "type"), text(body, "bot_status"), memberIds, Boolean.TRUE.equals(historyVisible));
	}

	/** A group admin changes the group's settings: today "Chat history for new members". */
	@PostMapping("/groups/{chatId}/settings")
	Map<String, Object> settings(@PathVariable long chatId, @RequestBody Map<String, Object> body) {
		Boolean historyVisible = bool(body, "history_visible");
		if (historyVisible == null) {
			throw new ControlApiInputError("history_visible is required");
		}
		return people.setHistoryVisible(chatId, number(body, "by"), historyVisible);
	}

	@PostMapping("/groups/{chatId}/bot")
	Map<String, Object> setBot(@PathVariable long chatId, @RequestBody Map<String, Object> body) {
		Object rights = body.get("bot_rights");
		return people.setBotStatus(chatId, number(body, "by"), required(body, "status"),
				rights instanceof Map<?, ?> map ? map : null);
	}

	@PostMapping("/groups/{chatId}/remove-bot")
	Map<String, Object> removeBot(@PathVariable long chatId, @RequestBody(required = false) Map<String, Object> body) {
		Map<String, Object> input = body == null ? Map.of() : body;
		String status = text(input, "status");
		return people.setBotStatus(chatId, number(input, "by"), status == null ? "kicked" : status, null);
	}

	@PostMapping("/faults")
	Map<String, Object> faults(@RequestBody Map<String, Object> body) {
		return sandbox.faults(body);
	}

	@GetMapping("/faults")
	Map<String, Object> faults() {
		return sandbox.faults();
	}

	@GetMapping("/stats")
	Map<String, Object> stats() {
		return sandbox.stats();
	}

	@PostMapping("/reset")
	Map<String, Object> reset() {
		sandbox.reset();
		return Map.of("result", "reset");
	}

	@ExceptionHandler(ControlError.class)
	ResponseEntity<Map<String, Object>> controlError(ControlError error) {
		return ResponseEntity.status(error.status()).body(Map.of("error", error.getMessage(), "status", error.status()));
	}

	@ExceptionHandler({ ControlApiInputError.class, HttpMessageNotReadableException.class,
			MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			NumberFormatException.class, ClassCastException.class })
	ResponseEntity<Map<String, Object>> badInput(Exception error) {
		String message = error instanceof HttpMessageNotReadableException ? "the body must be a JSON object"
				: error.getMessage();
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", message, "status", 400));
	}

	/** A control API body that misses or mistypes a field. */
	static final class ControlApiInputError extends RuntimeException {

		ControlApiInputError(String message) {
			super(message, null, false, false);
		}
	}

	private static String text(Map<String, Object> body, String name) {
		Object value = body.get(name);
		return value == null ? null : String.valueOf(value);
	}

	private static String required(Map<String, Object> body, String name) {
		String value = text(body, name);
		if (value == null || value.isBlank()) {
			throw new ControlApiInputError(name + " is required");
		}
		return value;
	}

	/** true, false or absent (null); anything else is bad input. */
	private static Boolean bool(Map<String, Object> body, String name) {
		Object value = body.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		throw new ControlApiInputError(name + " must be true or false");
	}

	private static Long number(Map<String, Object> body, String name) {
		Object value = body.get(name);
		if (value == null || (value instanceof String s && s.isBlank())) {
			return null;
		}
		if (value instanceof Number n) {
			return n.longValue();
		}
		try {
			return Long.parseLong(String.valueOf(value).trim());
		}
		catch (NumberFormatException e) {
			throw new ControlApiInputError(name + " must be a number");
		}
	}

	private static long requiredLong(Map<String, Object> body, String name) {
		Long value = number(body, name);
		if (value == null) {
			throw new ControlApiInputError(name + " is required");
		}
		return value;
	}
}
