package com.b2brics.connect.groups.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.b2brics.connect.groups.GroupsOverview;
import com.b2brics.connect.groups.HeldGroups;
import com.b2brics.connect.groups.HistoryCheck;

/**
 * {@code /admin/groups}: the pool of working groups, the groups held now (by whom, since when,
 * whether the importer entered) with a button to take a lead's group back, and who tried to
 * enter a group without their own link.
 */
@Controller
class GroupsAdminController {

	private final GroupsOverview overview;
	private final HeldGroups held;

	private final HistoryCheck historyCheck;

	GroupsAdminController(GroupsOverview overview, HeldGroups held, HistoryCheck historyCheck) {
		this.overview = overview;
		this.held = held;
		this.historyCheck = historyCheck;
	}

	/** The admin fixed a held-back group's history setting: check it now rather than at the next scheduled check. */
	@PostMapping("/admin/groups/{chatId}/check")
	String checkAgain(@PathVariable long chatId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("historyNotice",
				historyCheck.checkAgain(chatId) ? "admin.groups.check.queued" : "admin.groups.check.notheld");
		return "redirect:/admin/groups";
	}

	@GetMapping("/admin/groups")
	String show(Model model) {
		var pool = overview.pool();
		model.addAttribute("pool", pool);
		model.addAttribute("free", pool.stream().filter(g -> "FREE".equals(g.status())).count());
		model.addAttribute("held", held.all());
		model.addAttribute("refusals", overview.refusedJoins(200));
		return "groups/admin";
	}

	/** Takes a lead's group back (the lead waits for its importer again); redirect after POST, with what happened. */
	@PostMapping("/admin/groups/{chatId}/release")
	String processRelease(@PathVariable long chatId, Principal admin, RedirectAttributes redirect) {
		HeldGroups.Outcome outcome = held.takeBack(chatId, admin == null ? "admin" : admin.getName());
		redirect.addFlashAttribute("notice", switch (outcome) {
			case RELEASED -> "admin.groups.release.released";
			case NOT_HELD -> "admin.groups.release.not_held";
			case NOT_RELEASABLE -> "admin.groups.release.not_releasable";
		});
		redirect.addFlashAttribute("noticeChat", Long.toString(chatId));
		return "redirect:/admin/groups";
	}
}
