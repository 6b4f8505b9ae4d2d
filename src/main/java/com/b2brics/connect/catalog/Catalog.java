package com.b2brics.connect.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other modules may ask the catalog: storefronts, services and partners by their slugs or
 * ids, the partners of a specialization on a storefront (the invitation candidates), and a
 * partner's Telegram team. Read-only; every answer is a snapshot record.
 *
 * <p>Exporters and their products are kept as partners and services of another kind
 * ({@link Partner.Kind#EXPORTER}, {@link Service.Kind#PRODUCT}): looked up by id they answer like
 * any partner or service, so the lead flow serves them unchanged; the lookups by slug and the
 * listings name the kind they return, so a partner page never shows an exporter, and an exporter
 * is never an invitation candidate.
 *
 * <p>What the public pages and the Contact button read on every request (the storefronts, a
 * service by slug or id, a partner by id) is cached for {@link #CACHE_FOR}, so a page view costs
 * no database round trip: the catalog changes rarely (the demo loader, which clears the cache),
 * and a change made outside the application shows within those seconds. Misses are not cached:
 * a new service shows at once. The Contact button does not rely on the cache to know that a
 * service still exists (its insert checks it). A partner's team and the lookups by team member
 * are always read fresh.
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class Catalog {

	/** How long a cached answer is used. */
	static final Duration CACHE_FOR = Duration.ofSeconds(5);

	private record Cached(Object value, long until) {
	}

	private record Key(String kind, Object a, Object b) {
	}

	private final Storefronts storefronts;
	private final Partners partners;
	private final Services services;
	private final TransactionTemplate reads;
	private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

	Catalog(Storefronts storefronts, Partners partners, Services services, PlatformTransactionManager transactions) {
		this.storefronts = storefronts;
		this.partners = partners;
		this.services = services;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	/** All storefronts in display order. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Storefront> storefronts() {
		return cached(new Key("storefronts", null, null), () -> Optional.of(storefronts.all())).orElseThrow();
	}

	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Storefront> storefront(String slug) {
		return cached(new Key("storefront", slug, null), () -> storefronts.bySlug(slug));
	}

	/** The service with this slug on this storefront; never a product. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Service> service(String storefrontSlug, String serviceSlug) {
		return cached(new Key("service", storefrontSlug, serviceSlug),
				() -> services.bySlug(storefrontSlug, serviceSlug, Service.Kind.SERVICE));
	}

	/** The product with this slug on this storefront; never a service. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Service> product(String storefrontSlug, String productSlug) {
		return cached(new Key("product", storefrontSlug, productSlug),
				() -> services.bySlug(storefrontSlug, productSlug, Service.Kind.PRODUCT));
	}

	/** A service or a product by its id, whichever it is. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Service> service(long serviceId) {
		return cached(new Key("service-id", serviceId, null), () -> services.byId(serviceId));
	}

	/** Forgets every cached answer: after the catalog changed. */
	void changed() {
		cache.clear();
	}

	/** The cached answer if fresh, else read in a read-only transaction; an empty answer is not kept. */
	@SuppressWarnings("unchecked")
	private <T> Optional<T> cached(Key key, Supplier<Optional<T>> read) {
		long now = System.nanoTime();
		Cached hit = cache.get(key);
		if (hit != null && now - hit.until() < 0) {
			return Optional.of((T) hit.value());
		}
		Optional<T> value = reads.execute(status -> read.get());
		value.ifPresentOrElse(v -> cache.put(key, new Cached(v, now + CACHE_FOR.toNanos())), () -> cache.remove(key));
		return value;
	}

	/** The services of a storefront (none for an unknown one), in display order; no products. */
	public List<Service> services(String storefrontSlug) {
		return services.onStorefront(storefrontSlug, Service.Kind.SERVICE);
	}

	/** The products of a storefront (none for an unknown one), in display order. */
	public List<Service> products(String storefrontSlug) {
		return services.onStorefront(storefrontSlug, Service.Kind.PRODUCT);
	}

	/** What a partner offers on one storefront: its services, or an exporter's products. */
	public List<Service> servicesOf(long partnerId, String storefrontSlug) {
		return services.ofPartner(partnerId, storefrontSlug);
	}

	/** Every partner company, by name; no exporters. */
	public List<Partner> partners() {
		return partners.all(Partner.Kind.PARTNER);
	}

	/** Every exporter, by name. */
	public List<Partner> exporters() {
		return partners.all(Partner.Kind.EXPORTER);
	}

	/** The partner with this slug; never an exporter. */
	public Optional<Partner> partner(String partnerSlug) {
		return partners.bySlug(partnerSlug, Partner.Kind.PARTNER);
	}

	/** A partner or an exporter by its id, whichever it is. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Partner> partner(long partnerId) {
		return cached(new Key("partner", partnerId, null), () -> partners.byId(partnerId));
	}

	/** The partner with this slug if it serves this storefront: what its profile page there shows. */
	public Optional<Partner> partner(String storefrontSlug, String partnerSlug) {
		return partners.bySlug(partnerSlug, Partner.Kind.PARTNER).filter(partner -> partner.serves(storefrontSlug));
	}

	/** The exporter with this slug if it sells on this storefront: what its profile page there shows. */
	public Optional<Partner> exporter(String storefrontSlug, String exporterSlug) {
		return partners.bySlug(exporterSlug, Partner.Kind.EXPORTER).filter(exporter -> exporter.serves(storefrontSlug));
	}

	/**
	 * The partners of a specialization that serve a storefront, ordered by slug: the candidate
	 * pool an invitation ranks. Empty for an unknown storefront.
	 */
	public List<Partner> partners(Specialization specialization, String storefrontSlug) {
		return partners.serving(storefrontSlug, specialization);
	}

	/** Telegram user ids of the partner's team, ascending; empty for an unknown partner. */
	public List<Long> teamMemberIds(long partnerId) {
		return partners.teamMemberIds(partnerId);
	}

	/**
	 * Every partner and exporter team member of the demo catalog file, in file order: the people the offline
	 * demo creates in the embedded sandbox. Read from the file, not the database, so it does not
	 * depend on whether the demo catalog has been loaded yet.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public List<DemoTeamMember> demoTeam() {
		DemoCatalogFile file = DemoCatalogFile.read();
		return java.util.stream.Stream.concat(file.partners().stream(), file.exporters().stream())
			.flatMap(partner -> partner.team()
				.stream()
				.map(member -> new DemoTeamMember(member.telegramId(), member.name(), member.language(), partner.slug())))
			.toList();
	}

	/** The partner company a Telegram user belongs to, if any. */
	public Optional<Partner> partnerOfTeamMember(long telegramUserId) {
		return partners.byTeamMember(telegramUserId);
	}
}
