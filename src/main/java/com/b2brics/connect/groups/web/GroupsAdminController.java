package com.b2brics.connect.groups.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.b2brics.connect.groups.GroupsOverview;
import com.b2brics.connect.groups.HistoryCheck;

/** {@code /admin/groups}: the pool of working groups, and who tried to enter a group without their own link. */
@Controller
class GroupsAdminController {

	private final GroupsOverview overview;

	private final HistoryCheck historyCheck;

	GroupsAdminController(GroupsOverview overview, HistoryCheck historyCheck) {
		this.overview = overview;
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
		model.addAttribute("refusals", overview.refusedJoins(200));
		return "groups/admin";
	}
}
