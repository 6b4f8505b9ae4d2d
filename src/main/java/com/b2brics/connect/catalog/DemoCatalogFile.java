package com.b2brics.connect.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The demo catalog as written in {@code demo/catalog.yml}, read and checked: every storefront a
 * partner, exporter, service or product names exists, every service sits on a storefront its
 * partner serves and in one of its partner's specializations, every product on a storefront its
 * exporter sells on, and no Telegram id is on two teams. A mistake in the file stops the start
 * with its reason.
 */
record DemoCatalogFile(List<DemoStorefront> storefronts, List<DemoPartner> partners, List<DemoPartner> exporters) {

	static final String RESOURCE = "demo/catalog.yml";

	record DemoStorefront(String slug, String country, String defaultLanguage, List<String> languages, String timeZone,
			Map<String, String> names) {
	}

	/** A partner's team member: a simulated Telegram user of the offline demo; {@code language} defaults to en. */
	record DemoMember(long telegramId, String name, String language) {
	}

	/** A service, or a product when {@code specialization} is null. */
	record DemoService(String slug, Specialization specialization, List<String> storefronts, Map<String, String> titles,
			Map<String, String> descriptions) {
	}

	/** A partner with its services, or an exporter (no specializations) with its products. */
	record DemoPartner(String slug, String company, Set<Specialization> specializations, List<String> storefronts,
			List<DemoMember> team, Map<String, String> profiles, List<DemoService> services) {
	}

	static DemoCatalogFile read() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + RESOURCE, ex);
		}
	}

	@SuppressWarnings("unchecked")
	static DemoCatalogFile parse(Map<String, Object> root) {
		List<DemoStorefront> storefronts = new ArrayList<>();
		for (Map<String, Object> s : (List<Map<String, Object>>) root.get("storefronts")) {
			ZoneId.of(text(s, "time-zone"));
			storefronts.add(new DemoStorefront(text(s, "slug"), text(s, "country"), text(s, "default-language"),
					(List<String>) s.get("languages"), text(s, "time-zone"), texts(s, "name")));
		}
		List<String> allSlugs = storefronts.stream().map(DemoStorefront::slug).toList();
		List<DemoPartner> partners = new ArrayList<>();
		for (Map<String, Object> p : (List<Map<String, Object>>) root.get("partners")) {
			partners.add(company(p, allSlugs, false));
		}
		List<DemoPartner> exporters = new ArrayList<>();
		for (Map<String, Object> e : (List<Map<String, Object>>) root.getOrDefault("exporters", List.of())) {
			exporters.add(company(e, allSlugs, true));
		}
		java.util.Set<Long> telegramIds = new java.util.HashSet<>();
		for (DemoPartner company : concat(partners, exporters)) {
			for (DemoMember member : company.team()) {
				if (!telegramIds.add(member.telegramId())) {
					throw new IllegalStateException(RESOURCE + ": telegram-id " + member.telegramId() + " of " + company.slug()
							+ " is on another team too");
				}
			}
		}
		// services and products share one slug space per storefront (one card URL each)
		java.util.Set<String> cards = new java.util.HashSet<>();
		for (DemoPartner company : concat(partners, exporters)) {
			for (DemoService offering : company.services()) {
				for (String storefront : offering.storefronts()) {
					if (!cards.add(storefront + "/" + offering.slug())) {
						throw new IllegalStateException(RESOURCE + ": two offerings named " + offering.slug() + " on " + storefront);
					}
				}
			}
		}
		return new DemoCatalogFile(List.copyOf(storefronts), List.copyOf(partners), List.copyOf(exporters));
	}

	private static List<DemoPartner> concat(List<DemoPartner> a, List<DemoPartner> b) {
		List<DemoPartner> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/** A partner with its services, or an exporter with its products (which have no specialization). */
	@SuppressWarnings("unchecked")
	private static DemoPartner company(Map<String, Object> p, List<String> allSlugs, boolean exporter) {
		String slug = text(p, "slug");
		Set<Specialization> specializations = EnumSet.noneOf(Specialization.class);
		if (!exporter) {
			for (String code : (List<String>) p.get("specializations")) {
				specializations.add(specialization(code, slug));
			}
		}
		List<String> served = storefronts(p.get("storefronts"), allSlugs, slug);
		List<DemoMember> team = new ArrayList<>();
		for (Map<String, Object> m : (List<Map<String, Object>>) p.getOrDefault("team", List.of())) {
			Object language = m.get("language");
			team.add(new DemoMember(((Number) m.get("telegram-id")).longValue(), (String) m.get("name"),
					language == null ? "en" : language.toString().trim()));
		}
		List<DemoService> offerings = new ArrayList<>();
		for (Map<String, Object> s : (List<Map<String, Object>>) p.getOrDefault(exporter ? "products" : "services", List.of())) {
			String offeringSlug = text(s, "slug");
			Specialization specialization = null;
			if (!exporter) {
				specialization = specialization(text(s, "specialization"), offeringSlug);
				if (!specializations.contains(specialization)) {
					throw new IllegalStateException(RESOURCE + ": service " + offeringSlug + " is " + specialization.code()
							+ ", not a specialization of partner " + slug);
				}
			}
			List<String> on = storefronts(s.get("storefronts"), allSlugs, offeringSlug);
			if (!served.containsAll(on)) {
				throw new IllegalStateException(RESOURCE + ": " + (exporter ? "product " : "service ") + offeringSlug
						+ " is on a storefront " + (exporter ? "exporter " : "partner ") + slug + " does not serve");
			}
			offerings.add(new DemoService(offeringSlug, specialization, on, texts(s, "title"), texts(s, "description")));
		}
		return new DemoPartner(slug, text(p, "company"), specializations, served, team, texts(p, "profile"), offerings);
	}

	@SuppressWarnings("unchecked")
	private static List<String> storefronts(Object value, List<String> all, String owner) {
		if ("all".equals(value)) {
			return all;
		}
		List<String> slugs = (List<String>) value;
		for (String slug : slugs) {
			if (!all.contains(slug)) {
				throw new IllegalStateException(RESOURCE + ": " + owner + " names unknown storefront " + slug);
			}
		}
		return slugs;
	}

	private static Specialization specialization(String code, String owner) {
		return Specialization.fromCode(code)
			.orElseThrow(() -> new IllegalStateException(RESOURCE + ": " + owner + " names unknown specialization " + code));
	}

	private static String text(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			throw new IllegalStateException(RESOURCE + ": missing " + key + " in " + map);
		}
		return value.toString().trim();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> texts(Map<String, Object> map, String key) {
		Map<String, String> texts = new LinkedHashMap<>();
		((Map<String, Object>) map.get(key)).forEach((language, text) -> texts.put(language, text.toString().trim()));
		return texts;
	}
}
