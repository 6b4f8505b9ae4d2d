package com.b2brics.connect.catalog;

import java.util.ArrayList;
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
			int position = 0;
			for (DemoCatalogFile.DemoStorefront s : file.storefronts()) {
				long id = storefronts.insertIfAbsent(s.slug(), s.country(), s.defaultLanguage(), s.languages(), s.timeZone(),
						position++);
				s.names().forEach((language, name) -> storefronts.nameIfAbsent(id, language, name));
			}
			int servicePosition = 0;
			List<DemoCatalogFile.DemoPartner> companies = new ArrayList<>(file.partners());
			companies.addAll(file.exporters());
			for (DemoCatalogFile.DemoPartner p : companies) {
				boolean exporter = file.exporters().contains(p);
				long partnerId = partners.insertIfAbsent(p.slug(), p.company(), true,
						exporter ? Partner.Kind.EXPORTER : Partner.Kind.PARTNER);
				p.profiles().forEach((language, profile) -> partners.profileIfAbsent(partnerId, language, profile));
				p.specializations().forEach(specialization -> partners.specializationIfAbsent(partnerId, specialization));
				for (String storefront : p.storefronts()) {
					partners.storefrontIfAbsent(partnerId, storefronts.idOf(storefront).orElseThrow());
				}
				p.team().forEach(member -> partners.memberIfAbsent(partnerId, member.telegramId(), member.name()));
				for (DemoCatalogFile.DemoService s : p.services()) {
					servicePosition++;
					for (String storefront : s.storefronts()) {
						long serviceId = services.insertIfAbsent(storefronts.idOf(storefront).orElseThrow(), s.slug(), partnerId,
								s.specialization(), exporter ? Service.Kind.PRODUCT : Service.Kind.SERVICE, servicePosition);
						s.titles().forEach((language, title) -> services.textIfAbsent(serviceId, language, title,
								s.descriptions().getOrDefault(language, "")));
					}
				}
			}
		});
		catalog.changed();
	}
}
