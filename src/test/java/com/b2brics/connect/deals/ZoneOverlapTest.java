package com.b2brics.connect.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.catalog.Specialization;

/** Where stated zones of responsibility overlap. */
class ZoneOverlapTest {

	@Test
	void theSameZoneChosenByTwoIsAnOverlap() {
		List<ZoneOverlap.Overlap> overlaps = ZoneOverlap.of(List.of(new ZoneOverlap.Zone(1, List.of("logistics", "customs"), null),
				new ZoneOverlap.Zone(2, List.of("customs"), null), new ZoneOverlap.Zone(3, List.of("legal"), null)));
		assertThat(overlaps).containsExactly(new ZoneOverlap.Overlap(1, 2, List.of("customs"), false));
	}

	@Test
	void ownWordsMuchAlikeAreAnOverlapAndDifferentOnesAreNot() {
		assertThat(ZoneOverlap.similar("Door-to-door delivery and customs clearance", "customs clearance of the cargo")).isTrue();
		assertThat(ZoneOverlap.similar("Доставка груза до склада", "доставка грузов")).isTrue();
		assertThat(ZoneOverlap.similar("payment and acceptance of results", "translation of the manuals")).isFalse();
		assertThat(ZoneOverlap.similar("and of to", "and of to")).isFalse();
		assertThat(ZoneOverlap.of(List.of(new ZoneOverlap.Zone(1, List.of(), "payment and acceptance"),
				new ZoneOverlap.Zone(2, List.of("finance"), "acceptance and payment")))).hasSize(1);
	}

	@Test
	void theZonesAreTheCatalogsSpecializations() {
		assertThat(RoleZones.CODES).containsExactlyElementsOf(
				java.util.Arrays.stream(Specialization.values()).map(Specialization::code).toList());
	}
}
