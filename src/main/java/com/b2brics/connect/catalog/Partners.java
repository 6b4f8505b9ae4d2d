package com.b2brics.connect.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The companies with Telegram teams, partners and exporters, with their profiles, specializations,
 * storefronts and team members.
 */
@Repository
class Partners {

	private final JdbcClient jdbc;

	Partners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(long id, String slug, String companyName, boolean teamLinked, Partner.Kind kind) {
	}

	Optional<Partner> bySlug(String slug, Partner.Kind kind) {
		return first(jdbc.sql("SELECT id, slug, company_name, team_linked, kind FROM catalog_partners WHERE slug = :slug AND kind = :kind")
			.param("slug", slug)
			.param("kind", kind.name())
			.query(Partners::row)
			.list());
	}

	Optional<Partner> byId(long id) {
		return first(jdbc.sql("SELECT id, slug, company_name, team_linked, kind FROM catalog_partners WHERE id = :id")
			.param("id", id)
			.query(Partners::row)
			.list());
	}

	Optional<Partner> byTeamMember(long telegramUserId) {
		return first(jdbc.sql("""
				SELECT p.id, p.slug, p.company_name, p.team_linked, p.kind FROM catalog_partners p
				JOIN catalog_partner_members m ON m.partner_id = p.id WHERE m.telegram_user_id = :user""")
			.param("user", telegramUserId)
			.query(Partners::row)
			.list());
	}

	/** Every company of the kind, by company name. */
	List<Partner> all(Partner.Kind kind) {
		return assemble(jdbc.sql("SELECT id, slug, company_name, team_linked, kind FROM catalog_partners WHERE kind = :kind ORDER BY LOWER(company_name), slug")
			.param("kind", kind.name())
			.query(Partners::row)
			.list());
	}

	/** Partners of a specialization serving a storefront, in a stable order (by slug); never an exporter. */
	List<Partner> serving(String storefrontSlug, Specialization specialization) {
		return assemble(jdbc.sql("""
				SELECT p.id, p.slug, p.company_name, p.team_linked, p.kind FROM catalog_partners p
				JOIN catalog_partner_storefronts ps ON ps.partner_id = p.id
				JOIN catalog_storefronts f ON f.id = ps.storefront_id
				JOIN catalog_partner_specializations sp ON sp.partner_id = p.id
				WHERE f.slug = :storefront AND sp.specialization = :specialization AND p.kind = 'PARTNER'
				ORDER BY p.slug""")
			.param("storefront", storefrontSlug)
			.param("specialization", specialization.name())
			.query(Partners::row)
			.list());
	}

	List<Long> teamMemberIds(long partnerId) {
		return jdbc.sql("SELECT telegram_user_id FROM catalog_partner_members WHERE partner_id = :id ORDER BY telegram_user_id")
			.param("id", partnerId)
			.query(Long.class)
			.list();
	}

	long count(Partner.Kind kind) {
		return jdbc.sql("SELECT COUNT(*) FROM catalog_partners WHERE kind = :kind").param("kind", kind.name()).query(Long.class).single();
	}

	Optional<Long> idOf(String slug) {
		return jdbc.sql("SELECT id FROM catalog_partners WHERE slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	/** Adds a partner or exporter unless a company with this slug exists; its id. */
	long insertIfAbsent(String slug, String companyName, boolean teamLinked, Partner.Kind kind) {
		jdbc.sql("INSERT INTO catalog_partners (slug, company_name, team_linked, kind) VALUES (:slug, :company, :linked, :kind) ON CONFLICT DO NOTHING")
			.param("slug", slug)
			.param("kind", kind.name())
			.param("company", companyName)
			.param("linked", teamLinked)
			.update();
		return idOf(slug).orElseThrow();
	}

	/** Which company has a profile in which language: {@code slug/language} each. */
	Set<String> profileKeys() {
		return Set.copyOf(jdbc.sql("SELECT p.slug, t.language FROM catalog_partner_texts t JOIN catalog_partners p ON p.id = t.partner_id")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
			.list());
	}

	/** Adds the profile in a language unless the partner has one in it; true when added. */
	boolean profileIfAbsent(long partnerId, String language, String profile) {
		return jdbc.sql("INSERT INTO catalog_partner_texts (partner_id, language, profile) VALUES (:id, :language, :profile) ON CONFLICT DO NOTHING")
			.param("id", partnerId)
			.param("language", language)
			.param("profile", profile)
			.update() > 0;
	}

	void specializationIfAbsent(long partnerId, Specialization specialization) {
		jdbc.sql("INSERT INTO catalog_partner_specializations (partner_id, specialization) VALUES (:id, :specialization) ON CONFLICT DO NOTHING")
			.param("id", partnerId)
			.param("specialization", specialization.name())
			.update();
	}

	void storefrontIfAbsent(long partnerId, long storefrontId) {
		jdbc.sql("INSERT INTO catalog_partner_storefronts (partner_id, storefront_id) VALUES (:id, :storefront) ON CONFLICT DO NOTHING")
			.param("id", partnerId)
			.param("storefront", storefrontId)
			.update();
	}

	/** Adds a team member unless that Telegram user already belongs to a partner. */
	void memberIfAbsent(long partnerId, long telegramUserId, String name) {
		jdbc.sql("INSERT INTO catalog_partner_members (partner_id, telegram_user_id, name) VALUES (:id, :user, :name) ON CONFLICT DO NOTHING")
			.param("id", partnerId)
			.param("user", telegramUserId)
			.param("name", name)
			.update();
	}

	/** Adds a team member; false when that Telegram user already belongs to a partner (this one or another). */
	boolean addMember(long partnerId, long telegramUserId, String name) {
		int added = jdbc.sql("INSERT INTO catalog_partner_members (partner_id, telegram_user_id, name) VALUES (:id, :user, :name) ON CONFLICT DO NOTHING")
			.param("id", partnerId)
			.param("user", telegramUserId)
			.param("name", name)
			.update();
		if (added == 1) {
			jdbc.sql("UPDATE catalog_partners SET team_linked = TRUE WHERE id = :id AND team_linked = FALSE").param("id", partnerId).update();
		}
		return added == 1;
	}

	private Optional<Partner> first(List<Row> rows) {
		return assemble(rows).stream().findFirst();
	}

	private List<Partner> assemble(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Collection<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, Map<String, String>> profiles = new HashMap<>();
		jdbc.sql("SELECT partner_id, language, profile FROM catalog_partner_texts WHERE partner_id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				profiles.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
			});
		Map<Long, Set<Specialization>> specializations = new HashMap<>();
		jdbc.sql("SELECT partner_id, specialization FROM catalog_partner_specializations WHERE partner_id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				long partnerId = rs.getLong(1);
				Specialization.fromCode(rs.getString(2)).ifPresent(s -> specializations
					.computeIfAbsent(partnerId, id -> EnumSet.noneOf(Specialization.class)).add(s));
			});
		Map<Long, List<String>> storefronts = new HashMap<>();
		jdbc.sql("""
				SELECT ps.partner_id, f.slug FROM catalog_partner_storefronts ps
				JOIN catalog_storefronts f ON f.id = ps.storefront_id
				WHERE ps.partner_id IN (:ids) ORDER BY f.position, f.slug""")
			.param("ids", ids)
			.query(rs -> {
				storefronts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
			});
		Map<Long, List<Long>> members = new HashMap<>();
		jdbc.sql("SELECT partner_id, telegram_user_id FROM catalog_partner_members WHERE partner_id IN (:ids) ORDER BY telegram_user_id")
			.param("ids", ids)
			.query(rs -> {
				members.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
			});
		return rows.stream()
			.map(r -> new Partner(r.id(), r.slug(), r.companyName(), profiles.getOrDefault(r.id(), Map.of()),
					specializations.getOrDefault(r.id(), Set.of()), storefronts.getOrDefault(r.id(), List.of()),
					members.getOrDefault(r.id(), List.of()), r.teamLinked(), r.kind()))
			.toList();
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("company_name"), rs.getBoolean("team_linked"),
				Partner.Kind.valueOf(rs.getString("kind")));
	}
}
