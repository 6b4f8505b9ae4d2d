package com.b2brics.connect.catalog;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty catalog with the demo catalog ({@code demo/catalog.yml}): partners with their
 * services, exporters with their products; at start, when
 * {@code b2brics.demo.enabled} is true. A catalog that has any storefront is left alone but for
 * what a newer file adds (its exporters, its texts in more languages), and every row is inserted
 * only if absent, so two instances starting at once on an empty database, or a second load,
 * change nothing.
 */
@Component
@ConditionalOnBooleanProperty("b2brics.demo.enabled")
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final Storefronts storefronts;
	private final Partners partners;
	private final Services services;
	private final TransactionTemplate transactions;
	private final Catalog catalog;

	DemoCatalog(Storefronts storefronts, Partners partners, Services services, TransactionTemplate transactions,
			Catalog catalog) {
		this.catalog = catalog;
		this.storefronts = storefronts;
		this.partners = partners;
		this.services = services;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (loadIntoEmptyCatalog()) {
			log.info("Demo catalog loaded from {}", DemoCatalogFile.RESOURCE);
		}
		else {
			if (loadExportersIntoCatalogWithout()) {
				log.info("Demo exporters and their products loaded from {}", DemoCatalogFile.RESOURCE);
			}
			int texts = loadTextsMissingFromCatalog();
			if (texts > 0) {
				log.info("{} demo texts in languages the catalog lacked loaded from {}", texts, DemoCatalogFile.RESOURCE);
			}
		}
	}

	/**
	 * Adds the file's texts (storefront names, profiles, titles and descriptions) in languages a
	 * catalog loaded from an older file lacks, e.g. pt, ar, zh and hi after they joined en and ru;
	 * only for storefronts, companies and offerings the catalog has, and never over a text that is
	 * there. The number of texts added.
	 */
	int loadTextsMissingFromCatalog() {
		DemoCatalogFile file = DemoCatalogFile.read();
		Integer added = transactions.execute(status -> {
			// three reads find what is missing; only a missing text costs a write
			java.util.Set<String> names = storefronts.nameKeys();
			java.util.Set<String> profiles = partners.profileKeys();
			java.util.Set<String> texts = services.textKeys();
			int count = 0;
			for (DemoCatalogFile.DemoStorefront s : file.storefronts()) {
				for (var name : s.names().entrySet()) {
					if (!names.contains(s.slug() + "/" + name.getKey())) {
						Long id = storefronts.idOf(s.slug()).orElse(null);
						count += id != null && storefronts.nameIfAbsent(id, name.getKey(), name.getValue()) ? 1 : 0;
					}
				}
			}
			for (DemoCatalogFile.DemoPartner p : concat(file.partners(), file.exporters())) {
				for (var profile : p.profiles().entrySet()) {
					if (!profiles.contains(p.slug() + "/" + profile.getKey())) {
						Long id = partners.idOf(p.slug()).orElse(null);
						count += id != null && partners.profileIfAbsent(id, profile.getKey(), profile.getValue()) ? 1 : 0;
					}
				}
				for (DemoCatalogFile.DemoService s : p.services()) {
					for (String storefront : s.storefronts()) {
						for (var title : s.titles().entrySet()) {
							if (!texts.contains(storefront + "/" + s.slug() + "/" + title.getKey())) {
								Long id = storefronts.idOf(storefront).flatMap(f -> services.idOf(f, s.slug())).orElse(null);
								count += id != null && services.textIfAbsent(id, title.getKey(), title.getValue(),
										s.descriptions().getOrDefault(title.getKey(), "")) ? 1 : 0;
							}
						}
					}
				}
			}
			return count;
		});
		if (added != null && added > 0) {
			catalog.changed();
		}
		return added == null ? 0 : added;
	}

	private static List<DemoCatalogFile.DemoPartner> concat(List<DemoCatalogFile.DemoPartner> a,
			List<DemoCatalogFile.DemoPartner> b) {
		List<DemoCatalogFile.DemoPartner> all = new java.util.ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/**
	 * Adds the file's exporters with their products to a demo catalog loaded before exporters
	 * existed (it has storefronts but no exporter); true when it did. Partners and services are
	 * left as they are.
	 */
	boolean loadExportersIntoCatalogWithout() {
		DemoCatalogFile file = DemoCatalogFile.read();
		Boolean loaded = transactions.execute(status -> {
			if (storefronts.count() == 0 || partners.count(Partner.Kind.EXPORTER) > 0
					|| file.exporters().stream().flatMap(e -> e.storefronts().stream()).anyMatch(s -> storefronts.idOf(s).isEmpty())) {
				return false;
			}
			insertCompanies(file.exporters(), Partner.Kind.EXPORTER, 1_000);
			return true;
		});
		catalog.changed();
		return Boolean.TRUE.equals(loaded);
	}

	/** Loads the demo catalog if the catalog has no storefront; true when it did. */
	boolean loadIntoEmptyCatalog() {
		DemoCatalogFile file = DemoCatalogFile.read();
		Boolean loaded = transactions.execute(status -> {
			if (storefronts.count() > 0) {
				return false;
			}
			insertMissing(file);
			return true;
		});
		catalog.changed();
		return Boolean.TRUE.equals(loaded);
	}

	/** Inserts every row of the file that is not there yet; rows already there are kept as they are. */
	void insertMissing(DemoCatalogFile file) {
		transactions.executeWithoutResult(status -> {
			int storefrontPosition = 0;
			for (DemoCatalogFile.DemoStorefront s : file.storefronts()) {
				long id = storefronts.insertIfAbsent(s.slug(), s.country(), s.defaultLanguage(), s.languages(), s.timeZone(),
						storefrontPosition++);
				s.names().forEach((language, name) -> storefronts.nameIfAbsent(id, language, name));
			}
			int position = insertCompanies(file.partners(), Partner.Kind.PARTNER, 0);
			insertCompanies(file.exporters(), Partner.Kind.EXPORTER, position);
		});
		catalog.changed();
	}

	/** Inserts the partners with their services, or the exporters with their products, if absent; the last display position used. */
	private int insertCompanies(List<DemoCatalogFile.DemoPartner> companies, Partner.Kind kind, int position) {
		boolean exporter = kind == Partner.Kind.EXPORTER;
		for (DemoCatalogFile.DemoPartner p : companies) {
			long partnerId = partners.insertIfAbsent(p.slug(), p.company(), true, kind);
			p.profiles().forEach((language, profile) -> partners.profileIfAbsent(partnerId, language, profile));
			p.specializations().forEach(specialization -> partners.specializationIfAbsent(partnerId, specialization));
			for (String storefront : p.storefronts()) {
				partners.storefrontIfAbsent(partnerId, storefronts.idOf(storefront).orElseThrow());
			}
			p.team().forEach(member -> partners.memberIfAbsent(partnerId, member.telegramId(), member.name()));
			for (DemoCatalogFile.DemoService s : p.services()) {
				position++;
				for (String storefront : s.storefronts()) {
					long serviceId = services.insertIfAbsent(storefronts.idOf(storefront).orElseThrow(), s.slug(), partnerId,
							s.specialization(), exporter ? Service.Kind.PRODUCT : Service.Kind.SERVICE, position);
					s.titles().forEach((language, title) -> services.textIfAbsent(serviceId, language, title,
							s.descriptions().getOrDefault(language, "")));
				}
			}
		}
		return position;
	}
}
