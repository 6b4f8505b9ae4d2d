package com.b2brics.connect.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.sandbox.client.SeenMessage;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * The Referrals part of the partner cabinet, as the partner's people use it: codes with or
 * without a label, their cards with links and copy buttons, deactivation after a confirmation;
 * people of no partner or of another partner change nothing; codes stay unique under load.
 */
class ReferralCabinetEndToEndTests extends ReferralTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	com.b2brics.connect.leads.SiteUrl site;

	private long codesOf(long partner) {
		return jdbc.sql("SELECT COUNT(*) FROM referral_codes WHERE partner_id = :p").param("p", partner).query(Long.class).single();
	}

	@Test
	void aPartnerCreatesALabelledCodeAndGetsItsLinksAndTextsToCopy() {
		long partner = newPartner("Volga Referral Logistics");
		// it serves the Russian storefront (ru, en): its texts to paste are in Russian and English
		jdbc.sql("INSERT INTO catalog_partner_storefronts (partner_id, storefront_id) SELECT :p, id FROM catalog_storefronts WHERE slug = 'russia'")
			.param("p", partner)
			.update();
		SimulatedUser anna = teamMember(partner, "Anna", "en");

		anna.writeToBot("/cabinet");
		anna.sees(anna.botChat(), "partner cabinet");
		anna.press(anna.botChat(), "🔗 Referrals");
		SeenMessage empty = anna.sees(anna.botChat(), "has no referral codes yet");
		assertThat(empty.text()).contains("Volga Referral Logistics");
		assertThat(empty.hasButton("📊 Statistics")).isFalse();

		anna.press(anna.botChat(), "➕ New code");
		anna.sees(anna.botChat(), "Type a label for the new code");
		anna.writeToBot("  Facebook   group ");
		anna.sees(anna.botChat(), "New referral code created");
		SeenMessage card = anna.sees(anna.botChat(), "Referral code");

		String code = jdbc.sql("SELECT code FROM referral_codes WHERE partner_id = :p").param("p", partner).query(String.class).single();
		assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
		assertThat(jdbc.sql("SELECT label FROM referral_codes WHERE code = :c").param("c", code).query(String.class).single())
			.isEqualTo("Facebook group");
		String siteLink = site.root() + "/r/" + code;
		String botLink = sandbox.bot().deepLink("ref_" + code);
		assertThat(card.text()).contains(code).contains("Label: Facebook group").contains(siteLink).contains(botLink)
			.contains("Укажите код " + code + " при обращении, чтобы получить сопровождение партнера Volga Referral Logistics")
			.contains("Mention code " + code);
		assertThat(card.button("📋 Code").get("copy_text").toString()).contains(code);
		assertThat(card.button("📋 Site link").get("copy_text").toString()).contains(siteLink);
		assertThat(card.button("📋 Bot link").get("copy_text").toString()).contains(botLink);
		assertThat(card.button("📋 Text RU").get("copy_text").toString()).contains("Укажите код " + code).contains(siteLink);
		assertThat(card.button("📋 Text EN").get("copy_text").toString()).contains("Mention code " + code);
		assertThat(anna.press(anna.botChat(), "📋 Site link").result()).isEqualTo("text_copied");

		anna.press(anna.botChat(), "« Codes");
		SeenMessage list = anna.sees(anna.botChat(), "Referral codes of");
		assertThat(list.text()).contains(code + " · Facebook group").contains("clicks 0 · requests 0 · registrations 0 · confirmed 0");
		assertThat(list.hasButton(code + " · Facebook group")).isTrue();
		assertThat(list.hasButton("📊 Statistics")).isTrue();
	}

	@Test
	void skipCreatesACodeWithoutLabelAndAnOversizeLabelCreatesNothing() {
		long partner = newPartner("Skip Trading");
		SimulatedUser boris = teamMember(partner, "Борис", "ru");
		boris.writeToBot("/cabinet");
		boris.sees(boris.botChat(), "кабинет партнера");
		boris.press(boris.botChat(), "🔗 Рефералы");
		boris.sees(boris.botChat(), "пока нет реферальных кодов");
		boris.press(boris.botChat(), "➕ Новый код");
		boris.sees(boris.botChat(), "Напишите подпись");

		boris.writeToBot("x".repeat(41));
		boris.sees(boris.botChat(), "от 1 до 40 символов");
		assertThat(codesOf(partner)).isZero();

		boris.press(boris.botChat(), "Пропустить");
		boris.sees(boris.botChat(), "Новый реферальный код создан");
		SeenMessage card = boris.sees(boris.botChat(), "Реферальный код");
		assertThat(card.text()).doesNotContain("Подпись:");
		// a partner serving no storefront yet: the texts to paste in the person's language and English
		assertThat(card.text()).contains("Русский: Укажите код").contains("English: Mention code");
		assertThat(card.hasButton("📋 Текст RU") && card.hasButton("📋 Текст EN")).isTrue();
		assertThat(codesOf(partner)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT label FROM referral_codes WHERE partner_id = :p").param("p", partner).query(String.class).list())
			.containsExactly((String) null);

		// the question is answered: Skip again and a text afterwards create nothing more
		assertThat(boris.press(boris.botChat(), boris.messages(boris.botChat()).stream()
			.filter(m -> m.text() != null && m.text().contains("Напишите подпись")).reduce((a, b) -> b).orElseThrow().id(),
				"Пропустить").text()).contains("вопрос закрыт");
		boris.writeToBot("late label");
		boris.sees(boris.botChat(), "работаю с кнопками");
		assertThat(codesOf(partner)).isEqualTo(1);
	}

	@Test
	void aCodeIsDeactivatedOnlyAfterConfirmationAndOnlyOnce() {
		long partner = newPartner("Off Switch Ltd");
		SimulatedUser anna = teamMember(partner, "Anna", "en");
		String code = newCode(partner, anna.id(), "flyer");
		anna.writeToBot("/cabinet");
		anna.sees(anna.botChat(), "partner cabinet");
		anna.press(anna.botChat(), "🔗 Referrals");
		anna.sees(anna.botChat(), "Referral codes of");
		anna.press(anna.botChat(), code + " · flyer");
		anna.sees(anna.botChat(), "Site link");

		anna.press(anna.botChat(), "⛔ Deactivate");
		anna.sees(anna.botChat(), "Deactivate code");
		assertThat(codes.find(code).orElseThrow().active()).isTrue();
		anna.press(anna.botChat(), "Keep it");
		anna.sees(anna.botChat(), "Site link");
		assertThat(codes.find(code).orElseThrow().active()).isTrue();

		anna.press(anna.botChat(), "Yes, deactivate");
		anna.sees(anna.botChat(), "is deactivated");
		assertThat(codes.find(code).orElseThrow().active()).isFalse();
		assertThat(anna.press(anna.botChat(), "Yes, deactivate").text()).contains("already deactivated");

		anna.press(anna.botChat(), "« Codes");
		assertThat(anna.sees(anna.botChat(), "⛔ deactivated").text()).contains("Referral codes of").contains(code + " · flyer");
	}

	@Test
	void someoneNoLongerOnTheTeamOrNowOnAnotherChangesNothing() {
		long partner = newPartner("Former Team Co");
		long other = newPartner("Other Team Co");
		SimulatedUser anna = teamMember(partner, "Anna", "en");
		String code = newCode(partner, anna.id(), null);
		anna.writeToBot("/cabinet");
		anna.sees(anna.botChat(), "partner cabinet");
		anna.press(anna.botChat(), "🔗 Referrals");
		anna.sees(anna.botChat(), "Referral codes of");
		anna.press(anna.botChat(), code);
		anna.sees(anna.botChat(), "Site link");

		// Anna moves to another partner: the buttons she still has are for her old company's code
		jdbc.sql("UPDATE catalog_partner_members SET partner_id = :other WHERE telegram_user_id = :user")
			.param("other", other).param("user", anna.id()).update();
		assertThat(anna.press(anna.botChat(), "⛔ Deactivate").text()).contains("not one of your company codes");
		assertThat(codes.find(code).orElseThrow().active()).isTrue();

		// and then she leaves partner work altogether
		jdbc.sql("DELETE FROM catalog_partner_members WHERE telegram_user_id = :user").param("user", anna.id()).update();
		assertThat(anna.press(anna.botChat(), "« Codes").text()).contains("for members of a partner company team");
		assertThat(anna.press(anna.botChat(), "➕ New code").text()).contains("for members of a partner company team");
		assertThat(codesOf(partner)).isEqualTo(1);
		assertThat(codesOf(other)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_label_pending WHERE telegram_user_id = :u").param("u", anna.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void fiftyCodesCreatedInParallelAreAllDifferent() throws Exception {
		long partner = newPartner("Parallel Codes Co");
		ExecutorService threads = Executors.newFixedThreadPool(10);
		try {
			CyclicBarrier together = new CyclicBarrier(10);
			List<Future<String>> created = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				int n = i;
				created.add(threads.submit(() -> {
					if (n < 10) {
						together.await(10, TimeUnit.SECONDS);
					}
					return newCode(partner, 1000 + n, "batch " + n);
				}));
			}
			Set<String> distinct = new HashSet<>();
			for (Future<String> one : created) {
				distinct.add(one.get(30, TimeUnit.SECONDS));
			}
			assertThat(distinct).hasSize(50);
			assertThat(codesOf(partner)).isEqualTo(50);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aDrawThatClashesIsDrawnAgainWithoutSpoilingTheTransaction() {
		long partner = newPartner("Clash Co");
		String taken = newCode(partner, 1, null);
		AtomicInteger draws = new AtomicInteger();
		String free = java.util.stream.Stream.generate(ReferralCode::generate).filter(c -> codes.find(c).isEmpty()).findFirst()
			.orElseThrow();
		List<String> script = List.of(taken, taken, free);
		ConcurrentHashMap<String, String> result = new ConcurrentHashMap<>();
		transactions.executeWithoutResult(tx -> {
			result.put("code", codes.create(partner, 1, "scripted", now(), () -> script.get(draws.getAndIncrement())));
			// still usable after the clashes (on PostgreSQL a caught duplicate-key error would have aborted it)
			result.put("another", codes.create(partner, 1, null, now()));
		});
		assertThat(result.get("code")).isEqualTo(script.get(2));
		assertThat(draws.get()).isEqualTo(3);
		assertThat(codesOf(partner)).isEqualTo(3);
	}
}
