package com.b2brics.connect.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * What a partner does around a deal. Stored by name; shown through {@link #messageKey()} so
 * every language names it from the message bundles. The order here is the order on the site.
 */
public enum Specialization {

	LOGISTICS("catalog.specialization.logistics"),
	CERTIFICATION("catalog.specialization.certification"),
	CUSTOMS("catalog.specialization.customs"),
	MARKETING("catalog.specialization.marketing"),
	LEGAL("catalog.specialization.legal"),
	TRANSLATION("catalog.specialization.translation"),
	INSPECTION("catalog.specialization.inspection"),
	FINANCE("catalog.specialization.finance");

	private final String messageKey;

	Specialization(String messageKey) {
		this.messageKey = messageKey;
	}

	/** The message bundle key of this specialization's name. */
	public String messageKey() {
		return messageKey;
	}

	/** The lower-case code used in URLs, commands and the demo file: {@code logistics}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a code ({@code logistics}) or a name ({@code LOGISTICS}); empty when unknown. */
	public static Optional<Specialization> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		for (Specialization specialization : values()) {
			if (specialization.name().equalsIgnoreCase(code.trim())) {
				return Optional.of(specialization);
			}
		}
		return Optional.empty();
	}
}
