package com.b2brics.connect.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.BotCommandSpec.Scope;

/** The commands this module answers, for /help and Telegram's command menu. */
@Configuration(proxyBeanMethods = false)
class AccountsCommands {

	@Bean
	BotCommandSpec startCommand() {
		return new BotCommandSpec("start", "bot.command.start", Scope.PRIVATE, 0);
	}

	@Bean
	BotCommandSpec helpCommand() {
		return new BotCommandSpec("help", "bot.command.help", Scope.BOTH, 1);
	}

	@Bean
	BotCommandSpec languageCommand() {
		return new BotCommandSpec("language", "bot.command.language", Scope.BOTH, 2);
	}
}
