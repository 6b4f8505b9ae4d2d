package com.b2brics.connect.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Decides whether the sandbox exists in this context: {@code b2brics.sandbox.enabled=true}
 * switches it on, {@code false} off; unset, it starts exactly when {@code b2brics.telegram.bot-token}
 * is blank, so a configured real token never meets a sandbox bean.
 */
public class SandboxEnabledCondition extends SpringBootCondition {

	static final String ENABLED = "b2brics.sandbox.enabled";

	static final String BOT_TOKEN = "b2brics.telegram.bot-token";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment env = context.getEnvironment();
		String enabled = env.getProperty(ENABLED);
		if (enabled != null && !enabled.isBlank()) {
			return Boolean.parseBoolean(enabled.trim())
					? ConditionOutcome.match(ENABLED + " is true")
					: ConditionOutcome.noMatch(ENABLED + " is false");
		}
		String token = env.getProperty(BOT_TOKEN, "");
		return token.isBlank()
				? ConditionOutcome.match(BOT_TOKEN + " is blank: the bot talks to the embedded sandbox")
				: ConditionOutcome.noMatch(BOT_TOKEN + " is set: the bot talks to Telegram");
	}
}
