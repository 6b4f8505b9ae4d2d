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
	DEAL_PARTNER_OR_STAFF,
	/** The deal's customer side ({@link DealChats.DealRoles#isCustomer}): confirms and accepts. */
	DEAL_CUSTOMER,
	/** The deal's supplier side ({@link DealChats.DealRoles#isSupplier}), invited partners too: proposes and reports ready. */
	DEAL_SUPPLIER,
	/** Either side of the deal room: customer or supplier (invited partners included). */
	DEAL_SIDE;

	/** Whether the command needs the group's deal to tell. */
	public boolean needsDeal() {
		return this != ANYONE && this != ADMIN;
	}
}
