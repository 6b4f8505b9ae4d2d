package com.b2brics.connect.sandbox.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Telegram's sending limits as strict sliding windows on monotonic time: one message per second
 * in any chat (private or group), twenty per minute in a group, thirty per second over all chats.
 * A send over a limit is refused with 429 and the seconds until the window lets it through, except
 * a group's short burst (more than one a second), which goes through and is counted as
 * {@code group_bursts}. The group
 * window can be shortened (twenty per that window), for test suites only; the one-second rules are
 * never shortened.
 */
final class RateLimits {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final long groupWindow;

	private final Deque<Long> overall = new ArrayDeque<>();

	RateLimits(java.time.Duration groupWindow) {
		if (groupWindow.isNegative() || groupWindow.isZero()) {
			throw new IllegalArgumentException("group rate window must be positive: " + groupWindow);
		}
		this.groupWindow = groupWindow.toNanos();
	}

	private final Map<Long, Deque<Long>> perChat = new HashMap<>();

	/**
	 * Records a send to the chat, or throws 429 when a window is full. True when it came less than a
	 * second after the previous one to the same group: Telegram lets such short bursts through ("we
	 * may allow short bursts"), so the send is not refused, but the caller counts it
	 * ({@code group_bursts} in the statistics): a bot that keeps one message a second shows none.
	 */
	synchronized boolean acquire(long chatId, boolean group) {
		long now = System.nanoTime();
		Deque<Long> chat = perChat.computeIfAbsent(chatId, id -> new ArrayDeque<>());
		long chatWindow = group ? Math.max(groupWindow, SECOND) : SECOND;
		int chatLimit = group ? 20 : 1;
		long chatWait = waitNanos(chat, chatWindow, chatLimit, now);
		if (chatWait > 0) {
			throw TelegramError.tooManyRequests(group ? "rate_limit_group" : "rate_limit_private_chat", seconds(chatWait));
		}
		boolean burst = group && !chat.isEmpty() && now - chat.peekLast() < SECOND;
		long overallWait = waitNanos(overall, SECOND, 30, now);
		if (overallWait > 0) {
			throw TelegramError.tooManyRequests("rate_limit_overall", seconds(overallWait));
		}
		chat.addLast(now);
		overall.addLast(now);
		return burst;
	}

	synchronized void reset() {
		overall.clear();
		perChat.clear();
	}

	private static long waitNanos(Deque<Long> window, long length, int limit, long now) {
		while (!window.isEmpty() && now - window.peekFirst() >= length) {
			window.removeFirst();
		}
		if (window.size() < limit) {
			return 0;
		}
		return window.peekFirst() + length - now;
	}

	private static long seconds(long nanos) {
		return Math.max(1, (nanos + SECOND - 1) / SECOND);
	}
}
