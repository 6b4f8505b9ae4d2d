package com.b2brics.connect.sandbox.emulator;

/** One Bot API method: its result value, or a future of it for methods that wait (getUpdates). */
@FunctionalInterface
interface BotMethod {

	Object invoke(Params params);
}
