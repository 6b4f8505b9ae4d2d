package com.b2brics.connect.sla;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.b2brics.connect.invitations.MeasuredResponses;

/** The measured lead first responses, for the invitations' ranking: the SLA depends on invitations, never the reverse. */
@Component
class LeadResponseFigures implements MeasuredResponses {

	private final PartnerFigures figures;
	private final SlaPolicies policies;

	LeadResponseFigures(PartnerFigures figures, SlaPolicies policies) {
		this.figures = figures;
		this.policies = policies;
	}

	@Override
	public LeadFirstResponse leadFirstResponse(long partnerId, String storefrontSlug, Instant since) {
		PartnerFigures.Figures f = figures.firstResponse(partnerId, since);
		int judged = f.answered() + f.overdue();
		return new LeadFirstResponse(judged, f.withinSla(), f.median(), policies.policyFor(storefrontSlug, null).leadFirstResponse());
	}
}
