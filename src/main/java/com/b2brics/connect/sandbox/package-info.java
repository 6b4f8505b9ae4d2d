/**
 * The Telegram sandbox: a Bot API emulator with Telegram's wire format and rules, simulated
 * people, fault injection, a control API and a web client. Starts inside the app when no bot
 * token is configured, or on its own as {@code SandboxServer}.
 */
package com.b2brics.connect.sandbox;
