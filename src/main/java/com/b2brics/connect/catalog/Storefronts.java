package com.b2brics.connect.catalog;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The storefronts with their names per language. */
@Repository
class Storefronts {

	private final JdbcClient jdbc;

	Storefronts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(long id, String slug, String countryCode, String defaultLanguage, String languages,
			String timeZone) {
	}

	List<Storefront> all() {
		return assemble(jdbc.sql("SELECT * FROM catalog_storefronts ORDER BY position, slug").query(Storefronts::row).list());
	}

	Optional<Storefront> bySlug(String slug) {
		return assemble(jdbc.sql("SELECT * FROM catalog_storefronts WHERE slug = :slug")
			.param("slug", slug)
			.query(Storefronts::row)
			.list()).stream().findFirst();
	}

	Optional<Long> idOf(String slug) {
		return jdbc.sql("SELECT id FROM catalog_storefronts WHERE slug = :slug").param("slug", slug).query(Long.class).optional();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM catalog_storefronts").query(Long.class).single();
	}

	/** Adds a storefront unless one with this slug exists (so concurrent or repeated loads are harmless); its id. */
	long insertIfAbsent(String slug, String countryCode, String defaultLanguage, List<String> languages, String timeZone,
			int position) {
		jdbc.sql("""
				INSERT INTO catalog_storefronts (slug, country_code, default_language, languages, time_zone, position)
				VALUES (:slug, :country, :language, :languages, :zone, :position) ON CONFLICT DO NOTHING""")
			.param("slug", slug)
			.param("country", countryCode)
			.param("language", defaultLanguage)
			.param("languages", String.join(",", languages))
			.param("zone", timeZone)
			.param("position", position)
			.update();
		return idOf(slug).orElseThrow();
	}

	/** Which storefront has a name in which language: {@code slug/language} each. */
	java.util.Set<String> nameKeys() {
		return java.util.Set.copyOf(jdbc.sql("SELECT s.slug, t.language FROM catalog_storefront_texts t JOIN catalog_storefronts s ON s.id = t.storefront_id")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
			.list());
	}

	/** Adds the name in a language unless the storefront has one in it; true when added. */
	boolean nameIfAbsent(long storefrontId, String language, String name) {
		return jdbc.sql("INSERT INTO catalog_storefront_texts (storefront_id, language, name) VALUES (:id, :language, :name) ON CONFLICT DO NOTHING")
			.param("id", storefrontId)
			.param("language", language)
			.param("name", name)
			.update() > 0;
	}

	private List<Storefront> assemble(List<Row> rows) {
		Map<Long, Map<String, String>> names = names(rows.stream().map(Row::id).toList());
		return rows.stream()
			.map(r -> new Storefront(r.id(), r.slug(), r.countryCode().trim(), r.defaultLanguage(),
					Arrays.stream(r.languages().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
					ZoneId.of(r.timeZone()), names.getOrDefault(r.id(), Map.of())))
			.toList();
	}

	private Map<Long, Map<String, String>> names(Collection<Long> ids) {
		Map<Long, Map<String, String>> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT storefront_id, language, name FROM catalog_storefront_texts WHERE storefront_id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				names.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
			});
		return names;
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("country_code"),
				rs.getString("default_language"), rs.getString("languages"), rs.getString("time_zone"));
	}
}
