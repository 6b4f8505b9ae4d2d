package com.b2brics.connect.catalog;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one change other modules may make to the catalog: a verified Telegram user joins a
 * partner's team (partner onboarding). A Telegram user belongs to one partner company at most;
 * the database itself refuses a second membership.
 */
@org.springframework.stereotype.Service
public class PartnerTeams {

	public enum Outcome {
		/** Now in the team: {@link Catalog#teamMemberIds} includes them. */
		JOINED,
		/** Already in this partner's team; nothing changed. */
		ALREADY_IN_THIS_TEAM,
		/** In another partner's team; nothing changed. */
		IN_ANOTHER_TEAM,
		/** No such partner. */
		NO_PARTNER
	}

	private final Partners partners;
	private final Catalog catalog;

	PartnerTeams(Partners partners, Catalog catalog) {
		this.partners = partners;
		this.catalog = catalog;
	}

	/** Adds the user to the partner's team unless they already belong to a partner; {@code name} is what Telegram calls them. */
	@Transactional
	public Outcome join(long partnerId, long telegramUserId, String name) {
		if (partners.byId(partnerId).isEmpty()) {
			return Outcome.NO_PARTNER;
		}
		if (partners.addMember(partnerId, telegramUserId, name)) {
			// the partner is now team-linked: cached answers about it are stale once this commits
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						catalog.changed();
					}
				});
			}
			catalog.changed();
			return Outcome.JOINED;
		}
		return partners.teamMemberIds(partnerId).contains(telegramUserId) ? Outcome.ALREADY_IN_THIS_TEAM
				: Outcome.IN_ANOTHER_TEAM;
	}
}
