package com.b2brics.connect.invitations;

import java.time.Instant;
import java.util.Locale;

import com.b2brics.connect.catalog.Specialization;

/**
 * A request for a partner of one specialization in one deal's group. OPEN while offers go out;
 * then ACCEPTED, EXHAUSTED or CANCELLED, which are final.
 */
record Invitation(long id, String dealKey, long chatId, String storefrontSlug, Specialization specialization,
		String task, String summaryEn, String summaryRu, long inviterId, Status status, Long statusOutboxId,
		Long acceptedPartnerId, Instant createdAt, Instant closedAt) {

	enum Status {
		OPEN, ACCEPTED, EXHAUSTED, CANCELLED
	}

	String summary(Locale locale) {
		return "ru".equals(locale.getLanguage()) ? summaryRu : summaryEn;
	}

	boolean isOpen() {
		return status == Status.OPEN;
	}
}
