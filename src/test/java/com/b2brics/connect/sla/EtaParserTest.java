package com.b2brics.connect.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EtaParserTest {

	private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	private static final Instant NOW = at("2026-12-02T11:20"); // a Wednesday

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
	}

	private static Instant parse(String text) {
		return EtaParser.parse(text, NOW, MOSCOW).orElse(null);
	}

	@Test
	void clockTimesTodayOrTomorrow() {
		assertThat(parse("15:00")).isEqualTo(at("2026-12-02T15:00"));
		assertThat(parse("9:30")).isEqualTo(at("2026-12-03T09:30")); // already past today
		assertThat(parse("tomorrow 10:00")).isEqualTo(at("2026-12-03T10:00"));
		assertThat(parse("Tomorrow at 16.30")).isEqualTo(at("2026-12-03T16:30"));
		assertThat(parse("завтра в 10:00")).isEqualTo(at("2026-12-03T10:00"));
		assertThat(parse("завтра")).isEqualTo(at("2026-12-03T10:00"));
		assertThat(parse("сегодня 17:45")).isEqualTo(at("2026-12-02T17:45"));
	}

	@Test
	void relativeAmounts() {
		assertThat(parse("2h")).isEqualTo(NOW.plusSeconds(7200));
		assertThat(parse("in 3 days")).isEqualTo(NOW.plusSeconds(3 * 86400));
		assertThat(parse("через 2 часа")).isEqualTo(NOW.plusSeconds(7200));
		assertThat(parse("90 min")).isEqualTo(NOW.plusSeconds(5400));
		assertThat(parse("30м")).isEqualTo(NOW.plusSeconds(1800));
		assertThat(parse("через 3 дня")).isEqualTo(NOW.plusSeconds(3 * 86400));
	}

	@Test
	void dates() {
		assertThat(parse("2026-12-07 14:00")).isEqualTo(at("2026-12-07T14:00"));
		assertThat(parse("07.12 14:00")).isEqualTo(at("2026-12-07T14:00"));
		assertThat(parse("07.12.2026 9:00")).isEqualTo(at("2026-12-07T09:00"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "soon", "25:00", "12:75", "0h", "когда-нибудь", "31.02 10:00", "2026-13-01 10:00",
			"tomorrow evening", "a very long text that is certainly not a time at all, no matter how you read it" })
	void nonsenseIsRefused(String text) {
		assertThat(EtaParser.parse(text, NOW, MOSCOW)).isEmpty();
	}
}
