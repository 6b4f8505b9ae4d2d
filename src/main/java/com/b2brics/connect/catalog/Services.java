package com.b2brics.connect.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The offerings on the storefronts, partners' services and exporters' products (one table, told
 * apart by kind), with their titles and descriptions per language.
 */
@Repository
class Services {

	private static final String SELECT = """
			SELECT s.id, s.slug, s.storefront_id, f.slug AS storefront_slug, s.partner_id, p.slug AS partner_slug,
			       p.company_name, s.specialization, s.kind
			FROM catalog_services s
			JOIN catalog_storefronts f ON f.id = s.storefront_id
			JOIN catalog_partners p ON p.id = s.partner_id
			""";

	private final JdbcClient jdbc;

	Services(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(long id, String slug, long storefrontId, String storefrontSlug, long partnerId,
			String partnerSlug, String partnerName, Specialization specialization, Service.Kind kind) {
	}

	Optional<Service> bySlug(String storefrontSlug, String slug, Service.Kind kind) {
		return assemble(jdbc.sql(SELECT + "WHERE f.slug = :storefront AND s.slug = :slug AND s.kind = :kind")
			.param("storefront", storefrontSlug)
			.param("kind", kind.name())
			.param("slug", slug)
			.query(Services::row)
			.list()).stream().findFirst();
	}

	Optional<Service> byId(long id) {
		return assemble(jdbc.sql(SELECT + "WHERE s.id = :id").param("id", id).query(Services::row).list()).stream()
			.findFirst();
	}

	List<Service> onStorefront(String storefrontSlug, Service.Kind kind) {
		return assemble(jdbc.sql(SELECT + "WHERE f.slug = :storefront AND s.kind = :kind ORDER BY s.position, s.id")
			.param("storefront", storefrontSlug)
			.param("kind", kind.name())
			.query(Services::row)
			.list());
	}

	List<Service> ofPartner(long partnerId, String storefrontSlug) {
		return assemble(jdbc.sql(SELECT + "WHERE s.partner_id = :partner AND f.slug = :storefront ORDER BY s.position, s.id")
			.param("partner", partnerId)
			.param("storefront", storefrontSlug)
			.query(Services::row)
			.list());
	}

	/** Adds a service (with its specialization) or a product (without) unless its storefront has an offering with this slug; its id. */
	long insertIfAbsent(long storefrontId, String slug, long partnerId, Specialization specialization, Service.Kind kind,
			int position) {
		jdbc.sql("""
				INSERT INTO catalog_services (storefront_id, slug, partner_id, specialization, kind, position)
				VALUES (:storefront, :slug, :partner, :specialization, :kind, :position) ON CONFLICT DO NOTHING""")
			.param("storefront", storefrontId)
			.param("slug", slug)
			.param("partner", partnerId)
			.param("specialization", specialization == null ? null : specialization.name(), java.sql.Types.VARCHAR)
			.param("kind", kind.name())
			.param("position", position)
			.update();
		return idOf(storefrontId, slug).orElseThrow();
	}

	/** The id of the offering with this slug on the storefront, if there is one. */
	Optional<Long> idOf(long storefrontId, String slug) {
		return jdbc.sql("SELECT id FROM catalog_services WHERE storefront_id = :storefront AND slug = :slug")
			.param("storefront", storefrontId)
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	/** Which offering has texts in which language: {@code storefront/slug/language} each. */
	java.util.Set<String> textKeys() {
		return java.util.Set.copyOf(jdbc.sql("""
				SELECT f.slug, s.slug, t.language FROM catalog_service_texts t
				JOIN catalog_services s ON s.id = t.service_id JOIN catalog_storefronts f ON f.id = s.storefront_id""")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
			.list());
	}

	/** Adds the title and description in a language unless the offering has them in it; true when added. */
	boolean textIfAbsent(long serviceId, String language, String title, String description) {
		return jdbc.sql("""
				INSERT INTO catalog_service_texts (service_id, language, title, description)
				VALUES (:id, :language, :title, :description) ON CONFLICT DO NOTHING""")
			.param("id", serviceId)
			.param("language", language)
			.param("title", title)
			.param("description", description)
			.update() > 0;
	}

	private List<Service> assemble(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Collection<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, Map<String, String>> titles = new HashMap<>();
		Map<Long, Map<String, String>> descriptions = new HashMap<>();
		jdbc.sql("SELECT service_id, language, title, description FROM catalog_service_texts WHERE service_id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				titles.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
				descriptions.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(4));
			});
		return rows.stream()
			.map(r -> new Service(r.id(), r.slug(), r.storefrontId(), r.storefrontSlug(), r.partnerId(), r.partnerSlug(),
					r.partnerName(), r.specialization(), r.kind(), titles.getOrDefault(r.id(), Map.of()),
					descriptions.getOrDefault(r.id(), Map.of())))
			.toList();
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), rs.getLong("storefront_id"), rs.getString("storefront_slug"),
				rs.getLong("partner_id"), rs.getString("partner_slug"), rs.getString("company_name"),
				rs.getString("specialization") == null ? null : Specialization.valueOf(rs.getString("specialization")),
				Service.Kind.valueOf(rs.getString("kind")));
	}
}
