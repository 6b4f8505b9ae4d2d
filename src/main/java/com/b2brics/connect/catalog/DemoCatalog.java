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
 * {@code b2brics.demo.enabled} is true. A catalog that has any storefront is left alone, and every
 * row is inserted only if absent, so two instances starting at once on an empty database, or a
 * second load, change nothing.
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
		else if (loadExportersIntoCatalogWithout()) {
			log.info("Demo exporters and their products loaded from {}", DemoCatalogFile.RESOURCE);
		}
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
