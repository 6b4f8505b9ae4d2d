package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartnerFiguresTest {

	@Test
	void nearestRankPercentiles() {
		List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(PartnerFigures.percentile(ten, 50)).contains(Duration.ofMillis(5));
		assertThat(PartnerFigures.percentile(ten, 90)).contains(Duration.ofMillis(9));
		assertThat(PartnerFigures.percentile(List.of(42L), 90)).contains(Duration.ofMillis(42));
		assertThat(PartnerFigures.percentile(List.of(), 50)).isEmpty();
	}
}
