package com.b2brics.connect.sandbox.emulator;

import java.time.Duration;

/** The sandbox's tunables, decoupled from Spring's property binding. */
record SandboxSettings(int webhookMaxConnections, Duration callbackQueryTimeout, Duration callbackAnswerWait) {
}
