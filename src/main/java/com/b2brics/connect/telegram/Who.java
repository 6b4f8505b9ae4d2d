package com.b2brics.connect.telegram;

/**
 * Who may use a command. The deal roles are asked of the {@link DealChats} that knows the
 * group's deal, the admins of {@link BotAdmins}.
 */
public enum Who {
	/** Everyone who can write there. */
	ANYONE,
	/** Platform admins only: kept out of the public menus, /help lists it to them alone. */
	ADMIN,
	/** The deal's sides: the importer (or the exporter and their manager) and the partner's team. */
	DEAL_PARTY,
	/** The partner's team of the deal, who owe the answers. */
	DEAL_PARTNER,
	/** The partner's team of the deal, or B2BRICS staff in its group. */
	DEAL_PARTNER_OR_STAFF;

	/** Whether the command needs the group's deal to tell. */
	public boolean needsDeal() {
		return this == DEAL_PARTY || this == DEAL_PARTNER || this == DEAL_PARTNER_OR_STAFF;
	}
}
