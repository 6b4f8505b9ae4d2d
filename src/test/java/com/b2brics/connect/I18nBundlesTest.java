package com.b2brics.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text people see exists in every bundle (English, Russian, Portuguese, Arabic, and every
 * other {@code messages_xx.properties} present), with the same placeholders and HTML tags as the
 * English; and every key the code and templates use exists — whole keys as literals, and keys
 * built by concatenation through the families listed in {@link #FAMILIES}.
 */
class I18nBundlesTest {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Pattern BUNDLE = Pattern.compile("messages(?:_([a-z]{2,3}))?\\.properties");

	/** The languages that must have a bundle; others (zh, hi, …) are checked as soon as their file is there. */
	private static final Set<String> REQUIRED = Set.of("en", "ru", "pt", "ar");

	/**
	 * Keys the code builds from a prefix and a value: the prefix (as written in the code, before
	 * its {@code +}) and every value it is completed with. A new concatenation fails
	 * {@link #everyKeyBuiltByConcatenationBelongsToAListedFamily} until its family is listed here.
	 */
	private static final Map<String, List<String>> FAMILIES = Map.ofEntries(
			// deals.DealCard: people's roles in the group, and which side of the deal they are on
			Map.entry("deals.role.", List.of("IMPORTER", "PARTNER", "EXPORTER", "MANAGER", "SUPPORT", "INVITED_PARTNER", "STAFF", "GUEST")),
			Map.entry("deals.card.person.", List.of("customer", "supplier", "staff")),
			// deals.StageTexts, StageConversation, StageFlow: a stage's status and payment model, the guided form's
			// questions and the names of the fields
			Map.entry("stages.status.", List.of("PROPOSED", "CONFIRMED", "READY", "CHANGES_REQUESTED", "ACCEPTED")),
			Map.entry("stages.model.", List.of("ONE_OFF", "STAGED", "SUBSCRIPTION")),
			Map.entry("stages.ask.", List.of("TITLE", "WORKS", "RESULTS", "DELIVERY", "RESPONSE", "CURRENCY", "AMOUNT", "MODEL",
					"PAYSFOR", "REPORTING", "ACCEPTANCE")),
			Map.entry("stages.label.", List.of("title", "works", "results", "delivery", "response", "currency", "price", "model",
					"paysfor", "reporting", "acceptance")),
			// deals.DealDocumentsRoom, DealRolesRoom: which side is asked to confirm, which side a person is on, the zones
			Map.entry("deals.docs.final.proposed.", List.of("customer", "supplier")),
			Map.entry("deals.roles.line.", List.of("customer", "supplier", "staff")),
			Map.entry("catalog.specialization.", List.of("logistics", "certification", "customs", "marketing", "legal",
					"translation", "inspection", "finance")),
			// LeadGroups, LeadClosing: a product's deal or a service's
			Map.entry("lead.group.context", List.of("", ".product")),
			Map.entry("lead.group.ready", List.of("", ".product")),
			Map.entry("lead.partner.new", List.of("", ".product")),
			Map.entry("lead.closed.importer", List.of("", ".product")),
			Map.entry("lead.closed.partner", List.of("", ".product")),
			// LeadJoinGrace: the importer's time ran out, or an admin released the group
			Map.entry("lead.withdrawn.group", List.of("", ".admin")),
			Map.entry("lead.withdrawn.importer", List.of("", ".admin")),
			Map.entry("lead.withdrawn.partner", List.of("", ".admin")),
			// groups/admin.html with JoinControl's refusal reasons
			Map.entry("admin.groups.reason.", List.of("unknown_link", "link_of_another_group", "revoked_link", "link_of_someone_else")));

	/** A literal that looks like a key: lower-case words joined by dots. */
	private static final Pattern JAVA_LITERAL = Pattern.compile("(\\w+\\(\\s*)?\"([a-z][a-zA-Z0-9_-]*(?:\\.[a-zA-Z0-9_-]+)+)\"");

	/** A literal key prefix completed by concatenation: {@code "lead.group.ready" + suffix}. */
	private static final Pattern JAVA_PREFIX = Pattern.compile("\"([a-z][a-zA-Z0-9_-]*(?:\\.[a-zA-Z0-9_-]*)+)\"\\s*\\+");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][a-zA-Z0-9_.-]+)[}(]");

	/** {@code #{${'admin.groups.reason.' + r.reason()}}} */
	private static final Pattern TEMPLATE_PREFIX = Pattern.compile("'([a-z][a-zA-Z0-9_-]*(?:\\.[a-zA-Z0-9_-]*)+)'\\s*\\+");

	/** Meter names share the dotted shape of keys: {@code Counter.builder("telegram.outbox.429")}. */
	private static final Set<String> METER_CALLS = Set.of("builder(", "counter(", "timer(", "gauge(", "summary(");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	private static final Pattern TAG = Pattern.compile("</?([a-z]+)[^>]*>");

	private static Properties bundle(Path file) throws Exception {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/** Language → bundle, for every bundle file present. */
	private static Map<String, Properties> bundles() throws Exception {
		Map<String, Properties> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path file : files.toList()) {
				Matcher name = BUNDLE.matcher(file.getFileName().toString());
				if (name.matches()) {
					bundles.put(name.group(1) == null ? "en" : name.group(1), bundle(file));
				}
			}
		}
		return bundles;
	}

	private static Set<String> keys(Properties bundle) {
		return new TreeSet<>(bundle.stringPropertyNames());
	}

	@Test
	void everyBundleHasExactlyTheEnglishKeys() throws Exception {
		Map<String, Properties> bundles = bundles();
		assertThat(bundles.keySet()).as("bundles present").containsAll(REQUIRED);
		Set<String> english = keys(bundles.get("en"));
		for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
			Set<String> keys = keys(bundle.getValue());
			assertThat(keys).as("keys missing in messages_" + bundle.getKey()).containsAll(english);
			assertThat(english).as("keys of messages_" + bundle.getKey() + " that English does not have").containsAll(keys);
		}
	}

	@Test
	void everyTranslationKeepsThePlaceholdersAndTagsOfTheEnglish() throws Exception {
		Map<String, Properties> bundles = bundles();
		Properties english = bundles.get("en");
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
			for (String key : keys(english)) {
				String translation = bundle.getValue().getProperty(key);
				if (translation == null) {
					continue;
				}
				String original = english.getProperty(key);
				if (!arguments(original).equals(arguments(translation))) {
					problems.add(bundle.getKey() + " " + key + ": placeholders " + arguments(translation) + ", English has "
							+ arguments(original));
				}
				if (!tags(original).equals(tags(translation))) {
					problems.add(bundle.getKey() + " " + key + ": tags " + tags(translation) + ", English has " + tags(original));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The plural forms each language's counts take (ICU's categories for whole numbers). */
	private static final Map<String, Set<String>> PLURAL_FORMS = Map.of("en", Set.of("one", "other"), "pt", Set.of("one", "other"),
			"hi", Set.of("one", "other"), "ru", Set.of("one", "few", "many", "other"),
			"ar", Set.of("zero", "one", "two", "few", "many", "other"), "zh", Set.of("other"));

	private static final Pattern PLURAL = Pattern.compile("\\{(\\d+)\\s*,\\s*plural\\s*,");

	private static final Pattern SELECTOR = Pattern.compile("(=?[a-z0-9]+)\\s*\\{");

	@Test
	void everyCountHasEveryPluralFormOfItsLanguageAndIsCountedWhereEnglishCountsIt() throws Exception {
		Map<String, Properties> bundles = bundles();
		Properties english = bundles.get("en");
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
			Set<String> forms = PLURAL_FORMS.getOrDefault(bundle.getKey(), Set.of("other"));
			for (String key : keys(bundle.getValue())) {
				String text = bundle.getValue().getProperty(key);
				Map<String, Set<String>> plurals = plurals(text);
				plurals.forEach((argument, selectors) -> {
					if (!selectors.containsAll(forms)) {
						problems.add(bundle.getKey() + " " + key + ": {" + argument + "} counts with " + selectors + ", needs " + forms);
					}
				});
				// where a number changes the words' form beyond one/other, a count English makes must be counted too
				if (forms.size() > 2 && english.getProperty(key) != null
						&& !plurals.keySet().containsAll(plurals(english.getProperty(key)).keySet())) {
					problems.add(bundle.getKey() + " " + key + ": English counts " + plurals(english.getProperty(key)).keySet()
							+ ", this text counts " + plurals.keySet());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** Argument → the selectors of its plural ({@code one}, {@code few}, {@code =0}, …), for each plural in the text. */
	private static Map<String, Set<String>> plurals(String pattern) {
		Map<String, Set<String>> plurals = new TreeMap<>();
		Matcher plural = PLURAL.matcher(pattern);
		while (plural.find()) {
			Set<String> selectors = plurals.computeIfAbsent(plural.group(1), any -> new TreeSet<>());
			int depth = 0;
			int at = plural.end();
			StringBuilder outside = new StringBuilder();
			// the selectors sit at depth 0 of the plural's body; the sub-messages are skipped
			while (at < pattern.length() && depth >= 0) {
				char c = pattern.charAt(at++);
				if (c == '{') {
					if (depth == 0) {
						outside.append('{');
					}
					depth++;
				}
				else if (c == '}') {
					depth--;
				}
				else if (depth == 0) {
					outside.append(c);
				}
			}
			SELECTOR.matcher(outside).results().map(selector -> selector.group(1)).forEach(selectors::add);
		}
		return plurals;
	}

	private static Set<String> arguments(String pattern) {
		Set<String> found = new TreeSet<>();
		Matcher argument = ARGUMENT.matcher(pattern);
		while (argument.find()) {
			found.add(argument.group(1));
		}
		return found;
	}

	/** The tags a text uses (names, each counted), whatever words surround them. */
	private static Map<String, Long> tags(String pattern) {
		return TAG.matcher(pattern).results().map(tag -> tag.group().startsWith("</") ? "/" + tag.group(1) : tag.group(1))
			.collect(Collectors.groupingBy(tag -> tag, TreeMap::new, Collectors.counting()));
	}

	@Test
	void everyKeyUsedInCodeAndTemplatesExists() throws Exception {
		Set<String> english = keys(bundles().get("en"));
		Set<String> namespaces = english.stream().map(key -> key.substring(0, key.indexOf('.'))).collect(Collectors.toSet());
		Set<String> used = new TreeSet<>();
		for (Source source : sources()) {
			if (source.template()) {
				TEMPLATE_KEY.matcher(source.text()).results().forEach(key -> used.add(key.group(1)));
				continue;
			}
			Matcher literal = JAVA_LITERAL.matcher(source.text());
			while (literal.find()) {
				String key = literal.group(2);
				boolean meter = literal.group(1) != null && METER_CALLS.stream().anyMatch(literal.group(1)::endsWith);
				if (!meter && namespaces.contains(key.substring(0, key.indexOf('.'))) && !isPrefix(source.text(), literal.end())) {
					used.add(key);
				}
			}
		}
		FAMILIES.forEach((prefix, values) -> values.forEach(value -> used.add(prefix + value)));
		assertThat(used).as("keys seen in code and templates").hasSizeGreaterThan(400);
		assertThat(english).as("keys used but missing from messages.properties").containsAll(used);
		// what no code or template uses is dead text, or a use this test does not see yet
		Set<String> unused = new TreeSet<>(english);
		unused.removeAll(used);
		assertThat(unused).as("keys of messages.properties that nothing uses").isEmpty();
	}

	@Test
	void everyKeyBuiltByConcatenationBelongsToAListedFamily() throws Exception {
		Set<String> namespaces = keys(bundles().get("en")).stream().map(key -> key.substring(0, key.indexOf('.')))
			.collect(Collectors.toSet());
		Set<String> prefixes = new TreeSet<>();
		for (Source source : sources()) {
			(source.template() ? TEMPLATE_PREFIX : JAVA_PREFIX).matcher(source.text()).results()
				.map(prefix -> prefix.group(1))
				.filter(prefix -> namespaces.contains(prefix.substring(0, prefix.indexOf('.'))))
				.forEach(prefixes::add);
		}
		assertThat(FAMILIES.keySet()).as("keys built by concatenation: list each family in FAMILIES").containsAll(prefixes);
	}

	private static boolean isPrefix(String text, int end) {
		int next = end;
		while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
			next++;
		}
		return next < text.length() && text.charAt(next) == '+';
	}

	private record Source(String text, boolean template) {
	}

	private static List<Source> sources() throws Exception {
		List<Source> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = file.toString();
				if (name.endsWith(".java") || name.endsWith(".html")) {
					sources.add(new Source(Files.readString(file), name.endsWith(".html")));
				}
			}
		}
		return sources;
	}
}
