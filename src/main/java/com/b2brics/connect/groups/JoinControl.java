package com.b2brics.connect.groups;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.JoinRequested;
import com.b2brics.connect.telegram.MemberJoined;
import com.b2brics.connect.telegram.MemberLeft;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;

/**
 * Nobody gets into a working group who does not belong: a join request is approved only when it
 * comes through a personal link from the very person the link was made for. Anyone else is
 * declined, and the attempt is kept for the admins. When an invited person enters, the group is
 * told who joined and in which role.
 */
@Component
class JoinControl {

	private static final Logger log = LoggerFactory.getLogger(JoinControl.class);

	private final GroupInvites invites;
	private final WorkingGroups groups;
	private final Outbox outbox;
	private final GroupTexts texts;
	private final Clock clock;

	JoinControl(GroupInvites invites, WorkingGroups groups, Outbox outbox, GroupTexts texts, Clock clock) {
		this.clock = clock;
		this.invites = invites;
		this.groups = groups;
		this.outbox = outbox;
		this.texts = texts;
	}

	@EventListener
	void on(MemberLeft left) {
		groups.memberLeft(left.chat().id(), left.user().id());
	}

	@EventListener
	void on(JoinRequested request) {
		long chat = request.chat().id();
		long user = request.user().id();
		Optional<GroupInvites.Invite> invite = invites.of(request.inviteLink(), request.inviteLinkName());
		String refusal = invite.isEmpty() ? "unknown_link"
				: invite.get().chatId() != chat ? "link_of_another_group"
						: invite.get().revoked() ? "revoked_link" : invite.get().userId() != user ? "link_of_someone_else" : null;
		if (refusal == null) {
			outbox.approveJoinRequest(chat, user);
			return;
		}
		log.warn("Join request to group {} from user {} declined: {}", chat, user, refusal);
		invites.refused(chat, user, request.inviteLink(), refusal);
		outbox.declineJoinRequest(chat, user);
	}

	@EventListener
	void on(MemberJoined joined) {
		long chat = joined.chat().id();
		if (groups.status(chat).isEmpty() || joined.user().isBot()) {
			return;
		}
		groups.memberJoined(chat, joined.user().id(), clock.instant());
		invites.roleOf(chat, joined.user().id()).filter(role -> role.joinedMessageKey() != null).ifPresent(role -> {
			// in the languages of the group's people, the one who just joined among them
			outbox.send(OutgoingMessage.to(chat, texts.forGroup(chat, role.joinedMessageKey(),
					Html.escape(joined.user().displayName())))
				// several people entering within a short while make one message, edited as each enters
				.foldAs("member-joined"));
		});
	}
}
