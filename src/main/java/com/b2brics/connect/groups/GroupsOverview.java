package com.b2brics.connect.groups;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import com.b2brics.connect.accounts.Accounts;

/** The pool and the refused join attempts as the admins' page shows them. */
@Service
public class GroupsOverview {

	private final WorkingGroups groups;
	private final GroupInvites invites;
	private final Accounts accounts;

	GroupsOverview(WorkingGroups groups, GroupInvites invites, Accounts accounts) {
		this.groups = groups;
		this.invites = invites;
		this.accounts = accounts;
	}

	/** A pool group as the admins see it; holder is what the group serves now, e.g. LEAD 42, empty when free. */
	public record PoolGroup(long chatId, String title, String status, Long leadId, String holder, long members,
			Instant updatedAt) {
	}

	public record RefusedJoin(Instant at, long chatId, String groupTitle, long userId, String userName, String reason,
			String inviteLink) {
	}

	public List<PoolGroup> pool() {
		return groups.all().stream()
			.map(r -> new PoolGroup(r.chatId(), r.title(), r.status(), r.leadId(),
					r.holderKind() == null ? null : r.holderKind() + " " + r.holderId(), r.members(), r.updatedAt()))
			.toList();
	}

	public List<RefusedJoin> refusedJoins(int limit) {
		return invites.recentRefusals(limit).stream()
			.map(r -> new RefusedJoin(r.at(), r.chatId(), groups.poolTitle(r.chatId()).orElse(""), r.userId(),
					accounts.nameOf(r.userId()), r.reason(), r.inviteLink()))
			.toList();
	}
}
