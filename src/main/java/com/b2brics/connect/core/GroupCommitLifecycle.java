package com.b2brics.connect.core;

import org.springframework.context.SmartLifecycle;

/**
 * A bean that owns a {@link GroupCommit}: its writers start before the web server takes requests
 * and stop after it stopped taking them, so every accepted request finds a writer.
 */
public interface GroupCommitLifecycle extends SmartLifecycle {

	GroupCommit<?, ?> groupCommit();

	@Override
	default void start() {
		groupCommit().start();
	}

	@Override
	default void stop() {
		groupCommit().stop();
	}

	@Override
	default boolean isRunning() {
		return groupCommit().isRunning();
	}

	@Override
	default int getPhase() {
		// stop after the web server stops taking requests, start before it does
		return Integer.MAX_VALUE - 2000;
	}
}
