package com.b2brics.connect.telegram.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the Telegram side: are updates routed to us (webhook registered or long polling
 * running), is the Bot API answering, how much waits in the outbox and how old the oldest waiting
 * message is, how many updates are pending or dead. DOWN, with the reason, until updates are
 * routed (the bot is not ready: started while the Bot API was down, it keeps trying), and when
 * the Bot API has not answered since its last failure for over a minute.
 */
@Component("telegram")
class TelegramHealth extends AbstractHealthIndicator {

	private final BotConnection connection;
	private final OutboxStore outbox;
	private final InboxStore inbox;

	TelegramHealth(BotConnection connection, OutboxStore outbox, InboxStore inbox) {
		this.connection = connection;
		this.outbox = outbox;
		this.inbox = inbox;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant lastAnswer = connection.lastAnswer();
		Instant lastNoAnswer = connection.lastNoAnswer();
		boolean unreachable = lastNoAnswer != null && (lastAnswer == null || lastNoAnswer.isAfter(lastAnswer))
				&& (lastAnswer == null || Duration.between(lastAnswer, Instant.now()).toSeconds() > 60);
		String routedBy = connection.routedBy();
		builder.status(!connection.isOpen() ? "STARTING" : routedBy == null || unreachable ? "DOWN" : "UP");
		builder.withDetail("ready", connection.isOpen() && routedBy != null);
		builder.withDetail("updates", routedBy != null ? routedBy : "not routed: " + connection.notRoutedReason());
		builder.withDetail("botApi", connection.isOpen() ? connection.endpoint().apiUrl() : "not connected");
		builder.withDetail("bot", connection.identity() == null ? "unknown" : "@" + connection.identity().username());
		builder.withDetail("lastAnswer", String.valueOf(lastAnswer));
		if (unreachable) {
			builder.withDetail("lastFailure", connection.lastNoAnswerReason());
		}
		builder.withDetail("outboxBacklog", outbox.backlog());
		builder.withDetail("outboxOldestWaiting", String.valueOf(outbox.oldestWaiting().orElse(null)));
		builder.withDetail("inboxPending", inbox.countByStatus("PENDING"));
		builder.withDetail("inboxDead", inbox.countByStatus("DEAD"));
	}
}
