package com.b2brics.connect.leads;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.BotCommandSpec.Scope;

/** The commands this module answers, for /help and Telegram's command menu. */
@Configuration(proxyBeanMethods = false)
class LeadsCommands {

	@Bean
	BotCommandSpec closeCommand() {
		return new BotCommandSpec("close", "bot.command.close", Scope.GROUP, 20);
	}
}
