/**
 * The emulated Telegram: the world of users, chats and messages behind one lock, the Bot API
 * methods with Telegram's rules and texts, the update queue with long polling and webhook
 * delivery, rate limits, seeded fault injection, statistics, and the simulated people.
 * Free of Spring, so it can be reasoned about (and tested) on its own.
 */
package com.b2brics.connect.sandbox.emulator;
