package com.b2brics.connect.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;

/** The demo catalog keeps its promises, and loading it again changes nothing. */
class DemoCatalogTests extends EndToEndTest {

	static final List<String> STOREFRONTS = List.of("russia", "brazil", "egypt", "india", "china", "south-africa");

	static final List<String> TABLES = List.of("catalog_storefronts", "catalog_storefront_texts", "catalog_partners",
			"catalog_partner_texts", "catalog_partner_specializations", "catalog_partner_storefronts",
			"catalog_partner_members", "catalog_services", "catalog_service_texts");

	@Autowired
	DemoCatalog demo;

	@Autowired
	Catalog catalog;

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

	@Test
	void loadingTheDemoCatalogTwiceChangesNothing() {
		Map<String, Long> before = counts();
		assertThat(before.get("catalog_services")).isPositive();

		assertThat(demo.loadIntoEmptyCatalog()).as("a catalog with storefronts is left alone").isFalse();
		demo.loadIntoEmptyCatalog();
		assertThat(counts()).isEqualTo(before);

		// even forced row by row, every row is already there
		demo.insertMissing(DemoCatalogFile.read());
		demo.insertMissing(DemoCatalogFile.read());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void catalogTextsComeInTheRequestedLanguageElseEnglish() {
		Service ocean = catalog.service("brazil", "ocean-freight-south-atlantic").orElseThrow();
		assertThat(ocean.title(Locale.forLanguageTag("pt-BR"))).isEqualTo("Frete marítimo América do Sul – África");
		assertThat(ocean.title(Locale.forLanguageTag("ru"))).isEqualTo(ocean.titles().get("ru"));
		assertThat(ocean.title(Locale.forLanguageTag("hi"))).as("not offered in India: English")
			.isEqualTo("Ocean freight South America – Africa");
		assertThat(ocean.title(Locale.GERMAN)).isEqualTo("Ocean freight South America – Africa");
		assertThat(catalog.service("china", "rail-freight-china-russia").orElseThrow().title(Locale.forLanguageTag("zh-Hans-CN")))
			.isEqualTo("中俄铁路运输");
		assertThat(catalog.service("india", "letter-of-credit").orElseThrow().title(Locale.forLanguageTag("hi")))
			.isEqualTo("लेटर ऑफ़ क्रेडिट");
		assertThat(catalog.service("egypt", "halal-certification").orElseThrow().description(Locale.forLanguageTag("ar")))
			.startsWith("شهادة حلال");
		assertThat(catalog.partner("customs-bridge").orElseThrow().profile(Locale.forLanguageTag("ar")))
			.startsWith("مخلّص جمركي");
		assertThat(catalog.product("india", "basmati-rice-1121").orElseThrow().title(Locale.forLanguageTag("hi")))
			.startsWith("1121 बासमती");
		assertThat(catalog.storefront("china").orElseThrow().name(Locale.forLanguageTag("zh"))).isEqualTo("中国");
	}

	@Test
	void textsAddedToTheDemoFileLaterReachACatalogLoadedBefore() {
		long serviceId = catalog.service("brazil", "inmetro-certification").orElseThrow().id();
		long partnerId = catalog.partner("clearview-inspection").orElseThrow().id();
		// a catalog loaded when the file had only en and ru
		jdbc.sql("DELETE FROM catalog_service_texts WHERE service_id = :id AND language = 'pt'").param("id", serviceId).update();
		jdbc.sql("DELETE FROM catalog_partner_texts WHERE partner_id = :id AND language = 'zh'").param("id", partnerId).update();
		Map<String, Long> without = counts();

		assertThat(demo.loadTextsMissingFromCatalog()).isEqualTo(2);
		assertThat(demo.loadTextsMissingFromCatalog()).as("the second time nothing is missing").isZero();

		assertThat(counts().get("catalog_service_texts")).isEqualTo(without.get("catalog_service_texts") + 1);
		assertThat(catalog.service("brazil", "inmetro-certification").orElseThrow().title(Locale.forLanguageTag("pt")))
			.isEqualTo("Certificação INMETRO para o Brasil");
		assertThat(catalog.partner("clearview-inspection").orElseThrow().profile(Locale.forLanguageTag("zh")))
			.startsWith("验货员覆盖 40 个工业城市");
	}

	@Test
	void demoCatalogHasTheSixStorefrontsWithTheirZonesAndLanguages() {
		assertThat(catalog.storefronts()).extracting(Storefront::slug).containsExactlyElementsOf(STOREFRONTS);
		Storefront brazil = catalog.storefront("brazil").orElseThrow();
		assertThat(brazil.timeZone().getId()).isEqualTo("America/Sao_Paulo");
		assertThat(brazil.defaultLanguage()).isEqualTo("pt");
		assertThat(brazil.countryCode()).isEqualTo("BR");
		assertThat(catalog.storefront("russia").orElseThrow().defaultLanguage()).isEqualTo("ru");
		assertThat(catalog.storefront("south-africa").orElseThrow().timeZone().getId()).isEqualTo("Africa/Johannesburg");
		assertThat(catalog.storefronts()).allSatisfy(s -> assertThat(s.names()).containsKeys("ru", "en"));
	}

	@Test
	void everyStorefrontHasAtLeastThreePartnersEachOfLogisticsCertificationAndCustoms() {
		for (String storefront : STOREFRONTS) {
			for (Specialization specialization : List.of(Specialization.LOGISTICS, Specialization.CERTIFICATION,
					Specialization.CUSTOMS)) {
				assertThat(catalog.partners(specialization, storefront))
					.as("%s partners on %s", specialization, storefront)
					.hasSizeGreaterThanOrEqualTo(3);
			}
		}
	}

	@Test
	void demoCatalogCoversEverySpecializationWithEnoughPartnersAndServices() {
		long partners = jdbc.sql("SELECT COUNT(*) FROM catalog_partners").query(Long.class).single();
		long services = jdbc.sql("SELECT COUNT(*) FROM catalog_services").query(Long.class).single();
		assertThat(partners).isGreaterThanOrEqualTo(12);
		assertThat(services).isGreaterThanOrEqualTo(36);
		for (Specialization specialization : Specialization.values()) {
			assertThat(STOREFRONTS.stream().mapToInt(s -> catalog.partners(specialization, s).size()).sum())
				.as("partners of %s", specialization)
				.isPositive();
		}
		for (String storefront : STOREFRONTS) {
			assertThat(catalog.services(storefront)).as("services on %s", storefront).hasSizeGreaterThanOrEqualTo(6)
				.allSatisfy(service -> {
					assertThat(service.titles()).containsKeys("ru", "en");
					assertThat(service.descriptions()).containsKeys("ru", "en");
				});
		}
	}

	@Test
	void everyDemoPartnerHasOneOrTwoLinkedTeamMembersWithFixedTelegramIds() {
		List<String> slugs = jdbc.sql("SELECT slug FROM catalog_partners WHERE kind = 'PARTNER' ORDER BY slug").query(String.class).list();
		for (String slug : slugs) {
			Partner partner = catalog.partner(slug).orElseThrow();
			assertThat(partner.teamMemberIds()).as(slug).hasSizeBetween(1, 2)
				.allSatisfy(id -> assertThat(id).isBetween(6_200_000_001L, 6_200_000_099L));
			assertThat(partner.teamLinked()).isTrue();
			assertThat(partner.profiles()).containsKeys("ru", "en");
		}
		assertThat(catalog.partner("eurasia-cargo").orElseThrow().teamMemberIds()).containsExactly(6_200_000_001L,
				6_200_000_002L);
	}

	@Test
	void demoExportersSellTwentyProductsAcrossTheStorefrontsAndAreNeverInvitationCandidates() {
		List<Partner> exporters = catalog.exporters();
		assertThat(exporters).hasSizeGreaterThanOrEqualTo(6).allSatisfy(exporter -> {
			assertThat(exporter.kind()).isEqualTo(Partner.Kind.EXPORTER);
			assertThat(exporter.specializations()).isEmpty();
			assertThat(exporter.teamMemberIds()).hasSizeBetween(1, 2)
				.allSatisfy(id -> assertThat(id).isBetween(6_300_000_001L, 6_300_000_099L));
			assertThat(exporter.teamLinked()).isTrue();
		});
		List<Service> products = STOREFRONTS.stream().flatMap(s -> catalog.products(s).stream()).toList();
		assertThat(products).hasSizeGreaterThanOrEqualTo(20).allSatisfy(product -> {
			assertThat(product.kind()).isEqualTo(Service.Kind.PRODUCT);
			assertThat(product.specialization()).isNull();
			assertThat(exporters).extracting(Partner::id).contains(product.partnerId());
			assertThat(product.titles()).containsKeys("ru", "en");
		});
		for (String storefront : STOREFRONTS) {
			assertThat(catalog.products(storefront)).as("products on %s", storefront).isNotEmpty();
			assertThat(catalog.services(storefront)).as("no product among the services of %s", storefront)
				.allSatisfy(service -> assertThat(service.kind()).isEqualTo(Service.Kind.SERVICE));
			for (Specialization specialization : Specialization.values()) {
				assertThat(catalog.partners(specialization, storefront)).extracting(Partner::kind)
					.doesNotContain(Partner.Kind.EXPORTER);
			}
		}
		assertThat(catalog.partners()).extracting(Partner::kind).containsOnly(Partner.Kind.PARTNER);
		// the offline demo makes every exporter team member a sandbox person too
		assertThat(catalog.demoTeam()).extracting(DemoTeamMember::telegramId)
			.containsAll(exporters.stream().flatMap(e -> e.teamMemberIds().stream()).toList());
	}

	@Test
	void aDemoCatalogLoadedBeforeExportersGetsThemOnceAndKeepsItsPartners() {
		Map<String, Long> before = counts();
		assertThat(demo.loadExportersIntoCatalogWithout()).as("exporters are there already").isFalse();
		assertThat(counts()).isEqualTo(before);
	}
}
