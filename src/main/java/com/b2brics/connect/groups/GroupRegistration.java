package com.b2brics.connect.groups;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.Accounts;
import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.telegram.BotAddedToChat;
import com.b2brics.connect.telegram.BotRemovedFromChat;
import com.b2brics.connect.telegram.BotRights;
import com.b2brics.connect.telegram.ChatMigrated;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;

/**
 * Bots cannot create groups, so admins create supergroups and add the bot as an administrator;
 * the bot takes such a group into its pool only when the person who added it is a platform
 * admin and the rights suffice (invite users, change info, pin, ban, delete). Otherwise it says
 * why in the group and leaves. A registered group is handed out once {@link HistoryCheck} found
 * its "Chat history for new members" hidden.
 */
@Component
class GroupRegistration {

	private static final Logger log = LoggerFactory.getLogger(GroupRegistration.class);

	private final WorkingGroups groups;
	private final PlatformAdmins admins;
	private final Accounts accounts;
	private final Outbox outbox;
	private final MessageSource messages;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	GroupRegistration(WorkingGroups groups, PlatformAdmins admins, Accounts accounts, Outbox outbox,
			MessageSource messages, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.groups = groups;
		this.admins = admins;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	@EventListener
	void on(BotAddedToChat added) {
		if (!added.chat().isGroup()) {
			return;
		}
		long chat = added.chat().id();
		Locale locale = added.user() == null ? Locale.ENGLISH : accounts.of(added.user());
		long by = added.user() == null ? 0 : added.user().id();
		if (!admins.contains(by)) {
			log.warn("Bot added to group {} by user {}, who is not a platform admin: leaving", chat, by);
			refuse(chat, messages.getMessage("groups.refused.notadmin", null, locale));
			return;
		}
		List<String> missing = missingRights(added.rights(), locale);
		if (!missing.isEmpty()) {
			log.warn("Bot added to group {} by admin {} without the rights {}: leaving", chat, by, missing);
			refuse(chat, messages.getMessage("groups.refused.rights", new Object[] { String.join(", ", missing) }, locale));
			return;
		}
		// not handed out before HistoryCheck found its history hidden from new members; that check
		// reads Telegram outside this handler and publishes GroupRegistered when the group is free
		groups.register(chat, added.chat().title(), by, clock.instant());
		log.info("Group {} ({}) registered; its history setting is checked before it joins the pool", chat,
				added.chat().title());
		outbox.send(OutgoingMessage.to(chat, messages.getMessage("groups.registered.checking", null, locale))
			.priority(Priority.HIGH));
	}

	@EventListener
	void on(BotRemovedFromChat removed) {
		if (removed.chat().isGroup()) {
			groups.gone(removed.chat().id(), clock.instant());
		}
	}

	/** Handled here once for every holder: the pool follows the group, then whoever keeps its id ({@link WorkingGroupMigrated}). */
	@EventListener
	void on(ChatMigrated migrated) {
		groups.migrate(migrated.chat().id(), migrated.newChatId(), clock.instant());
		if (groups.status(migrated.newChatId()).isPresent()) {
			events.publishEvent(new WorkingGroupMigrated(migrated.chat().id(), migrated.newChatId()));
		}
	}

	private void refuse(long chat, String why) {
		outbox.send(OutgoingMessage.to(chat, why).priority(Priority.HIGH));
		outbox.leaveChat(chat);
	}

	private List<String> missingRights(BotRights rights, Locale locale) {
		List<String> missing = new ArrayList<>();
		if (!rights.admin()) {
			missing.add(messages.getMessage("groups.right.admin", null, locale));
		}
		if (!rights.canInviteUsers()) {
			missing.add(messages.getMessage("groups.right.invite", null, locale));
		}
		if (!rights.canChangeInfo()) {
			missing.add(messages.getMessage("groups.right.info", null, locale));
		}
		if (!rights.canPinMessages()) {
			missing.add(messages.getMessage("groups.right.pin", null, locale));
		}
		if (!rights.canRestrictMembers()) {
			missing.add(messages.getMessage("groups.right.ban", null, locale));
		}
		if (!rights.canDeleteMessages()) {
			missing.add(messages.getMessage("groups.right.delete", null, locale));
		}
		return missing;
	}
}
