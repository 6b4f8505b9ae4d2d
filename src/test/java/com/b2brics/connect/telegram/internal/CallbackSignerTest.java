package com.b2brics.connect.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.telegram.InlineButton;
import com.b2brics.connect.telegram.TelegramProperties;

class CallbackSignerTest {

	private Instant now = Instant.parse("2026-11-25T10:00:00Z");
	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	private final CallbackSigner signer = new CallbackSigner(properties("secret-one"), null, clock);

	private static TelegramProperties properties(String secret) {
		return new TelegramProperties("", "http://x", "", "", secret, "", Duration.ofSeconds(5),
				new TelegramProperties.Inbox(5, Duration.ofSeconds(1), 4, 500, Duration.ofDays(7), Duration.ofMillis(500),
						Duration.ofMinutes(2)),
				new TelegramProperties.Outbox(25, Duration.ofMillis(1100), 20, Duration.ofSeconds(60), 4, Duration.ofMinutes(2),
						Duration.ofMinutes(5), Duration.ofSeconds(60), 8, Duration.ofMillis(200)),
				org.springframework.util.unit.DataSize.ofMegabytes(1), Duration.ofSeconds(60));
	}

	@Test
	void signedButtonVerifiesWithItsActionAndPayload() {
		String data = signer.sign(InlineButton.callback("Join", "offer-join", "12345"));
		var verdict = signer.verify(data, 42);
		assertThat(verdict.outcome()).isEqualTo(CallbackSigner.Outcome.VALID);
		assertThat(verdict.action()).isEqualTo("offer-join");
		assertThat(verdict.payload()).isEqualTo("12345");
	}

	@Test
	void dataFitsTelegramsSixtyFourBytesEvenWithUserAndExpiry() {
		String data = signer.sign(InlineButton.callback("Join", "invitation-join", "inv:1234567890")
			.forUser(9_000_000_001L)
			.validFor(Duration.ofDays(7)));
		assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
		assertThat(signer.verify(data, 9_000_000_001L).outcome()).isEqualTo(CallbackSigner.Outcome.VALID);
	}

	@Test
	void tamperedPayloadIsForged() {
		String data = signer.sign(InlineButton.callback("Join", "offer-join", "12345"));
		String tampered = data.replace("12345", "12346");
		assertThat(signer.verify(tampered, 42).outcome()).isEqualTo(CallbackSigner.Outcome.FORGED);
		assertThat(signer.verify("offer-join.12345...AAAAAAAAAAA", 42).outcome()).isEqualTo(CallbackSigner.Outcome.FORGED);
		assertThat(signer.verify("garbage", 42).outcome()).isEqualTo(CallbackSigner.Outcome.FORGED);
		assertThat(signer.verify("", 42).outcome()).isEqualTo(CallbackSigner.Outcome.FORGED);
		assertThat(signer.verify(null, 42).outcome()).isEqualTo(CallbackSigner.Outcome.FORGED);
	}

	@Test
	void dataSignedWithAnotherKeyIsForged() {
		CallbackSigner other = new CallbackSigner(properties("secret-two"), null, clock);
		String data = other.sign(InlineButton.callback("Join", "offer-join", "1"));
		assertThat(signer.verify(data, 42).outcome()).isEqualTo(CallbackSigner.Outcome.FORGED);
	}

	@Test
	void buttonOfAnotherUserIsForeign() {
		String data = signer.sign(InlineButton.callback("Join", "offer-join", "1").forUser(100));
		assertThat(signer.verify(data, 100).outcome()).isEqualTo(CallbackSigner.Outcome.VALID);
		assertThat(signer.verify(data, 101).outcome()).isEqualTo(CallbackSigner.Outcome.FOREIGN);
	}

	@Test
	void buttonExpiresWhenTheClockPassesItsValidity() {
		String data = signer.sign(InlineButton.callback("Join", "offer-join", "1").validFor(Duration.ofHours(2)));
		now = now.plus(Duration.ofHours(2));
		assertThat(signer.verify(data, 1).outcome()).isEqualTo(CallbackSigner.Outcome.VALID);
		now = now.plusSeconds(1);
		assertThat(signer.verify(data, 1).outcome()).isEqualTo(CallbackSigner.Outcome.EXPIRED);
	}

	@Test
	void actionsWithSeparatorsAreRefusedAtCreation() {
		assertThatThrownBy(() -> InlineButton.callback("x", "a.b", "1")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> signer.sign(InlineButton.callback("x", "a".repeat(40), "b".repeat(40))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
