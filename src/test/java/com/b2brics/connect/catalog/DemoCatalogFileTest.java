package com.b2brics.connect.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The demo file reads, and a file that contradicts itself is refused with a reason. */
class DemoCatalogFileTest {

	private static Map<String, Object> file(Object serviceStorefronts, String serviceSpecialization) {
		return Map.of("storefronts", List.of(Map.of("slug", "russia", "country", "RU", "default-language", "ru",
				"languages", List.of("ru", "en"), "time-zone", "Europe/Moscow", "name", Map.of("en", "Russia"))),
				"partners", List.of(Map.of("slug", "p", "company", "P", "specializations", List.of("logistics"),
						"storefronts", "all", "profile", Map.of("en", "x"), "team",
						List.of(Map.of("telegram-id", 6200000001L, "name", "A")), "services",
						List.of(Map.of("slug", "s", "specialization", serviceSpecialization, "storefronts",
								serviceStorefronts, "title", Map.of("en", "t"), "description", Map.of("en", "d"))))));
	}

	@Test
	void demoFileReadsWithEveryServiceTranslated() {
		DemoCatalogFile demo = DemoCatalogFile.read();
		assertThat(demo.storefronts()).hasSize(6);
		assertThat(demo.partners()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(demo.partners()).flatExtracting(DemoCatalogFile.DemoPartner::services)
			.allSatisfy(s -> {
				assertThat(s.titles()).containsKeys("ru", "en");
				assertThat(s.descriptions()).containsKeys("ru", "en");
			});
		assertThat(demo.partners()).flatExtracting(DemoCatalogFile.DemoPartner::team)
			.extracting(DemoCatalogFile.DemoMember::telegramId)
			.doesNotHaveDuplicates();
	}

	@Test
	void demoFileHasEveryTextInEnglishAndRussianAndInEveryLanguageOfEveryStorefrontItIsOn() {
		DemoCatalogFile demo = DemoCatalogFile.read();
		Map<String, List<String>> languagesOf = new java.util.HashMap<>();
		demo.storefronts().forEach(s -> languagesOf.put(s.slug(), s.languages()));
		assertThat(languagesOf).containsEntry("brazil", List.of("pt", "en", "ru")).containsEntry("egypt", List.of("ar", "en", "ru"))
			.containsEntry("china", List.of("zh", "en", "ru")).containsEntry("india", List.of("en", "hi", "ru"));
		assertThat(demo.storefronts()).as("storefront names, read in texts of every language")
			.allSatisfy(s -> assertThat(s.names()).containsOnlyKeys("en", "ru", "pt", "ar", "zh", "hi"));
		for (DemoCatalogFile.DemoPartner company : concat(demo.partners(), demo.exporters())) {
			java.util.Set<String> profileLanguages = new java.util.TreeSet<>(List.of("en", "ru"));
			company.storefronts().forEach(s -> profileLanguages.addAll(languagesOf.get(s)));
			assertThat(company.profiles()).as("profile of %s", company.slug()).containsKeys(profileLanguages.toArray(String[]::new))
				.allSatisfy((language, text) -> assertThat(text).isNotBlank());
			for (DemoCatalogFile.DemoService offering : company.services()) {
				java.util.Set<String> languages = new java.util.TreeSet<>(List.of("en", "ru"));
				offering.storefronts().forEach(s -> languages.addAll(languagesOf.get(s)));
				assertThat(offering.titles()).as("title of %s", offering.slug()).containsKeys(languages.toArray(String[]::new));
				assertThat(offering.descriptions()).as("description of %s", offering.slug())
					.containsKeys(languages.toArray(String[]::new))
					.allSatisfy((language, text) -> assertThat(text).isNotBlank());
			}
		}
	}

	private static List<DemoCatalogFile.DemoPartner> concat(List<DemoCatalogFile.DemoPartner> a,
			List<DemoCatalogFile.DemoPartner> b) {
		List<DemoCatalogFile.DemoPartner> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	@Test
	void demoFileHasSixExportersWithTwentyProductsAndThreePartnersPerSpecializationOnEveryStorefront() {
		DemoCatalogFile demo = DemoCatalogFile.read();
		assertThat(demo.exporters()).hasSizeGreaterThanOrEqualTo(6).allSatisfy(exporter -> {
			assertThat(exporter.specializations()).as("an exporter has no specialization").isEmpty();
			assertThat(exporter.team()).as(exporter.slug()).hasSizeBetween(1, 2)
				.allSatisfy(m -> assertThat(m.telegramId()).isBetween(6_300_000_001L, 6_300_000_099L))
				.allSatisfy(m -> assertThat(m.language()).isIn("ru", "en"));
			assertThat(exporter.profiles()).containsKeys("ru", "en");
		});
		assertThat(demo.exporters()).flatExtracting(DemoCatalogFile.DemoPartner::services).hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy(product -> {
				assertThat(product.specialization()).isNull();
				assertThat(product.titles()).containsKeys("ru", "en");
				assertThat(product.descriptions()).containsKeys("ru", "en");
			});
		assertThat(demo.exporters()).flatExtracting(DemoCatalogFile.DemoPartner::storefronts)
			.as("products on every storefront")
			.containsAll(demo.storefronts().stream().map(DemoCatalogFile.DemoStorefront::slug).toList());
		for (DemoCatalogFile.DemoStorefront storefront : demo.storefronts()) {
			for (Specialization specialization : List.of(Specialization.LOGISTICS, Specialization.CERTIFICATION,
					Specialization.CUSTOMS)) {
				assertThat(demo.partners().stream()
					.filter(p -> p.specializations().contains(specialization) && p.storefronts().contains(storefront.slug())))
					.as("%s partners serving %s", specialization, storefront.slug())
					.hasSizeGreaterThanOrEqualTo(3);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withExporter(Object productStorefronts, long telegramId, String productSlug) {
		Map<String, Object> file = new java.util.HashMap<>(file(List.of("russia"), "logistics"));
		file.put("exporters", List.of(Map.of("slug", "e", "company", "E", "storefronts", List.of("russia"), "profile",
				Map.of("en", "x"), "team", List.of(Map.of("telegram-id", telegramId, "name", "B")), "products",
				List.of(Map.of("slug", productSlug, "storefronts", productStorefronts, "title", Map.of("en", "t"),
						"description", Map.of("en", "d"))))));
		return file;
	}

	@Test
	void productsOfAnExporterAreCheckedLikeServices() {
		DemoCatalogFile ok = DemoCatalogFile.parse(withExporter(List.of("russia"), 6300000001L, "wheat"));
		assertThat(ok.exporters()).singleElement().satisfies(e -> {
			assertThat(e.services()).singleElement().satisfies(p -> assertThat(p.specialization()).isNull());
			assertThat(e.specializations()).isEmpty();
		});
		assertThatThrownBy(() -> DemoCatalogFile.parse(withExporter(List.of("atlantis"), 6300000001L, "wheat")))
			.hasMessageContaining("unknown storefront atlantis");
		assertThatThrownBy(() -> DemoCatalogFile.parse(withExporter(List.of("russia"), 6200000001L, "wheat")))
			.as("a Telegram user on a partner's and an exporter's team")
			.hasMessageContaining("is on another team too");
		assertThatThrownBy(() -> DemoCatalogFile.parse(withExporter(List.of("russia"), 6300000001L, "s")))
			.as("a product named like a service on the same storefront")
			.hasMessageContaining("two offerings named s on russia");
	}

	@Test
	void serviceOnAStorefrontItsPartnerDoesNotServeIsRefused() {
		assertThat(DemoCatalogFile.parse(file(List.of("russia"), "logistics")).partners()).hasSize(1);
		assertThatThrownBy(() -> DemoCatalogFile.parse(file(List.of("atlantis"), "logistics")))
			.hasMessageContaining("unknown storefront atlantis");
		assertThatThrownBy(() -> DemoCatalogFile.parse(file(List.of("russia"), "finance")))
			.hasMessageContaining("not a specialization of partner p");
		assertThatThrownBy(() -> DemoCatalogFile.parse(file(List.of("russia"), "astrology")))
			.hasMessageContaining("unknown specialization astrology");
	}
}
