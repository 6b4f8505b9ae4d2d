package com.b2brics.connect.sla;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;

/** {@code /admin/sla}: the response-time clocks, running and breached first, so flagged leads stand out. */
@Controller
class SlaAdminController {

	private final ClockStore store;
	private final Catalog catalog;

	SlaAdminController(ClockStore store, Catalog catalog) {
		this.store = store;
		this.catalog = catalog;
	}

	record Line(ClockStore.Row clock, String partner) {
	}

	@GetMapping("/admin/sla")
	String show(Model model) {
		var rows = store.recent(300);
		model.addAttribute("clocks", rows.stream()
			.map(r -> new Line(r, catalog.partner(r.partnerId()).map(Partner::companyName).orElse("#" + r.partnerId())))
			.toList());
		model.addAttribute("breached", rows.stream().filter(r -> r.running() && r.breachedAt() != null).count());
		return "sla/admin";
	}
}
