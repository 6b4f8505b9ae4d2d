package com.b2brics.connect.support;

import java.util.List;

/**
 * Support agents that come from the running setup rather than from
 * {@code b2brics.support.agent-telegram-ids}: a bean of this type adds its ids to the agents. The
 * offline demo uses it for its two simulated agents, only with the embedded sandbox; nothing
 * provides one in production.
 */
public interface AdditionalSupportAgents {

	/** Telegram user ids to treat as support agents. */
	List<Long> telegramIds();
}
