/**
 * The Telegram sandbox: a Bot API emulator with Telegram's wire format and rules, simulated
 * people, fault injection, a control API and a web client. Starts inside the app when no bot
 * token is configured (it then provides the {@link com.b2brics.connect.telegram.BotApiEndpointProvider}),
 * or on its own as {@link com.b2brics.connect.sandbox.SandboxServer}. Its state lives in memory:
 * it plays Telegram, not our database.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "telegram", "core" })
package com.b2brics.connect.sandbox;
