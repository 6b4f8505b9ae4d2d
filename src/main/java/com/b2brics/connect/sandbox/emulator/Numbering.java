package com.b2brics.connect.sandbox.emulator;

/** Where a new sandbox starts numbering users and updates: later for a later start, as Telegram never reuses them. */
final class Numbering {

	/** 2026-09-21T00:00:00Z, before this sandbox existed. */
	private static final long BASE_EPOCH_SECOND = 1_790_000_000L;

	private Numbering() {
	}

	/** Wall-clock seconds since the base; real time, not the business clock tests move. */
	static long sinceBase() {
		return Math.max(0, System.currentTimeMillis() / 1000 - BASE_EPOCH_SECOND);
	}
}
