package com.b2brics.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import com.b2brics.connect.core.MessagesConfiguration;

/**
 * Counts read as the language says them, through the application's own MessageSource and real
 * keys: Russian's four forms (1 день, 2 дня, 5 дней, 21 день), Arabic's six (0, 1, 2, 3–10,
 * 11–99, 100), numbers written as the reader's locale writes them.
 */
class I18nPluralsTest {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private static void withMessages(Consumer<MessageSource> test) throws Exception {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
		new ApplicationContextRunner().withUserConfiguration(MessagesConfiguration.class)
			.withInitializer(context -> yaml.forEach(source -> context.getEnvironment().getPropertySources().addLast(source)))
			.run(context -> test.accept(context.getBean(MessageSource.class)));
	}

	@Test
	void russianCountsOneFewManyAndTwentyOne() throws Exception {
		withMessages(messages -> {
			assertThat(messages.getMessage("lead.closed.why.inactivity", new Object[] { 1 }, RUSSIAN)).isEqualTo("нет сообщений 1 день");
			assertThat(messages.getMessage("lead.closed.why.inactivity", new Object[] { 2 }, RUSSIAN)).isEqualTo("нет сообщений 2 дня");
			assertThat(messages.getMessage("lead.closed.why.inactivity", new Object[] { 5 }, RUSSIAN)).isEqualTo("нет сообщений 5 дней");
			assertThat(messages.getMessage("lead.closed.why.inactivity", new Object[] { 21 }, RUSSIAN)).isEqualTo("нет сообщений 21 день");
			// the same forms in another case: "within 1 minute" is за 1 минуту, 2 минуты, 5 минут, 21 минуту
			assertThat(List.of(1, 2, 5, 21).stream()
				.map(n -> messages.getMessage("lead.withdrawn.partner", new Object[] { "‹s›", "‹i›", n }, RUSSIAN)).toList())
				.satisfiesExactly(one -> assertThat(one).contains("за 1 минуту;"), few -> assertThat(few).contains("за 2 минуты;"),
						many -> assertThat(many).contains("за 5 минут;"), twentyOne -> assertThat(twentyOne).contains("за 21 минуту;"));
			assertThat(messages.getMessage("lead.inactive.warning", new Object[] { 21, 5 }, RUSSIAN))
				.contains("не писал 21 день.").contains("через 5 часов,");
		});
	}

	@Test
	void arabicCountsInAllSixForms() throws Exception {
		withMessages(messages -> {
			assertThat(List.of(0, 1, 2, 3, 11, 100).stream()
				.map(n -> messages.getMessage("lead.closed.why.inactivity", new Object[] { n }, ARABIC)).toList())
				.containsExactly("لا رسائل منذ 0 يوم", "لا رسائل منذ يوم واحد", "لا رسائل منذ يومين", "لا رسائل منذ 3 أيام",
						"لا رسائل منذ 11 يومًا", "لا رسائل منذ 100 يوم");
			assertThat(List.of(0, 1, 2, 3, 11, 100).stream()
				.map(n -> messages.getMessage("groups.pool.low", new Object[] { n }, ARABIC)).toList())
				.satisfiesExactly(zero -> assertThat(zero).contains("لم تبقَ أي مجموعة عمل شاغرة"),
						one -> assertThat(one).contains("بقيت مجموعة عمل شاغرة واحدة فقط"),
						two -> assertThat(two).contains("بقيت مجموعتا عمل شاغرتان فقط"),
						few -> assertThat(few).contains("بقيت 3 مجموعات عمل شاغرة فقط"),
						many -> assertThat(many).contains("بقيت 11 مجموعة عمل شاغرة فقط"),
						other -> assertThat(other).contains("بقيت 100 مجموعة عمل شاغرة فقط"));
		});
	}

	@Test
	void englishAndPortugueseCountOneAndOtherAndNumbersFollowTheLocale() throws Exception {
		withMessages(messages -> {
			assertThat(messages.getMessage("lead.closed.why.inactivity", new Object[] { 1 }, Locale.ENGLISH)).isEqualTo("no messages for 1 day");
			assertThat(messages.getMessage("lead.closed.why.inactivity", new Object[] { 14 }, Locale.ENGLISH)).isEqualTo("no messages for 14 days");
			Locale portuguese = Locale.forLanguageTag("pt");
			assertThat(messages.getMessage("lead.closed.why.inactivity", new Object[] { 1 }, portuguese)).isEqualTo("sem mensagens há 1 dia");
			assertThat(messages.getMessage("groups.pool.low", new Object[] { 1440 }, portuguese)).contains("Restam apenas 1.440 grupos");
			assertThat(messages.getMessage("groups.pool.low", new Object[] { 1440 }, Locale.ENGLISH)).contains("Only 1,440 free working groups");
			// a duration in minutes is written whole (a skeleton in the text), as the join-grace texts always were
			assertThat(messages.getMessage("lead.withdrawn.partner", new Object[] { "‹s›", "‹i›", 1440 }, portuguese))
				.contains("em 1440 minutos;");
			assertThat(messages.getMessage("lead.withdrawn.partner", new Object[] { "‹s›", "‹i›", 1 }, Locale.ENGLISH))
				.contains("within 1 minute;");
			// the apostrophe rule holds through ICU: '' is one apostrophe
			assertThat(messages.getMessage("lead.close.notallowed", null, Locale.ENGLISH)).contains("partner's team");
		});
	}
}
