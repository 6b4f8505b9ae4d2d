package com.b2brics.connect.leads;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.springframework.transaction.support.TransactionTemplate;

import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.core.GroupCommit;
import com.b2brics.connect.core.GroupCommitLifecycle;

/**
 * Records a press on "Contact in Telegram" and gives it a payload for the deep link: 128 random
 * bits, URL-safe (22 characters of {@code A-Za-z0-9_-}), so it cannot be guessed, and it
 * resolves only on our side to the click.
 *
 * <p>Clicks are stored with group commit ({@link GroupCommit}): concurrent clicks share one
 * transaction and one disk flush, and {@link #record} returns only after the click's row is
 * committed. The visitor is sent to the deep link only then, so a payload someone holds always
 * resolves, even after a crash.
 */
@org.springframework.stereotype.Service
public class ContactClicks implements GroupCommitLifecycle {

	/** Batches in flight at once; as for the webhook's inbox (docs/PERFORMANCE.md). */
	private static final int WRITERS = 4;
	private static final int BATCH = 200;
	/** How long a visitor's click may wait for its commit before the page says "try again". */
	private static final long TIMEOUT_MILLIS = 5_000;

	private static final SecureRandom random = new SecureRandom();

	/** The click could not be stored (database failing or overloaded): no payload may be handed out. */
	public static class ClickNotRecorded extends RuntimeException {

		ClickNotRecorded(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private final LeadsProperties properties;
	private final Clock clock;
	private final GroupCommit<Clicks.NewClick, Boolean> commits;
	private final SlidingWindow perAddress;
	private final SlidingWindow perVisitor;

	ContactClicks(Clicks clicks, TransactionTemplate tx, LeadsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		LeadsProperties.Limits limits = properties.limits();
		this.perAddress = new SlidingWindow(limits.clicksPerAddress(), limits.clickWindow(), limits.trackedKeys(), clock);
		this.perVisitor = new SlidingWindow(limits.clicksPerVisitor(), limits.clickWindow(), limits.trackedKeys(), clock);
		// isolateFailures: one click that cannot be stored must not fail the visitors batched with it
		this.commits = new GroupCommit<>("click-writer", WRITERS, BATCH, 10_000, true, batch -> {
			boolean[] stored = tx.execute(status -> clicks.addAll(batch));
			List<Boolean> results = new ArrayList<>(stored.length);
			for (boolean one : stored) {
				results.add(one);
			}
			return results;
		});
	}

	/**
	 * Stores the click and returns its payload once the click is committed; empty if the service
	 * is no longer on its storefront (nothing stored). Throws {@link ClickNotRecorded} if it could
	 * not be stored.
	 */
	public Optional<String> record(Service service, String referralCode, String visitorId, String userAgent) {
		String payload = newPayload();
		Instant now = clock.instant();
		Clicks.NewClick click = new Clicks.NewClick(payload, service.storefrontSlug(), service.id(), referralCode, visitorId,
				Crawlers.isCrawler(userAgent), userAgent, now, now.plus(properties.payloadValidity()));
		try {
			return commits.submit(click, TIMEOUT_MILLIS) ? Optional.of(payload) : Optional.empty();
		}
		catch (TimeoutException | GroupCommit.WriteFailed e) {
			throw new ClickNotRecorded("click on service " + service.id() + " not stored: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ClickNotRecorded("interrupted while storing a click", e);
		}
	}

	/**
	 * Counts a click against the limits of its network address and, when the browser brought
	 * one, its visitor cookie: empty when it may go on, else how long until it may click again.
	 * Clicks without a cookie are new visitors each time, so the address is what bounds them.
	 */
	public Optional<Duration> overLimit(String address, String knownVisitorId) {
		String byAddress = "a:" + (address == null ? "" : address);
		if (!perAddress.acquire(byAddress).allowed()) {
			return Optional.of(perAddress.retryAfter(byAddress));
		}
		if (knownVisitorId != null && !perVisitor.acquire("v:" + knownVisitorId).allowed()) {
			return Optional.of(perVisitor.retryAfter("v:" + knownVisitorId));
		}
		return Optional.empty();
	}

	static String newPayload() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public GroupCommit<?, ?> groupCommit() {
		return commits;
	}
}
