/**
 * The Bot API port: the only module that touches the Telegram client library. Owns the
 * durable inbox (webhook and long polling), the durable outbox and its sender, signed callback
 * data, and the typed events every other module reacts to.
 */
package com.b2brics.connect.telegram;
