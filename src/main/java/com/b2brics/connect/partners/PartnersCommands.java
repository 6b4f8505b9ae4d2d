package com.b2brics.connect.partners;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.b2brics.connect.telegram.BotCommandSpec;
import com.b2brics.connect.telegram.BotCommandSpec.Scope;

/** The commands this module answers: admin-only, so not in the public command menu. */
@Configuration(proxyBeanMethods = false)
class PartnersCommands {

	@Bean
	BotCommandSpec partnerCodeCommand() {
		return new BotCommandSpec(PartnerOnboarding.COMMAND, "bot.command.partnercode", Scope.ADMIN, 10);
	}
}
