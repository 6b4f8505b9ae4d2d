package com.b2brics.connect.invitations;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fast a partner answers importers in its leads, as measured elsewhere: the module that runs
 * the response-time clocks declares one as a bean, and {@link Ranking} uses it in the
 * responsiveness of each candidate. Declared here, so that module depends on this one and not the
 * other way round. Without such a bean candidates are ranked on their offers alone.
 */
public interface MeasuredResponses {

	/**
	 * A partner's lead first responses over a window.
	 *
	 * @param judged first responses given or overdue in the window
	 * @param withinSla share of them in time, empty when none were judged
	 * @param median median working time to the first response, empty when none was given
	 * @param allowed the first-response time the storefront's policy allows
	 */
	record LeadFirstResponse(int judged, Optional<Double> withinSla, Optional<Duration> median, Duration allowed) {
	}

	/** The partner's lead first-response figures for clocks started since the instant, on the storefront's policy. */
	LeadFirstResponse leadFirstResponse(long partnerId, String storefrontSlug, Instant since);
}
