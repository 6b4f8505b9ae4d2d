package com.b2brics.connect.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.EndToEndTest;

/** What other modules ask the catalog, answered from the demo catalog. */
class CatalogLookupTests extends EndToEndTest {

	static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	@Autowired
	Catalog catalog;

	@Test
	void serviceIsFoundByStorefrontAndSlugWithItsPartnerAndTexts() {
		Service service = catalog.service("russia", "rail-freight-china-russia").orElseThrow();
		assertThat(service.storefrontSlug()).isEqualTo("russia");
		assertThat(service.partnerSlug()).isEqualTo("eurasia-cargo");
		assertThat(service.partnerName()).isEqualTo("EurAsia Cargo Logistics");
		assertThat(service.specialization()).isEqualTo(Specialization.LOGISTICS);
		assertThat(service.title(Locale.ENGLISH)).isEqualTo("Rail freight China – Russia");
		assertThat(service.title(RUSSIAN)).isEqualTo("Железнодорожные перевозки Китай – Россия");
		assertThat(service.title(Locale.forLanguageTag("pt"))).as("falls back to English").isEqualTo("Rail freight China – Russia");
		assertThat(service.path()).isEqualTo("/russia/services/rail-freight-china-russia");
		assertThat(service.partnerPath()).isEqualTo("/russia/partners/eurasia-cargo");
		assertThat(catalog.service(service.id())).contains(service);
	}

	@Test
	void theSameSlugOnAnotherStorefrontIsAnotherService() {
		Service russia = catalog.service("russia", "rail-freight-china-russia").orElseThrow();
		Service china = catalog.service("china", "rail-freight-china-russia").orElseThrow();
		assertThat(china.id()).isNotEqualTo(russia.id());
		assertThat(catalog.service("brazil", "rail-freight-china-russia")).isEmpty();
	}

	@Test
	void unknownStorefrontServiceOrPartnerIsEmpty() {
		assertThat(catalog.storefront("atlantis")).isEmpty();
		assertThat(catalog.service("atlantis", "rail-freight-china-russia")).isEmpty();
		assertThat(catalog.service("russia", "no-such-service")).isEmpty();
		assertThat(catalog.services("atlantis")).isEmpty();
		assertThat(catalog.partner("no-such-partner")).isEmpty();
		assertThat(catalog.partners(Specialization.LOGISTICS, "atlantis")).isEmpty();
		assertThat(catalog.teamMemberIds(-1)).isEmpty();
	}

	@Test
	void partnerIsFoundOnAStorefrontOnlyWhereItServes() {
		Partner lexport = catalog.partner("russia", "lexport-legal").orElseThrow();
		assertThat(lexport.specializations()).containsExactly(Specialization.LEGAL);
		assertThat(lexport.storefronts()).containsExactly("russia", "brazil", "egypt", "south-africa");
		assertThat(lexport.profile(RUSSIAN)).startsWith("Юридическая фирма");
		assertThat(lexport.profile(Locale.ENGLISH)).startsWith("Law firm");
		assertThat(catalog.partner("china", "lexport-legal")).isEmpty();
		assertThat(catalog.partner(lexport.id())).contains(lexport);
	}

	@Test
	void partnersOfASpecializationOnAStorefrontAreTheInvitationCandidates() {
		assertThat(catalog.partners(Specialization.FINANCE, "india")).extracting(Partner::slug)
			.containsExactly("tradefin-capital");
		assertThat(catalog.partners(Specialization.FINANCE, "brazil")).isEmpty();
		assertThat(catalog.partners(Specialization.CUSTOMS, "russia")).extracting(Partner::slug)
			.containsExactly("borderlink-compliance", "customs-bridge", "eurasia-cargo", "tradegate-customs");
	}

	@Test
	void partnerTeamIsKnownBothWays() {
		Partner tradefin = catalog.partner("tradefin-capital").orElseThrow();
		assertThat(catalog.teamMemberIds(tradefin.id())).containsExactly(6_200_000_021L, 6_200_000_022L);
		assertThat(catalog.partnerOfTeamMember(6_200_000_022L)).map(Partner::slug).contains("tradefin-capital");
		assertThat(catalog.partnerOfTeamMember(42L)).isEmpty();
	}

	@Test
	void servicesOfAPartnerOnAStorefront() {
		Partner globalStandard = catalog.partner("globalstandard-testing").orElseThrow();
		assertThat(catalog.servicesOf(globalStandard.id(), "brazil")).extracting(Service::slug)
			.containsExactly("lab-testing", "inmetro-certification");
		assertThat(catalog.servicesOf(globalStandard.id(), "egypt")).isEmpty();
	}
}
