package com.b2brics.connect.leads;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.telegram.DealChats;

/**
 * The groups of open leads, for the router's deal-group commands: the importer and the partner's
 * team are the deal's sides, the partner's team owes the answers, the group's staff is B2BRICS.
 */
@Component
class LeadChats implements DealChats {

	/** Most deals one person's list holds. */
	static final int MAX_DEALS = 20;

	private final Leads leads;
	private final Catalog catalog;
	private final GroupPool pool;
	private final LeadDeals deals;

	LeadChats(Leads leads, Catalog catalog, GroupPool pool, LeadDeals deals) {
		this.leads = leads;
		this.catalog = catalog;
		this.pool = pool;
		this.deals = deals;
	}

	/** The open leads the person is a side of: as the importer, on the partner's team, or as a partner invited into it. */
	@Override
	public List<DealRef> dealsOf(long userId, Locale locale) {
		Long partner = catalog.partnerOfTeamMember(userId).map(p -> p.id()).orElse(null);
		return java.util.stream.Stream.concat(leads.openChatsOf(userId, partner, MAX_DEALS).stream(),
				pool.chatsWhere(userId, Role.INVITED_PARTNER, MAX_DEALS).stream())
			.distinct()
			.limit(MAX_DEALS)
			.flatMap(chat -> dealIn(chat).filter(roles -> roles.isCustomer(userId) || roles.isSupplier(userId))
				.map(roles -> new DealRef(roles.dealKey(), chat, roles.storefrontSlug(), roles.summary(locale)))
				.stream())
			.toList();
	}

	@Override
	public Optional<DealRoles> dealIn(long chatId) {
		return leads.openInChat(chatId).map(lead -> new DealRoles() {

			@Override
			public String dealKey() {
				return LeadDeals.key(lead);
			}

			@Override
			public String storefrontSlug() {
				return lead.storefrontSlug();
			}

			@Override
			public String summary(Locale locale) {
				return deals.summary(lead, locale);
			}

			@Override
			public boolean isCustomer(long userId) {
				return userId == lead.importerId();
			}

			@Override
			public boolean isSupplier(long userId) {
				return isPartner(userId) || pool.roleOf(chatId, userId).filter(role -> role == Role.INVITED_PARTNER).isPresent();
			}

			@Override
			public boolean isParty(long userId) {
				return userId == lead.importerId() || isPartner(userId);
			}

			@Override
			public boolean isPartner(long userId) {
				return catalog.teamMemberIds(lead.partnerId()).contains(userId);
			}

			@Override
			public boolean isStaff(long userId) {
				return pool.isStaff(chatId, userId);
			}
		});
	}
}
