package com.b2brics.connect.invitations;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.sandbox.client.SimulatedUser;

/**
 * For tests that drive the engine many times over: partners of their own (finance on Egypt,
 * which no demo partner serves), each with one fresh person, so the offers flood nobody else's
 * chat; and a deal of their own in a real working group.
 */
abstract class EngineTestSupport extends InvitationTestSupport {

	static final Specialization SPECIALIZATION = Specialization.FINANCE;
	static final String STOREFRONT = "egypt";

	record TestPartner(long id, SimulatedUser member) {
	}

	List<TestPartner> testPartners(String prefix, int count) {
		long storefront = jdbc.sql("SELECT id FROM catalog_storefronts WHERE slug = :slug").param("slug", STOREFRONT)
			.query(Long.class).single();
		List<TestPartner> partners = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String slug = prefix + "-" + System.nanoTime() + "-" + i;
			jdbc.sql("INSERT INTO catalog_partners (slug, company_name, team_linked) VALUES (:slug, :name, TRUE)")
				.param("slug", slug).param("name", "Test Finance " + prefix + " " + i).update();
			long id = jdbc.sql("SELECT id FROM catalog_partners WHERE slug = :slug").param("slug", slug).query(Long.class).single();
			jdbc.sql("INSERT INTO catalog_partner_specializations (partner_id, specialization) VALUES (:id, :s)")
				.param("id", id).param("s", SPECIALIZATION.name()).update();
			jdbc.sql("INSERT INTO catalog_partner_storefronts (partner_id, storefront_id) VALUES (:id, :f)")
				.param("id", id).param("f", storefront).update();
			SimulatedUser member = sandbox.newUser("Fin" + i, "en");
			member.startBot();
			jdbc.sql("INSERT INTO catalog_partner_members (partner_id, telegram_user_id, name) VALUES (:id, :user, :name)")
				.param("id", id).param("user", member.id()).param("name", member.firstName()).update();
			partners.add(new TestPartner(id, member));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> partners.stream().allMatch(p -> jdbc
			.sql("SELECT COUNT(*) FROM bot_users WHERE telegram_id = :id AND started_at IS NOT NULL")
			.param("id", p.member().id()).query(Long.class).single() == 1));
		return partners;
	}

	void remove(List<TestPartner> partners) {
		for (TestPartner partner : partners) {
			jdbc.sql("DELETE FROM catalog_partners WHERE id = :id").param("id", partner.id()).update();
		}
	}

	/** A deal in that group whose only party is the inviter, on Egypt. */
	static Deal testDeal(long chatId, long inviterId) {
		return testDeal(chatId, inviterId, STOREFRONT);
	}

	/** A deal in that group whose only party is the inviter, on that storefront. */
	static Deal testDeal(long chatId, long inviterId, String storefront) {
		return new Deal() {
			@Override
			public String key() {
				return "test:" + chatId;
			}

			@Override
			public long chatId() {
				return chatId;
			}

			@Override
			public String storefrontSlug() {
				return storefront;
			}

			@Override
			public boolean mayInvite(long userId) {
				return userId == inviterId;
			}

			@Override
			public Set<Long> partnerIds() {
				return Set.of();
			}

			@Override
			public String summary(Locale locale) {
				return "Test deal in group " + chatId;
			}
		};
	}

	Instant deadlineOf(Map<String, Object> offer) {
		Object value = offer.get("deadline");
		return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
	}

	long memberOf(List<TestPartner> partners, long partnerId) {
		return partners.stream().filter(p -> p.id() == partnerId).findFirst().orElseThrow().member().id();
	}
}
