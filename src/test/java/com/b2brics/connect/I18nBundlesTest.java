package com.b2brics.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text people see exists in English and Russian, and every key the code and templates use exists. */
class I18nBundlesTest {

	private static Properties bundle(String name) throws Exception {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(I18nBundlesTest.class.getResourceAsStream("/i18n/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@Test
	void russianAndEnglishBundlesHaveTheSameKeys() throws Exception {
		Set<Object> english = bundle("messages.properties").keySet();
		Set<Object> russian = bundle("messages_ru.properties").keySet();
		assertThat(russian).as("keys missing in Russian").containsAll(english);
		assertThat(english).as("keys missing in English").containsAll(russian);
	}

	@Test
	void everyKeyUsedInCodeAndTemplatesExists() throws Exception {
		Set<Object> english = bundle("messages.properties").keySet();
		Set<String> used = new HashSet<>();
		Pattern inTemplates = Pattern.compile("#\\{([a-z][a-zA-Z0-9_.-]+)[}(]");
		Pattern inJava = Pattern.compile("\"((?:bot|telegram\\.button|admin|web|lead|leads|groups|catalog|invite|sla|referral|support|deal|escrow|exporters)\\.[a-zA-Z0-9_.-]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = file.toString();
				if (!name.endsWith(".java") && !name.endsWith(".html")) {
					continue;
				}
				String text = Files.readString(file);
				Matcher matcher = (name.endsWith(".html") ? inTemplates : inJava).matcher(text);
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(english).as("keys used but missing from messages.properties").containsAll(used);
	}
}
