package com.b2brics.connect.telegram.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Which button presses a listener answered while an update was handled, so that an unanswered
 * press still gets an empty answer (Telegram's client shows a spinner until it does).
 */
final class ButtonAnswers {

	private static final ThreadLocal<Set<String>> ANSWERED = new ThreadLocal<>();

	private ButtonAnswers() {
	}

	static void begin() {
		ANSWERED.set(new HashSet<>());
	}

	static void end() {
		ANSWERED.remove();
	}

	static void record(String callbackQueryId) {
		Set<String> answered = ANSWERED.get();
		if (answered != null) {
			answered.add(callbackQueryId);
		}
	}

	static boolean answered(String callbackQueryId) {
		Set<String> answered = ANSWERED.get();
		return answered != null && answered.contains(callbackQueryId);
	}
}
