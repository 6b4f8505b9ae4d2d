package com.b2brics.connect.sla;

import java.time.Duration;
import java.util.List;

/**
 * How fast someone must answer, in working time of the responsible party's calendar.
 *
 * @param remindAtPercent the points (share of the allowed time) at which the responsible party is
 *        reminded before the breach
 */
public record SlaPolicy(Duration leadFirstResponse, Duration nextResponse, Duration invitationAnswer,
		Duration supportFirstResponse, List<Integer> remindAtPercent) {

	public static final SlaPolicy DEFAULT = new SlaPolicy(Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(2),
			Duration.ofHours(1), List.of(50, 80));

	public SlaPolicy {
		remindAtPercent = List.copyOf(remindAtPercent);
		for (Duration d : List.of(leadFirstResponse, nextResponse, invitationAnswer, supportFirstResponse)) {
			if (d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException("an SLA time must be positive: " + d);
			}
		}
		for (int percent : remindAtPercent) {
			if (percent <= 0 || percent >= 100) {
				throw new IllegalArgumentException("a reminder point must lie between 0 and 100 %: " + percent);
			}
		}
	}

	/** This policy with the fields the settings set. */
	SlaPolicy with(SlaProperties.PolicySettings s) {
		if (s == null) {
			return this;
		}
		return new SlaPolicy(or(s.leadFirstResponse(), leadFirstResponse), or(s.nextResponse(), nextResponse),
				or(s.invitationAnswer(), invitationAnswer), or(s.supportFirstResponse(), supportFirstResponse),
				s.remindAtPercent() == null || s.remindAtPercent().isEmpty() ? remindAtPercent : s.remindAtPercent());
	}

	private static <T> T or(T value, T fallback) {
		return value == null ? fallback : value;
	}
}
