package com.b2brics.connect.referrals;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.exporters.ReferralCodeCheck;

/**
 * Tells the exporters module whether a code may be used at registration: it must exist, be
 * active, and not belong to the registering person's own partner team. Reads only.
 */
@Component
class ReferralCodeChecker implements ReferralCodeCheck {

	private final ReferralCodes codes;
	private final Catalog catalog;

	ReferralCodeChecker(ReferralCodes codes, Catalog catalog) {
		this.codes = codes;
		this.catalog = catalog;
	}

	@Override
	public Verdict check(String typed, long telegramUserId) {
		Optional<ReferralCodes.Code> code = ReferralCode.parse(typed).flatMap(codes::find);
		if (code.isEmpty()) {
			return new Verdict(Outcome.UNKNOWN, null, null);
		}
		String partnerName = catalog.partner(code.get().partnerId()).map(Partner::companyName).orElse(null);
		if (partnerName == null) {
			// the partner left the catalog: nobody to attribute to
			return new Verdict(Outcome.INACTIVE, code.get().code(), null);
		}
		if (!code.get().active()) {
			return new Verdict(Outcome.INACTIVE, code.get().code(), partnerName);
		}
		if (ownTeam(code.get().partnerId(), telegramUserId)) {
			return new Verdict(Outcome.OWN_TEAM, code.get().code(), partnerName);
		}
		return new Verdict(Outcome.ACCEPTED, code.get().code(), partnerName);
	}

	boolean ownTeam(long partnerId, long telegramUserId) {
		return catalog.partnerOfTeamMember(telegramUserId).filter(p -> p.id() == partnerId).isPresent();
	}
}
