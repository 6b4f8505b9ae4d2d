package com.b2brics.connect.exporters;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.invitations.Deal;
import com.b2brics.connect.invitations.DealDirectory;

/**
 * Exporters' personal groups as deals partners can be invited into: the exporter and their
 * manager may ask for a partner, candidates serve the exporter's storefront. No partner is the
 * group's own; partners who joined it are left out by the invitation engine itself, which skips
 * partners whose people are in the group.
 */
@Component
class ExporterDeals implements DealDirectory {

	private final Exporters exporters;
	private final GroupPool pool;
	private final Catalog catalog;
	private final MessageSource messages;

	ExporterDeals(Exporters exporters, GroupPool pool, Catalog catalog, MessageSource messages) {
		this.exporters = exporters;
		this.pool = pool;
		this.catalog = catalog;
		this.messages = messages;
	}

	@Override
	public Optional<Deal> openDealInChat(long chatId) {
		return pool.holderOf(chatId)
			.filter(holder -> PersonalGroups.HOLDER_KIND.equals(holder.kind()))
			.flatMap(holder -> exporters.byId(holder.id()))
			.filter(Exporter::registered)
			.map(exporter -> new PersonalGroupDeal(exporter, chatId));
	}

	private final class PersonalGroupDeal implements Deal {

		private final Exporter exporter;
		private final long chatId;

		PersonalGroupDeal(Exporter exporter, long chatId) {
			this.exporter = exporter;
			this.chatId = chatId;
		}

		@Override
		public String key() {
			return "exporter:" + exporter.id();
		}

		@Override
		public long chatId() {
			return chatId;
		}

		@Override
		public String storefrontSlug() {
			return exporter.storefrontSlug();
		}

		@Override
		public boolean mayInvite(long userId) {
			return userId == exporter.telegramUserId() || (exporter.managerId() != null && userId == exporter.managerId());
		}

		@Override
		public Set<Long> partnerIds() {
			return Set.of();
		}

		@Override
		public String summary(Locale locale) {
			String storefront = catalog.storefront(exporter.storefrontSlug()).map(s -> s.name(locale))
				.orElse(exporter.storefrontSlug());
			return messages.getMessage("exporters.deal.summary", new Object[] { exporter.company(), storefront }, locale);
		}
	}
}
