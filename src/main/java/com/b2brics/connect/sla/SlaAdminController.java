package com.b2brics.connect.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;

/**
 * {@code /admin/sla}: the response-time clocks, running and breached first, so flagged leads stand
 * out; then support's first-response clocks, newest first.
 */
@Controller
class SlaAdminController {

	/** Support clocks the page lists, newest first. */
	static final int SUPPORT_ROWS = 200;

	private final ClockStore store;
	private final Catalog catalog;
	private final SupportClocks supportClocks;
	private final Clock clock;

	SlaAdminController(ClockStore store, Catalog catalog, SupportClocks supportClocks, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.supportClocks = supportClocks;
		this.clock = clock;
	}

	/** A support clock as listed: the working time is counted up to now while it counts. */
	record SupportLine(String ticket, int round, String storefront, SupportClocks.Status status, Instant startedAt, Instant dueAt,
			Duration worked, Instant breachedAt) {
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
		Instant now = clock.instant();
		model.addAttribute("supportClocks", supportClocks.recent(SUPPORT_ROWS)
			.stream()
			.map(c -> new SupportLine(c.ticketNumber(), c.round(), c.storefrontSlug(), c.status(), c.startedAt(), c.dueAt(),
					c.workedUntil(now, supportClocks.calendar(c)), c.breachedAt()))
			.toList());
		return "sla/admin";
	}
}
