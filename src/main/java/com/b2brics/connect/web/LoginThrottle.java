package com.b2brics.connect.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows down password guessing on the admin login, per client address and per user name: after
 * {@code maxFailures} failed logins within {@code window}, that address or user is locked for
 * {@code firstLock}, doubling with each further lock-out up to {@code maxLock}. While locked,
 * every login is refused before the password is even checked, the right one too, so a guesser
 * learns nothing during the lock. A successful login forgets the address's and the user's failures.
 *
 * <p>Per instance: each instance counts the attempts it sees (behind a load balancer an attacker
 * gets as many tries as there are instances, still throttled on each). Memory is bounded: at most
 * {@code maxTracked} addresses and users are remembered, the least recently seen dropped first.
 * Time comes from the application's {@link Clock}.
 */
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final Clock clock;

	private final AdminLoginProperties settings;

	private final Map<String, Attempts> tracked;

	LoginThrottle(Clock clock, AdminLoginProperties settings) {
		this.clock = clock;
		this.settings = settings;
		this.tracked = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
				return size() > settings.maxTracked();
			}
		};
	}

	/** How long this address or user must still wait before a login is even tried; empty when it may try now. */
	synchronized Optional<Duration> lockedFor(String address, String user) {
		Instant now = clock.instant();
		Duration longest = Duration.ZERO;
		for (String key : keys(address, user)) {
			Attempts attempts = key == null ? null : tracked.get(key);
			if (attempts != null && attempts.lockedUntil != null && now.isBefore(attempts.lockedUntil)) {
				Duration left = Duration.between(now, attempts.lockedUntil);
				longest = left.compareTo(longest) > 0 ? left : longest;
			}
		}
		return longest.isZero() ? Optional.empty() : Optional.of(longest);
	}

	/** Records a failed login (logged without the password) and locks the address or user that failed too often. */
	synchronized void failed(String address, String user) {
		Instant now = clock.instant();
		log.warn("Admin login failed: user '{}' from {}", printable(user), address);
		for (String key : keys(address, user)) {
			if (key == null) {
				continue;
			}
			Attempts attempts = tracked.computeIfAbsent(key, k -> new Attempts());
			attempts.failures.addLast(now);
			while (!attempts.failures.isEmpty() && !attempts.failures.peekFirst().isAfter(now.minus(settings.window()))) {
				attempts.failures.removeFirst();
			}
			if (attempts.failures.size() >= settings.maxFailures()) {
				attempts.failures.clear();
				attempts.locks++;
				Duration lock = settings.firstLock().multipliedBy(1L << Math.min(attempts.locks - 1, 20));
				lock = lock.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : lock;
				attempts.lockedUntil = now.plus(lock);
				log.warn("Admin login: {} locked for {} s after {} failed logins within {}", key, lock.toSeconds(),
						settings.maxFailures(), settings.window());
			}
		}
	}

	/** A refused attempt while locked: logged, not counted (the lock already holds). */
	void refused(String address, String user, Duration left) {
		log.warn("Admin login refused while locked: user '{}' from {}, {} s left", printable(user), address, left.toSeconds());
	}

	/** The right password once the lock has passed: this address and this user start afresh. */
	synchronized void succeeded(String address, String user) {
		for (String key : keys(address, user)) {
			if (key != null) {
				tracked.remove(key);
			}
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		Authentication attempt = failure.getAuthentication();
		failed(address(attempt), attempt.getName());
	}

	@EventListener
	void on(AuthenticationSuccessEvent success) {
		Authentication login = success.getAuthentication();
		succeeded(address(login), login.getName());
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
	}

	/** Forgets everything (tests share one context). */
	synchronized void clear() {
		tracked.clear();
	}

	synchronized int trackedCount() {
		return tracked.size();
	}

	private static String[] keys(String address, String user) {
		return new String[] { address == null ? null : "address " + address,
				user == null ? null : "user '" + printable(user) + "'" };
	}

	/** A user name as typed, cut and without control characters, fit for a log line and a map key. */
	static String printable(String user) {
		String cut = user.length() > 64 ? user.substring(0, 64) + "…" : user;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

	private static final class Attempts {

		final Deque<Instant> failures = new ArrayDeque<>();

		Instant lockedUntil;

		int locks;
	}
}
