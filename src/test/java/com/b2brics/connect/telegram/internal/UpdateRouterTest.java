package com.b2brics.connect.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;

import com.b2brics.connect.telegram.BotAdmins;
import com.b2brics.connect.telegram.BotCommands.Declared;
import com.b2brics.connect.telegram.ButtonPressed;
import com.b2brics.connect.telegram.ChatRef;
import com.b2brics.connect.telegram.CommandReceived;
import com.b2brics.connect.telegram.ContactShared;
import com.b2brics.connect.telegram.DealChats;
import com.b2brics.connect.telegram.ExpectedContact;
import com.b2brics.connect.telegram.ExpectedText;
import com.b2brics.connect.telegram.OnButton;
import com.b2brics.connect.telegram.OnCommand;
import com.b2brics.connect.telegram.OnContact;
import com.b2brics.connect.telegram.OnGroupText;
import com.b2brics.connect.telegram.OnStart;
import com.b2brics.connect.telegram.OnText;
import com.b2brics.connect.telegram.OutgoingMessage;
import com.b2brics.connect.telegram.Outbox;
import com.b2brics.connect.telegram.TelegramUser;
import com.b2brics.connect.telegram.TextReceived;
import com.b2brics.connect.telegram.UserLanguage;
import com.b2brics.connect.telegram.Where;
import com.b2brics.connect.telegram.Who;

/**
 * The router without Spring's context: each declared route reaches its owner alone; wrong place,
 * wrong person, unknown commands, stray texts and contacts get the one answer; /help lists exactly
 * the declarations for that chat and person.
 */
class UpdateRouterTest {

	static final long ADMIN = 1;
	static final long IMPORTER = 2;
	static final long PARTNER = 3;
	static final long STRANGER = 4;
	static final long DEAL_GROUP = -100;
	static final long OTHER_GROUP = -200;

	/** Every call any owner got, as "owner:what". */
	final List<String> calls = new ArrayList<>();
	final List<OutgoingMessage> sent = new ArrayList<>();
	Routes routes;
	UpdateRouter router;

	class Basics {

		@OnCommand(value = "help", help = "d.help", order = 1)
		void help(CommandReceived command) {
			calls.add("basics:help");
		}

		@OnCommand(value = "start", where = Where.PRIVATE, help = "d.start", order = 0)
		void start(CommandReceived command) {
			calls.add("basics:start " + command.args());
		}

		@OnButton("lang")
		void language(ButtonPressed pressed) {
			calls.add("basics:lang");
		}
	}

	class Deals {

		@OnCommand(value = "close", where = Where.DEAL_GROUP, who = Who.DEAL_PARTNER_OR_STAFF, help = "d.close", order = 20,
				wrongPlace = "close.private", noDeal = "close.none", notAllowed = "close.notallowed")
		void close(CommandReceived command) {
			calls.add("deals:close");
		}

		@OnCommand(value = "invite", where = Where.DEAL_GROUP, who = Who.DEAL_PARTY, help = "d.invite", order = 30)
		void invite(CommandReceived command) {
			calls.add("deals:invite");
		}

		@OnStart
		void anyPayload(CommandReceived command) {
			calls.add("deals:start " + command.args());
		}

		@OnGroupText
		void activity(TextReceived text) {
			calls.add("deals:activity");
		}
	}

	class Codes implements ExpectedText, ExpectedContact {

		boolean waiting;

		@OnCommand(value = "code", where = Where.PRIVATE, who = Who.ADMIN, help = "d.code", order = 10, notAllowed = "code.notadmin")
		void code(CommandReceived command) {
			calls.add("codes:code");
		}

		@OnStart(prefix = "join_")
		void join(CommandReceived command) {
			calls.add("codes:start " + command.args());
		}

		@OnStart(exact = "exporter")
		void exporter(CommandReceived command) {
			calls.add("codes:exporter");
		}

		@OnStart(prefix = "join_", observe = true)
		void count(CommandReceived command) {
			calls.add("codes:counted");
		}

		@Override
		public boolean expects(TextReceived text) {
			return waiting;
		}

		@Override
		public boolean expects(ContactShared shared) {
			return waiting;
		}

		@OnText
		void text(TextReceived text) {
			waiting = false;
			calls.add("codes:text " + text.text());
		}

		@OnContact
		void contact(ContactShared shared) {
			waiting = false;
			calls.add("codes:contact");
		}
	}

	Codes codes;

	@BeforeEach
	void setUp() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		messages.setAlwaysUseMessageFormat(true);
		messages.addMessage("bot.unknown.command", Locale.ENGLISH, "unknown /{0}");
		messages.addMessage("bot.help.header", Locale.ENGLISH, "What I can do:");
		messages.addMessage("router.place.private", Locale.ENGLISH, "/{0}: private chat");
		messages.addMessage("router.place.dealgroup", Locale.ENGLISH, "/{0}: deal group");
		messages.addMessage("router.notallowed", Locale.ENGLISH, "/{0}: not for you");
		messages.addMessage("router.place.dealgroup", Locale.forLanguageTag("ru"), "/{0}: группа сделки");
		Outbox outbox = (Outbox) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Outbox.class },
				(proxy, method, args) -> {
					if (method.getName().equals("send")) {
						sent.add((OutgoingMessage) args[0]);
					}
					return method.getReturnType() == long.class ? 0L : null;
				});
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("language", (UserLanguage) user -> UserLanguage.fromLanguageCode(user.languageCode()));
		beans.addBean("admins", new BotAdmins() {

			@Override
			public boolean isAdmin(long userId) {
				return userId == ADMIN;
			}

			@Override
			public List<Long> ids() {
				return List.of(ADMIN);
			}
		});
		beans.addBean("deals", (DealChats) chatId -> chatId != DEAL_GROUP ? Optional.empty()
				: Optional.of(new DealChats.DealRoles() {

					@Override
					public String dealKey() {
						return "lead:1";
					}

					@Override
					public String storefrontSlug() {
						return "russia";
					}

					@Override
					public String summary(java.util.Locale locale) {
						return "deal";
					}

					@Override
					public boolean isCustomer(long userId) {
						return userId == IMPORTER;
					}

					@Override
					public boolean isSupplier(long userId) {
						return userId == PARTNER;
					}

					@Override
					public boolean isParty(long userId) {
						return userId == IMPORTER || userId == PARTNER;
					}

					@Override
					public boolean isPartner(long userId) {
						return userId == PARTNER;
					}

					@Override
					public boolean isStaff(long userId) {
						return userId == ADMIN;
					}
				}));
		routes = new Routes();
		codes = new Codes();
		routes.postProcessAfterInitialization(new Basics(), "basics");
		routes.postProcessAfterInitialization(new Deals(), "deals");
		routes.postProcessAfterInitialization(codes, "codes");
		router = new UpdateRouter(routes, outbox, messages, beans.getBeanProvider(UserLanguage.class),
				beans.getBeanProvider(DealChats.class), beans.getBeanProvider(BotAdmins.class));
	}

	static TelegramUser user(long id, String language) {
		return new TelegramUser(id, "U" + id, null, null, language, false);
	}

	static ChatRef privateChat(long id) {
		return new ChatRef(id, "private", null);
	}

	static ChatRef group(long id) {
		return new ChatRef(id, "supergroup", "G");
	}

	static CommandReceived command(ChatRef chat, long user, String command, String args) {
		return new CommandReceived(1, chat, user(user, "en"), 7, command, args);
	}

	@Test
	void eachRouteReachesItsOwnerAlone() {
		router.route(command(privateChat(STRANGER), STRANGER, "help", ""));
		router.route(command(group(DEAL_GROUP), PARTNER, "close", ""));
		router.route(command(group(DEAL_GROUP), IMPORTER, "invite", ""));
		router.route(command(privateChat(ADMIN), ADMIN, "code", ""));
		router.route(new ButtonPressed(1, privateChat(STRANGER), user(STRANGER, "en"), 7, "q", "lang", "ru"));
		router.route(new ButtonPressed(1, privateChat(STRANGER), user(STRANGER, "en"), 7, "q", "nobody", ""));
		assertThat(calls).containsExactly("basics:help", "deals:close", "deals:invite", "codes:code", "basics:lang");
		assertThat(sent).isEmpty();
	}

	@Test
	void startPayloadsGoToTheirOwnerByExactThenLongestPrefixWithObserversFirst() {
		router.route(command(privateChat(STRANGER), STRANGER, "start", ""));
		router.route(command(privateChat(STRANGER), STRANGER, "start", "join_ABC"));
		router.route(command(privateChat(STRANGER), STRANGER, "start", "exporter"));
		router.route(command(privateChat(STRANGER), STRANGER, "start", "exporterX"));
		router.route(command(privateChat(STRANGER), STRANGER, "start", "Xyz12"));
		router.route(command(group(OTHER_GROUP), STRANGER, "start", "join_ABC"));
		assertThat(calls).containsExactly("basics:start ", "codes:counted", "codes:start join_ABC", "codes:exporter",
				"deals:start exporterX", "deals:start Xyz12");
		assertThat(sent).isEmpty();
	}

	@Test
	void wrongPlaceWrongPersonAndUnknownGetTheOneAnswerAndNeverReachTheOwner() {
		router.route(command(privateChat(PARTNER), PARTNER, "close", ""));
		router.route(command(group(OTHER_GROUP), PARTNER, "close", ""));
		router.route(command(group(DEAL_GROUP), IMPORTER, "close", ""));
		router.route(command(group(OTHER_GROUP), IMPORTER, "invite", ""));
		router.route(command(group(DEAL_GROUP), STRANGER, "invite", ""));
		router.route(command(privateChat(STRANGER), STRANGER, "code", ""));
		router.route(command(group(OTHER_GROUP), ADMIN, "code", ""));
		router.route(new CommandReceived(1, privateChat(STRANGER), user(STRANGER, "ru"), 7, "invite", ""));
		router.route(command(privateChat(STRANGER), STRANGER, "nosuch", ""));
		assertThat(calls).isEmpty();
		assertThat(sent).extracting(OutgoingMessage::html).containsExactly("close.private", "close.none", "close.notallowed",
				"/invite: deal group", "/invite: not for you", "code.notadmin", "/code: private chat", "/invite: группа сделки",
				"unknown /nosuch\n\nWhat I can do:\n/start — d.start\n/help — d.help");
		assertThat(sent.subList(0, 8)).allSatisfy(answer -> assertThat(answer.replyToMessageId()).isEqualTo(7));
	}

	@Test
	void aTextGoesToTheConversationThatWaitsForItAndAStrayOneIsAnswered() {
		TextReceived text = new TextReceived(1, privateChat(STRANGER), user(STRANGER, "en"), 8, "hello", 0);
		router.route(text);
		assertThat(calls).isEmpty();
		assertThat(sent).extracting(OutgoingMessage::html).containsExactly("bot.text.unexpected");
		codes.waiting = true;
		router.route(text);
		// the expectation was asked before the owner changed its state, and no stray answer followed
		assertThat(calls).containsExactly("codes:text hello");
		assertThat(sent).hasSize(1);
		router.route(new TextReceived(1, group(DEAL_GROUP), user(IMPORTER, "en"), 9, "hi all", 0));
		assertThat(calls).containsExactly("codes:text hello", "deals:activity");
		assertThat(sent).hasSize(1);
	}

	@Test
	void aContactGoesToWhoAskedForItAndAnUnaskedOneIsAnswered() {
		ContactShared contact = new ContactShared(1, privateChat(STRANGER), user(STRANGER, "en"), "+100", true);
		router.route(contact);
		assertThat(sent).extracting(OutgoingMessage::html).containsExactly("partners.contact.unasked");
		codes.waiting = true;
		router.route(contact);
		assertThat(calls).containsExactly("codes:contact");
		assertThat(sent).hasSize(1);
	}

	@Test
	void helpListsExactlyTheDeclarationsForThatChatAndPerson() {
		assertThat(router.usableBy(privateChat(STRANGER), user(STRANGER, "en"))).extracting(Declared::command)
			.containsExactly("start", "help");
		assertThat(router.usableBy(privateChat(ADMIN), user(ADMIN, "en"))).extracting(Declared::command)
			.containsExactly("start", "help", "code");
		assertThat(router.usableBy(group(OTHER_GROUP), user(PARTNER, "en"))).extracting(Declared::command).containsExactly("help");
		assertThat(router.usableBy(group(DEAL_GROUP), user(PARTNER, "en"))).extracting(Declared::command)
			.containsExactly("help", "close", "invite");
		assertThat(router.usableBy(group(DEAL_GROUP), user(IMPORTER, "en"))).extracting(Declared::command)
			.containsExactly("help", "invite");
		assertThat(router.usableBy(group(DEAL_GROUP), user(ADMIN, "en"))).extracting(Declared::command)
			.containsExactly("help", "close");
		assertThat(router.help(group(DEAL_GROUP), user(IMPORTER, "en"), Locale.ENGLISH))
			.isEqualTo("What I can do:\n/help — d.help\n/invite — d.invite");
	}

	@Test
	void aSecondOwnerIsRefusedAtStartUp() {
		class Another {

			@OnCommand("help")
			void help(CommandReceived command) {
			}
		}
		class AnotherButton {

			@OnButton("lang")
			void press(ButtonPressed pressed) {
			}
		}
		class NoExpectation {

			@OnText
			void text(TextReceived text) {
			}
		}
		assertThatThrownBy(() -> routes.postProcessAfterInitialization(new Another(), "another"))
			.hasMessageContaining("/help has two owners");
		assertThatThrownBy(() -> routes.postProcessAfterInitialization(new AnotherButton(), "anotherButton"))
			.hasMessageContaining("lang has two owners");
		assertThatThrownBy(() -> routes.postProcessAfterInitialization(new NoExpectation(), "noExpectation"))
			.hasMessageContaining("must be an ExpectedText");
	}

	@Test
	void deliveredEventsAreRoutedOnlyForTheFourKinds() {
		assertThat(UpdateRouter.routed(command(privateChat(1), 1, "help", ""))).isTrue();
		assertThat(Set.of(new TextReceived(1, privateChat(1), user(1, "en"), 1, "x", 0)).stream().allMatch(UpdateRouter::routed))
			.isTrue();
	}
}
