package com.b2brics.connect.leads;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.invitations.Deal;
import com.b2brics.connect.invitations.DealDirectory;

/**
 * Open leads as deals partners can be invited into. The parties who may invite are the importer
 * and the team of the partner whose service the lead is about, or of the exporter whose product
 * it is about: both are the deal's sides and both may need a carrier, a certifier or a customs
 * broker. That partner is never a candidate, and an exporter never is one.
 */
@Component
class LeadDeals implements DealDirectory {

	private final Leads leads;
	private final Catalog catalog;
	private final Accounts accounts;
	private final MessageSource messages;

	LeadDeals(Leads leads, Catalog catalog, Accounts accounts, MessageSource messages) {
		this.leads = leads;
		this.catalog = catalog;
		this.accounts = accounts;
		this.messages = messages;
	}

	@Override
	public Optional<Deal> openDealInChat(long chatId) {
		return leads.openInChat(chatId).map(lead -> new LeadDeal(lead, chatId));
	}

	private final class LeadDeal implements Deal {

		private final Lead lead;
		private final long chatId;

		LeadDeal(Lead lead, long chatId) {
			this.lead = lead;
			this.chatId = chatId;
		}

		@Override
		public String key() {
			return LeadDeals.key(lead);
		}

		@Override
		public long chatId() {
			return chatId;
		}

		@Override
		public String storefrontSlug() {
			return lead.storefrontSlug();
		}

		@Override
		public boolean mayInvite(long userId) {
			return userId == lead.importerId() || catalog.teamMemberIds(lead.partnerId()).contains(userId);
		}

		@Override
		public Set<Long> partnerIds() {
			return Set.of(lead.partnerId());
		}

		@Override
		public String summary(Locale locale) {
			return LeadDeals.this.summary(lead, locale);
		}
	}

	static String key(Lead lead) {
		return "lead:" + lead.id();
	}

	/** The lead in one short line of plain text: the service or product, its partner, the importer. */
	String summary(Lead lead, Locale locale) {
		Optional<Service> offering = catalog.service(lead.serviceId());
		String service = offering.map(s -> s.title(locale)).orElse("#" + lead.serviceId());
		String partner = catalog.partner(lead.partnerId()).map(Partner::companyName).orElse("#" + lead.partnerId());
		String key = offering.map(Service::isProduct).orElse(false) ? "lead.deal.summary.product" : "lead.deal.summary";
		return messages.getMessage(key, new Object[] { service, partner, accounts.nameOf(lead.importerId()) }, locale);
	}
}
