package com.b2brics.connect.telegram.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.b2brics.connect.telegram.BotAdmins;
import com.b2brics.connect.telegram.BotCommands;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ContactShared;
import com.b2brics.connect.telegram.DealChats;
import com.b2brics.connect.telegram.Html;
import com.b2brics.connect.telegram.Keyboard;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.Priority;
import com.b2brics.connect.telegram.TelegramEvent;
import com.b2brics.connect.telegram.TelegramUser;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * One road for commands, start payloads, buttons, texts and contacts: each goes to the module that
 * declared it ({@link Routes}) and to it alone, inside the update's transaction. Everything
 * nobody takes is answered here, in the person's language, the same way for every module: an
 * unknown command (with /help), a command in the wrong place or by someone who may not use it
 * (replying to the command), a private text or contact nobody waits for. These are answers to the
 * person's action ({@link Priority#ANSWER}): they pass notices queued earlier in the chat. Forged, expired and
 * foreign buttons are answered before routing ({@link InboxProcessor}).
 *
 * <p>A plain {@code /start} is the {@code start} command; {@code /start <payload>} in a private
 * chat goes to the payload's owner (observers first); {@code /start} in a group (Telegram sends
 * it when a group is opened from a startgroup link) is noted by the update listeners only.
 */
@Component
class UpdateRouter implements BotCommands {

	private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

	static final String START = "start";

	private final Routes routes;
	private final Outbox outbox;
	private final MessageSource messages;
	private final ObjectProvider<UserLanguage> languages;
	private final ObjectProvider<DealChats> deals;
	private final ObjectProvider<BotAdmins> admins;

	UpdateRouter(Routes routes, Outbox outbox, MessageSource messages, ObjectProvider<UserLanguage> languages,
			ObjectProvider<DealChats> deals, ObjectProvider<BotAdmins> admins) {
		this.routes = routes;
		this.outbox = outbox;
		this.messages = messages;
		this.languages = languages;
		this.deals = deals;
		this.admins = admins;
	}

	/** Whether the router, not the event listeners, takes this event. */
	static boolean routed(TelegramEvent event) {
		return event instanceof CommandReceived || event instanceof ButtonPressed || event instanceof TextReceived
				|| event instanceof ContactShared;
	}

	void route(TelegramEvent event) {
		if (event instanceof CommandReceived command) {
			command(command);
		}
		else if (event instanceof ButtonPressed pressed) {
			routes.button(pressed.action()).ifPresent(handler -> handler.call(pressed));
		}
		else if (event instanceof TextReceived text) {
			text(text);
		}
		else if (event instanceof ContactShared contact) {
			contact(contact);
		}
		else {
			throw new IllegalArgumentException("not routed: " + event);
		}
	}

	private void command(CommandReceived command) {
		if (START.equals(command.command()) && !command.chat().isPrivate()) {
			return;
		}
		if (START.equals(command.command()) && !command.args().isBlank()) {
			var starts = routes.starts(command.args());
			starts.forEach(route -> route.handler().call(command));
			if (starts.stream().anyMatch(route -> !route.declaration().observe())) {
				return;
			}
		}
		var route = routes.command(command.command());
		if (route.isEmpty()) {
			Locale locale = locale(command.user());
			outbox.send(OutgoingMessage.to(command.chat().id(),
					text(locale, "bot.unknown.command", Html.escape(abbreviate(command.command()))) + "\n\n"
							+ help(command.chat(), command.user(), locale))
				.priority(Priority.ANSWER));
			return;
		}
		OnCommand declared = route.get().declaration();
		long user = command.user().id();
		if (declared.who() == Who.ADMIN && !isAdmin(user)) {
			log.info("/{} refused to user {}: not a platform admin", declared.value(), user);
			refuse(command, declared.notAllowed(), "router.notallowed");
			return;
		}
		ChatRef chat = command.chat();
		boolean place = switch (declared.where()) {
			case PRIVATE -> chat.isPrivate();
			case GROUP, DEAL_GROUP -> chat.isGroup();
			case ANY -> true;
		};
		if (!place) {
			refuse(command, declared.wrongPlace(), declared.where() == Where.PRIVATE ? "router.place.private"
					: declared.where() == Where.DEAL_GROUP ? "router.place.dealgroup" : "router.place.group");
			return;
		}
		Optional<DealChats.DealRoles> deal = declared.where() == Where.DEAL_GROUP || declared.who().needsDeal()
				? dealIn(chat) : Optional.empty();
		if (declared.where() == Where.DEAL_GROUP && deal.isEmpty()) {
			refuse(command, declared.noDeal().isEmpty() ? declared.wrongPlace() : declared.noDeal(), "router.place.dealgroup");
			return;
		}
		if (!allowed(declared.who(), user, deal)) {
			log.info("/{} refused to user {} in chat {}: not {}", declared.value(), user, chat.id(), declared.who());
			refuse(command, declared.notAllowed(), "router.notallowed");
			return;
		}
		route.get().handler().call(command);
	}

	/**
	 * A text goes to the conversations that wait for it, asked before any of them is called (so
	 * that each sees the state it waits in, not the state another's answer leaves). In a group
	 * every text is noted as activity first; in a private chat a text nobody waits for is answered.
	 */
	private void text(TextReceived text) {
		Where where = text.chat().isPrivate() ? Where.PRIVATE : text.chat().isGroup() ? Where.GROUP : null;
		if (where == null) {
			return;
		}
		var expecting = routes.texts(where).stream().filter(route -> route.expectation().expects(text)).toList();
		if (where == Where.GROUP) {
			routes.groupTexts().forEach(handler -> handler.call(text));
		}
		if (expecting.size() > 1) {
			log.warn("Text of user {} in chat {} expected by {} conversations at once", text.user().id(), text.chat().id(),
					expecting.size());
		}
		expecting.forEach(route -> route.handler().call(text));
		if (expecting.isEmpty() && where == Where.PRIVATE) {
			outbox.send(OutgoingMessage.to(text.chat().id(), text(locale(text.user()), "bot.text.unexpected"))
				.priority(Priority.ANSWER));
		}
	}

	/** A contact goes to the conversation that asked for it; one nobody asked for is answered (and the contact keyboard removed). */
	private void contact(ContactShared shared) {
		if (!shared.chat().isPrivate()) {
			return;
		}
		var expecting = routes.contacts().stream().filter(route -> route.expectation().expects(shared)).toList();
		expecting.forEach(route -> route.handler().call(shared));
		if (expecting.isEmpty()) {
			outbox.send(OutgoingMessage.to(shared.user().id(), text(locale(shared.user()), "partners.contact.unasked"))
				.with(Keyboard.remove())
				.priority(Priority.ANSWER));
		}
	}

	private void refuse(CommandReceived command, String key, String generic) {
		Locale locale = locale(command.user());
		String html = key.isEmpty() ? text(locale, generic, Html.escape(abbreviate(command.command()))) : text(locale, key);
		outbox.send(OutgoingMessage.to(command.chat().id(), html).replyTo(command.messageId()).priority(Priority.ANSWER));
	}

	private boolean allowed(Who who, long user, Optional<DealChats.DealRoles> deal) {
		return switch (who) {
			case ANYONE -> true;
			case ADMIN -> isAdmin(user);
			case DEAL_PARTY -> deal.filter(roles -> roles.isParty(user)).isPresent();
			case DEAL_PARTNER -> deal.filter(roles -> roles.isPartner(user)).isPresent();
			case DEAL_PARTNER_OR_STAFF -> deal.filter(roles -> roles.isPartner(user) || roles.isStaff(user)).isPresent();
			case DEAL_CUSTOMER -> deal.filter(roles -> roles.isCustomer(user)).isPresent();
			case DEAL_SUPPLIER -> deal.filter(roles -> roles.isSupplier(user)).isPresent();
			case DEAL_SIDE -> deal.filter(roles -> roles.isCustomer(user) || roles.isSupplier(user)).isPresent();
		};
	}

	private Optional<DealChats.DealRoles> dealIn(ChatRef chat) {
		if (!chat.isGroup()) {
			return Optional.empty();
		}
		return deals.orderedStream().map(deal -> deal.dealIn(chat.id())).flatMap(Optional::stream).findFirst();
	}

	private boolean isAdmin(long user) {
		BotAdmins known = admins.getIfAvailable();
		return known != null && known.isAdmin(user);
	}

	// ---- the declarations, for /help and the menus

	@Override
	public List<Declared> all() {
		return routes.commands().stream()
			.map(UpdateRouter::declared)
			.filter(declared -> !declared.helpKey().isEmpty())
			.sorted(Comparator.comparingInt(Declared::order).thenComparing(Declared::command))
			.toList();
	}

	@Override
	public List<Declared> usableBy(ChatRef chat, TelegramUser user) {
		boolean admin = user != null && isAdmin(user.id());
		Optional<DealChats.DealRoles> deal = all().stream().anyMatch(d -> d.where() == Where.DEAL_GROUP || d.who().needsDeal())
				? dealIn(chat) : Optional.empty();
		return all().stream().filter(declared -> switch (declared.where()) {
			case PRIVATE -> chat.isPrivate();
			case GROUP -> chat.isGroup();
			case DEAL_GROUP -> deal.isPresent();
			case ANY -> true;
		}).filter(declared -> declared.who() == Who.ADMIN ? admin
				: user != null && allowed(declared.who(), user.id(), deal)).toList();
	}

	@Override
	public String help(ChatRef chat, TelegramUser user, Locale locale) {
		String lines = usableBy(chat, user).stream()
			.map(declared -> "/" + declared.command() + " — " + messages.getMessage(declared.helpKey(), null, locale))
			.collect(Collectors.joining("\n"));
		return text(locale, "bot.help.header") + "\n" + lines;
	}

	private static Declared declared(Routes.CommandRoute route) {
		OnCommand c = route.declaration();
		return new Declared(c.value(), c.help(), c.where(), c.who(), c.order());
	}

	private Locale locale(TelegramUser user) {
		return languages.getIfAvailable(() -> u -> UserLanguage.fromLanguageCode(u.languageCode())).of(user);
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String abbreviate(String command) {
		return command.length() > 32 ? command.substring(0, 32) + "…" : command;
	}
}
