package com.b2brics.connect.telegram.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.ChatMigrated;

/**
 * When Telegram reports that a group became a supergroup, what still waits in the outbox for the
 * old id goes to the new one at once (otherwise each row would first bounce off Telegram's 400).
 */
@Component
class ChatMigrations {

	private static final Logger log = LoggerFactory.getLogger(ChatMigrations.class);

	private final OutboxStore outbox;

	ChatMigrations(OutboxStore outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(ChatMigrated migrated) {
		int moved = outbox.moveChat(migrated.chat().id(), migrated.newChatId());
		log.info("Group {} is now supergroup {}; {} queued rows follow it", migrated.chat().id(), migrated.newChatId(), moved);
	}
}
