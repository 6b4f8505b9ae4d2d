package com.b2brics.connect.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.b2brics.connect.catalog.Specialization;

/**
 * The deal's summary is stored in every language the bot speaks when the invitation is made, and
 * a partner reads the offer with the summary in theirs: a Portuguese reader in Portuguese. An
 * invitation written only in English and Russian (made before) is read in English.
 */
class InvitationSummaryLanguagesTests extends InvitationTestSupport {

	private static final Locale PORTUGUESE = Locale.forLanguageTag("pt");

	@Autowired
	Invitations store;

	@Autowired
	InvitationTexts texts;

	private Deal deal(long chat) {
		return new Deal() {
			public String key() {
				return "test:summary" + chat;
			}

			public long chatId() {
				return chat;
			}

			public String storefrontSlug() {
				return "brazil";
			}

			public boolean mayInvite(long userId) {
				return false;
			}

			public Set<Long> partnerIds() {
				return Set.of();
			}

			public String summary(Locale locale) {
				return messages.getMessage("lead.deal.summary", new Object[] { "Sea freight", "Atlântico Cargo", "Ana" }, locale);
			}
		};
	}

	@Test
	void aPortugueseReaderGetsTheOfferWithThePortugueseSummary() {
		long chat = -1_009_000_000_000L - (System.nanoTime() % 1_000_000_000L);
		Deal deal = deal(chat);
		Instant now = clock.instant();
		Map<String, String> summaries = InvitationEngine.summaries(deal);
		assertThat(summaries).containsOnlyKeys("en", "ru", "pt", "ar", "zh", "hi");

		long id = store.create(deal.key(), chat, "brazil", Specialization.LOGISTICS, "Desembaraço em Santos", summaries,
				MANAGER, now).orElseThrow();
		Invitation invitation = store.byId(id).orElseThrow();
		String portuguese = deal.summary(PORTUGUESE);
		assertThat(portuguese).isEqualTo("Sea freight de Atlântico Cargo, importador Ana");
		assertThat(invitation.summary(PORTUGUESE)).isEqualTo(portuguese);
		assertThat(invitation.summary(Locale.forLanguageTag("zh"))).isEqualTo(deal.summary(Locale.forLanguageTag("zh")));
		Offer offer = new Offer(1, id, 1, Offer.Status.LIVE, now, now.plus(Duration.ofHours(1)), null, null, null);
		assertThat(texts.offer(PORTUGUESE, invitation, offer)).contains("Negócio: " + portuguese)
			.doesNotContain(deal.summary(Locale.ENGLISH));
		assertThat(store.saveClosed(invitation, invitation.cancel(now))).isTrue();

		// made before the summaries were written in every language: English, Russian for a Russian reader
		long old = store.create(deal.key(), chat, "brazil", Specialization.CUSTOMS, "Desembaraço em Santos",
				Map.of("en", deal.summary(Locale.ENGLISH), "ru", deal.summary(InvitationTexts.RUSSIAN)), MANAGER, now)
			.orElseThrow();
		Invitation before = store.byId(old).orElseThrow();
		assertThat(before.summary(PORTUGUESE)).isEqualTo(deal.summary(Locale.ENGLISH));
		assertThat(before.summary(InvitationTexts.RUSSIAN)).isEqualTo(deal.summary(InvitationTexts.RUSSIAN));
		assertThat(store.saveClosed(before, before.cancel(now))).isTrue();
	}
}
