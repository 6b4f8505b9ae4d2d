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
