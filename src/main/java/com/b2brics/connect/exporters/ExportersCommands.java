package com.b2brics.connect.exporters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.BotCommandSpec.Scope;

/** The commands this module answers: registration as an exporter, and cancelling it midway. */
@Configuration(proxyBeanMethods = false)
class ExportersCommands {

	@Bean
	BotCommandSpec registerCommand() {
		return new BotCommandSpec(ExporterRegistration.COMMAND, "bot.command.register", Scope.PRIVATE, 3);
	}

	@Bean
	BotCommandSpec cancelCommand() {
		return new BotCommandSpec(ExporterRegistration.CANCEL_COMMAND, "bot.command.cancel", Scope.PRIVATE, 4);
	}
}
