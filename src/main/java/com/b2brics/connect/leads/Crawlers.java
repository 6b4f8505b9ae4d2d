package com.b2brics.connect.leads;

import java.util.regex.Pattern;

/**
 * Tells robots from people by their User-Agent: search engines, link-preview fetchers
 * (Telegram's own among them) and scripts. Their clicks are recorded but marked, so they never
 * count as interest in a service. Public so that other recorded clicks (referral links) tell
 * them apart the same way.
 */
public final class Crawlers {

	private static final Pattern ROBOT = Pattern.compile(
			"(?i)bot\\b|bot/|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|skypeuripreview|"
					+ "bingpreview|yandex|baiduspider|duckduckgo|curl/|wget/|python-requests|python-urllib|okhttp|"
					+ "go-http-client|java/|httpclient|headless(?!chrome)|^$");

	private Crawlers() {
	}

	/** Whether the User-Agent is a robot's; a missing or blank one counts as a robot. */
	public static boolean isCrawler(String userAgent) {
		return userAgent == null || ROBOT.matcher(userAgent.trim()).find();
	}
}
