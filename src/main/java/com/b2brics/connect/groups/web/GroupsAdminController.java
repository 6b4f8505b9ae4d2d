package com.b2brics.connect.groups.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.b2brics.connect.groups.GroupsOverview;

/** {@code /admin/groups}: the pool of working groups, and who tried to enter a group without their own link. */
@Controller
class GroupsAdminController {

	private final GroupsOverview overview;

	GroupsAdminController(GroupsOverview overview) {
		this.overview = overview;
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
