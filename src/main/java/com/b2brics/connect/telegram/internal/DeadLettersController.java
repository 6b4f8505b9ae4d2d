package com.b2brics.connect.telegram.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's view of what did not go through: updates whose handling failed every try (dead
 * letters) and messages Telegram refused for good, each with its error and a replay button.
 */
@Controller
class DeadLettersController {

	private static final Logger log = LoggerFactory.getLogger(DeadLettersController.class);

	private final InboxStore inbox;
	private final OutboxStore outbox;
	private final InboxSignal inboxSignal;
	private final OutboxSignal outboxSignal;
	private final TransactionTemplate tx;

	DeadLettersController(InboxStore inbox, OutboxStore outbox, InboxSignal inboxSignal, OutboxSignal outboxSignal,
			TransactionTemplate tx) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.inboxSignal = inboxSignal;
		this.outboxSignal = outboxSignal;
		this.tx = tx;
	}

	@GetMapping("/admin/telegram")
	String show(Model model) {
		model.addAttribute("deadUpdates", inbox.dead(200));
		model.addAttribute("failedMessages", outbox.failed(200));
		model.addAttribute("backlog", outbox.backlog());
		return "telegram/dead-letters";
	}

	@PostMapping("/admin/telegram/updates/{updateId}/replay")
	String replay(@PathVariable long updateId, RedirectAttributes redirect) {
		boolean replayed = Boolean.TRUE.equals(tx.execute(s -> inbox.replay(updateId, Instant.now())));
		log.info("Admin replay of update {}: {}", updateId, replayed ? "queued" : "not dead");
		redirect.addFlashAttribute("notice", replayed ? "admin.deadletters.replayed" : "admin.deadletters.notdead");
		inboxSignal.wake();
		return "redirect:/admin/telegram";
	}

	@PostMapping("/admin/telegram/outbox/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		boolean retried = Boolean.TRUE.equals(tx.execute(s -> outbox.retryFailed(id, Instant.now())));
		log.info("Admin retry of outbox row {}: {}", id, retried ? "queued" : "not failed");
		redirect.addFlashAttribute("notice", retried ? "admin.deadletters.retried" : "admin.deadletters.notfailed");
		outboxSignal.wake();
		return "redirect:/admin/telegram";
	}
}
