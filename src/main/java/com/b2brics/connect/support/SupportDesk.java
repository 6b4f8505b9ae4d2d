package com.b2brics.connect.support;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.b2brics.connect.accounts.PlatformAdmins;
import com.b2brics.connect.groups.GroupPool;
import com.b2brics.connect.groups.GroupTexts;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * The support desk: the one group where new tickets are posted. A platform admin adds the bot to
 * a group (so it is registered as pool groups are) and writes {@code /desk} there: a group that
 * serves nobody is withdrawn from the pool, a group holding a deal is refused, and {@code /desk}
 * in another group moves the desk (the old one is told). Also says who is a support agent.
 */
@Component
class SupportDesk {

	private static final Logger log = LoggerFactory.getLogger(SupportDesk.class);

	private final JdbcClient jdbc;
	private final GroupPool pool;
	private final GroupTexts groupTexts;
	private final PlatformAdmins admins;
	private final SupportProperties properties;
	private final SupportReplies replies;
	private final Outbox outbox;
	private final Clock clock;
	private final java.util.Set<Long> additionalAgents;

	SupportDesk(JdbcClient jdbc, GroupPool pool, GroupTexts groupTexts, PlatformAdmins admins, SupportProperties properties,
			SupportReplies replies, Outbox outbox, Clock clock,
			org.springframework.beans.factory.ObjectProvider<AdditionalSupportAgents> additional) {
		this.additionalAgents = additional.orderedStream().flatMap(a -> a.telegramIds().stream())
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		this.jdbc = jdbc;
		this.pool = pool;
		this.groupTexts = groupTexts;
		this.admins = admins;
		this.properties = properties;
		this.replies = replies;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** The desk's group, if a platform admin has named one. */
	Optional<Long> chat() {
		return jdbc.sql("SELECT chat_id FROM support_desk WHERE id = 1").query(Long.class).optional();
	}

	/** Support agents: the configured ones (and the demo's), and the platform admins. */
	boolean isAgent(long userId) {
		return properties.agentTelegramIds().contains(userId) || additionalAgents.contains(userId) || admins.contains(userId);
	}

	@OnCommand(value = "desk", where = Where.GROUP, who = Who.ADMIN, help = "support.desk.help", order = 95,
			wrongPlace = "support.desk.wrongplace", notAllowed = "support.desk.notadmin")
	void on(CommandReceived command) {
		long chat = command.chat().id();
		long user = command.user().id();
		Optional<Long> current = chat();
		if (current.filter(c -> c == chat).isPresent()) {
			replies.answer(chat, command.messageId(), user, "support.desk.already");
			return;
		}
		Optional<String> status = pool.status(chat);
		if (status.isEmpty() || status.get().equals("GONE")) {
			replies.answer(chat, command.messageId(), user, "support.desk.unregistered");
			return;
		}
		if (!status.get().equals("WITHDRAWN") && !pool.withdraw(chat)) {
			replies.answer(chat, command.messageId(), user, "support.desk.indeal");
			return;
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int moved = jdbc.sql("UPDATE support_desk SET chat_id = :chat, registered_by = :by, registered_at = :now WHERE id = 1")
			.param("chat", chat)
			.param("by", user)
			.param("now", now)
			.update();
		if (moved == 0) {
			jdbc.sql("INSERT INTO support_desk (id, chat_id, registered_by, registered_at) VALUES (1, :chat, :by, :now)")
				.param("chat", chat)
				.param("by", user)
				.param("now", now)
				.update();
		}
		// the old desk is told, unless it is gone (the embedded sandbox started again without it)
		current.filter(old -> pool.status(old).filter("GONE"::equals).isEmpty()).ifPresent(old -> outbox.send(OutgoingMessage.to(old, groupTexts.forGroup(old, "support.desk.moved"))
			.priority(Priority.HIGH)));
		log.info("Support desk is now group {} (named by {}; before: {})", chat, user, current.orElse(null));
		outbox.send(OutgoingMessage.to(chat, groupTexts.forGroup(chat, "support.desk.ready")).priority(Priority.ANSWER)
			.replyTo(command.messageId()));
	}
}
