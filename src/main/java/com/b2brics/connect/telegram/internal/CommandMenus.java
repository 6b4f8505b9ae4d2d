package com.b2brics.connect.telegram.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.BotAdmins;
import com.b2brics.connect.telegram.BotCommands;
import com.b2brics.connect.telegram.BotCommands.Declared;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.Who;
import com.pengrad.telegrambot.model.BotCommand;
import com.pengrad.telegrambot.model.botcommandscope.BotCommandScope;
import com.pengrad.telegrambot.model.botcommandscope.BotCommandScopeAllGroupChats;
import com.pengrad.telegrambot.model.botcommandscope.BotCommandScopeAllPrivateChats;
import com.pengrad.telegrambot.model.botcommandscope.BotCommandScopeDefault;
import com.pengrad.telegrambot.model.botcommandscope.BotCommandsScopeChat;
import com.pengrad.telegrambot.request.SetMyCommands;

/**
 * Telegram's command menus, generated from the declared commands ({@link BotCommands}), one
 * {@code setMyCommands} per scope and language:
 * <ul>
 * <li>{@code all_private_chats}: the private commands everyone may use;</li>
 * <li>{@code all_group_chats}: the group and deal-group commands (Telegram has no scope for
 * "groups serving a deal"; /help in a group lists only what works there for who asks);</li>
 * <li>{@code chat} with each platform admin's private chat: the private commands including the
 * admins' own (Telegram's scope for one person in one chat);</li>
 * <li>{@code default}: every public command, as before scopes, for clients that ask without one.</li>
 * </ul>
 * Each in English without {@code language_code} (every language without its own menu sees it),
 * and in every other language of {@link UserLanguage#SUPPORTED} with its code.
 */
@Component
class CommandMenus {

	/** One setMyCommands call. */
	record Menu(String scopeName, BotCommandScope scope, Locale locale, List<Declared> commands) {

		SetMyCommands request(MessageSource messages) {
			BotCommand[] menu = commands.stream()
				.map(declared -> new BotCommand(declared.command(), messages.getMessage(declared.helpKey(), null, locale)))
				.toArray(BotCommand[]::new);
			SetMyCommands request = new SetMyCommands(menu).scope(scope);
			if (!Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
				request.languageCode(locale.getLanguage());
			}
			return request;
		}
	}

	private final BotCommands commands;
	private final ObjectProvider<BotAdmins> admins;
	private final MessageSource messages;

	CommandMenus(BotCommands commands, ObjectProvider<BotAdmins> admins, MessageSource messages) {
		this.commands = commands;
		this.admins = admins;
		this.messages = messages;
	}

	List<Menu> menus() {
		List<Declared> all = commands.all();
		List<Menu> menus = new ArrayList<>();
		for (Locale locale : languages()) {
			menus.add(menu("default", new BotCommandScopeDefault(), locale, all, d -> d.who() != Who.ADMIN));
			menus.add(menu("all_private_chats", new BotCommandScopeAllPrivateChats(), locale, all,
					d -> d.where().inPrivate() && d.who() == Who.ANYONE));
			menus.add(menu("all_group_chats", new BotCommandScopeAllGroupChats(), locale, all,
					d -> d.where().inGroups() && d.who() != Who.ADMIN));
			BotAdmins known = admins.getIfAvailable();
			for (long admin : known == null ? List.<Long>of() : known.ids()) {
				menus.add(menu("chat:" + admin, new BotCommandsScopeChat(admin), locale, all,
						d -> d.where().inPrivate() && (d.who() == Who.ANYONE || d.who() == Who.ADMIN)));
			}
		}
		return menus;
	}

	SetMyCommands request(Menu menu) {
		return menu.request(messages);
	}

	/** English first (sent without a language code), then the others. */
	private static List<Locale> languages() {
		List<Locale> languages = new ArrayList<>();
		languages.add(Locale.ENGLISH);
		UserLanguage.SUPPORTED.stream().filter(l -> !l.getLanguage().equals(Locale.ENGLISH.getLanguage())).forEach(languages::add);
		return languages;
	}

	private static Menu menu(String name, BotCommandScope scope, Locale locale, List<Declared> all, Predicate<Declared> in) {
		return new Menu(name, scope, locale, all.stream().filter(in).toList());
	}
}
