package com.b2brics.connect.partners;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.BotCommandSpec.Scope;

/** The commands this module answers: the partner's cabinet, and the admins' partner codes (not in the public menu). */
@Configuration(proxyBeanMethods = false)
class PartnersCommands {

	@Bean
	BotCommandSpec partnerCodeCommand() {
		return new BotCommandSpec(PartnerOnboarding.COMMAND, "bot.command.partnercode", Scope.ADMIN, 10);
	}

	@Bean
	BotCommandSpec cabinetCommand() {
		return new BotCommandSpec(Cabinet.COMMAND, "bot.command.cabinet", Scope.PRIVATE, 5);
	}
}
