package com.b2brics.connect.invitations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.BotCommandSpec.Scope;

/** The commands this module answers, for /help and Telegram's command menu. */
@Configuration(proxyBeanMethods = false)
class InvitationsCommands {

	@Bean
	BotCommandSpec inviteCommand() {
		return new BotCommandSpec("invite", "bot.command.invite", Scope.GROUP, 30);
	}

	@Bean
	BotCommandSpec cancelInviteCommand() {
		return new BotCommandSpec("cancel_invite", "bot.command.cancel_invite", Scope.GROUP, 31);
	}
}
