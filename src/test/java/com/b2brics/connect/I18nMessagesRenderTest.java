package com.b2brics.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import com.b2brics.connect.core.MessagesConfiguration;

/**
 * Every key of every bundle renders as people will read it: through the application's own
 * MessageSource (configured by {@code application.yml}'s {@code spring.messages}), with a sample
 * argument for each placeholder. Fails on a doubled quote left in the text ({@code company''s}),
 * an unfilled placeholder ({@code {0}}), a pattern MessageFormat cannot read, or an apostrophe
 * that MessageFormat would swallow (a lone {@code '} quotes what follows it).
 */
class I18nMessagesRenderTest {

	/** Every bundle present: messages.properties is English, messages_xx.properties is xx. */
	private static List<Locale> languages() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
			return files.map(file -> file.getFileName().toString())
				.map(BUNDLE::matcher)
				.filter(Matcher::matches)
				.map(name -> name.group(1) == null ? Locale.ENGLISH : Locale.forLanguageTag(name.group(1)))
				.sorted(Comparator.comparing(Locale::toLanguageTag))
				.toList();
		}
	}

	private static final Pattern BUNDLE = Pattern.compile("messages(?:_([a-z]{2,3}))?\\.properties");

	/** An argument counted by the text ({@code {0, plural, …}}, {@code {0, number}}): it takes a number. */
	private static final Pattern COUNTED = Pattern.compile("\\{(\\d+)\\s*,\\s*(?:plural|selectordinal|number)");

	/** Counts that reach every plural form of en, ru, pt, ar, zh and hi. */
	private static final List<Long> COUNTS = List.of(0L, 1L, 2L, 3L, 5L, 11L, 21L, 100L, 1440L);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	private static final Pattern UNFILLED = Pattern.compile("\\{\\d+[^}]*}");

	private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

	private static Properties bundle(String name) throws Exception {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource("i18n/" + name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static String file(Locale locale) {
		return locale.equals(Locale.ENGLISH) ? "messages.properties" : "messages_" + locale.getLanguage() + ".properties";
	}

	@Test
	void everyMessageOfEveryBundleRendersWithoutQuotesOrPlaceholdersLeft() throws Exception {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
			.withUserConfiguration(MessagesConfiguration.class)
			.withInitializer(context -> yaml.forEach(source -> context.getEnvironment().getPropertySources().addLast(source)))
			.run(context -> {
				assertThat(context).hasNotFailed();
				MessageSource messages = context.getBean(MessageSource.class);
				List<String> problems = new ArrayList<>();
				int rendered = 0;
				List<Locale> languages = languages();
				assertThat(languages).as("bundles found").contains(Locale.ENGLISH, Locale.forLanguageTag("ru"));
				for (Locale locale : languages) {
					Properties source = bundle(file(locale));
					for (String key : new TreeSet<>(source.stringPropertyNames())) {
						String pattern = source.getProperty(key);
						Object[] args = sampleArguments(pattern);
						String text;
						try {
							text = messages.getMessage(key, args, locale);
							for (Long count : COUNTS) {
								messages.getMessage(key, sampleArguments(pattern, count), locale);
							}
						}
						catch (IllegalArgumentException unreadable) {
							problems.add(locale + " " + key + ": MessageFormat cannot read it (" + unreadable.getMessage() + ")");
							continue;
						}
						rendered++;
						if (text.contains("''")) {
							problems.add(locale + " " + key + ": a doubled quote is shown: " + text);
						}
						if (UNFILLED.matcher(text).find()) {
							problems.add(locale + " " + key + ": a placeholder is left unfilled: " + text);
						}
						if (LONE_QUOTE.matcher(pattern).find()) {
							problems.add(locale + " " + key + ": a single ' starts a quoted part and disappears; write '' for an apostrophe: " + pattern);
						}
						for (int i = 0; i < args.length; i++) {
							if (pattern.contains("{" + i) && !text.contains(args[i].toString())) {
								problems.add(locale + " " + key + ": the argument {" + i + "} does not show: " + text);
							}
						}
					}
				}
				assertThat(problems).as("messages that do not render as people should read them").isEmpty();
				assertThat(rendered).isGreaterThan(700);
				// the finding itself: the English /cabinet answer to a non-partner
				assertThat(messages.getMessage("partners.cabinet.notpartner", null, Locale.ENGLISH))
					.contains("a partner company's team");
			});
	}

	/**
	 * "‹0›", "‹1›", … for the placeholders the pattern has (none: no arguments, as most callers
	 * pass), and 7 for those it counts (7 takes a form that shows the number in every language).
	 */
	private static Object[] sampleArguments(String pattern) {
		return sampleArguments(pattern, 7L);
	}

	private static Object[] sampleArguments(String pattern, long count) {
		int highest = -1;
		Matcher placeholder = PLACEHOLDER.matcher(pattern);
		while (placeholder.find()) {
			highest = Math.max(highest, Integer.parseInt(placeholder.group(1)));
		}
		Set<Integer> counted = new HashSet<>();
		Matcher number = COUNTED.matcher(pattern);
		while (number.find()) {
			counted.add(Integer.parseInt(number.group(1)));
		}
		Object[] args = new Object[highest + 1];
		for (int i = 0; i <= highest; i++) {
			args[i] = counted.contains(i) ? (Object) count : "‹" + i + "›";
		}
		return args;
	}
}
