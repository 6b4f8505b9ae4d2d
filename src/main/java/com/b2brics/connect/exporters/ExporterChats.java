package com.b2brics.connect.exporters;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.Role;
import com.b2brics.connect.telegram.DealChats;

/**
 * Exporters' personal groups, for the router's deal-group commands: the deal is the one
 * {@link ExporterDeals} finds; its sides are who may invite there (the exporter and their
 * manager), no partner owes answers there, the group's staff is B2BRICS.
 */
@Component
class ExporterChats implements DealChats {

	private final ExporterDeals deals;
	private final GroupPool pool;

	private final Exporters exporters;

	ExporterChats(ExporterDeals deals, GroupPool pool, Exporters exporters) {
		this.deals = deals;
		this.pool = pool;
		this.exporters = exporters;
	}

	/** The personal group of the exporter the person is, or manages. */
	@Override
	public List<DealRef> dealsOf(long userId, Locale locale) {
		return exporters.ofSide(userId).stream()
			.flatMap(exporter -> pool.groupOf(PersonalGroups.HOLDER_KIND, exporter.id()).stream())
			.flatMap(chat -> dealIn(chat).filter(roles -> roles.isCustomer(userId))
				.map(roles -> new DealRef(roles.dealKey(), chat, roles.storefrontSlug(), roles.summary(locale)))
				.stream())
			.toList();
	}

	@Override
	public Optional<DealRoles> dealIn(long chatId) {
		return deals.openDealInChat(chatId).map(deal -> new DealRoles() {

			@Override
			public String dealKey() {
				return deal.key();
			}

			@Override
			public String storefrontSlug() {
				return deal.storefrontSlug();
			}

			@Override
			public String summary(Locale locale) {
				return deal.summary(locale);
			}

			@Override
			public boolean isCustomer(long userId) {
				return deal.mayInvite(userId);
			}

			@Override
			public boolean isSupplier(long userId) {
				return pool.roleOf(chatId, userId).filter(role -> role == Role.INVITED_PARTNER).isPresent();
			}

			@Override
			public boolean isParty(long userId) {
				return deal.mayInvite(userId);
			}

			@Override
			public boolean isPartner(long userId) {
				return false;
			}

			@Override
			public boolean isStaff(long userId) {
				return pool.isStaff(chatId, userId);
			}
		});
	}
}
