package com.b2brics.connect.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;

import com.b2brics.connect.telegram.BotAdmins;
import com.b2brics.connect.telegram.BotCommands;
import com.b2brics.connect.telegram.BotCommands.Declared;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.TelegramUser;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;
import com.pengrad.telegrambot.model.botcommandscope.BotCommandsScopeChat;

/** Which commands go into which menu, for every scope, admin and language. */
class CommandMenusTest {

	@Test
	void eachScopeGetsItsCommandsEachAdminTheirOwnAndEveryLanguageOneOfEach() {
		List<Declared> declared = List.of(new Declared("start", "d.start", Where.PRIVATE, Who.ANYONE, 0),
				new Declared("help", "d.help", Where.ANY, Who.ANYONE, 1),
				new Declared("code", "d.code", Where.PRIVATE, Who.ADMIN, 10),
				new Declared("close", "d.close", Where.DEAL_GROUP, Who.DEAL_PARTNER_OR_STAFF, 20),
				new Declared("cancel", "d.cancel", Where.GROUP, Who.ANYONE, 31));
		BotCommands commands = new BotCommands() {

			@Override
			public List<Declared> all() {
				return declared;
			}

			@Override
			public List<Declared> usableBy(ChatRef chat, TelegramUser user) {
				throw new UnsupportedOperationException();
			}

			@Override
			public String help(ChatRef chat, TelegramUser user, Locale locale) {
				throw new UnsupportedOperationException();
			}
		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("admins", new BotAdmins() {

			@Override
			public boolean isAdmin(long userId) {
				return userId == 11 || userId == 12;
			}

			@Override
			public List<Long> ids() {
				return List.of(11L, 12L);
			}
		});
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		var menus = new CommandMenus(commands, beans.getBeanProvider(BotAdmins.class), messages).menus();

		int perLanguage = 3 + 2;
		assertThat(menus).hasSize(perLanguage * UserLanguage.SUPPORTED.size());
		assertThat(menus).extracting(m -> m.scopeName() + " " + m.locale().getLanguage() + " "
				+ m.commands().stream().map(Declared::command).toList())
			.startsWith("default en [start, help, close, cancel]", "all_private_chats en [start, help]",
					"all_group_chats en [help, close, cancel]", "chat:11 en [start, help, code]", "chat:12 en [start, help, code]");
		assertThat(menus.get(3).scope()).isInstanceOf(BotCommandsScopeChat.class);
		assertThat(menus.subList(perLanguage, menus.size())).allMatch(m -> !m.locale().getLanguage().equals("en"));
		// English goes without a language code, the others with theirs
		assertThat(menus.get(0).request(messages).getParameters()).doesNotContainKey("language_code");
		assertThat(menus.get(perLanguage).request(messages).getParameters()).containsKey("language_code");
	}
}
