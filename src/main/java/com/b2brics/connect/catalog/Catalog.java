package com.b2brics.connect.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask the catalog: storefronts, services and partners by their slugs or
 * ids, the partners of a specialization on a storefront (the invitation candidates), and a
 * partner's Telegram team. Read-only; every answer is a snapshot record.
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class Catalog {

	private final Storefronts storefronts;
	private final Partners partners;
	private final Services services;

	Catalog(Storefronts storefronts, Partners partners, Services services) {
		this.storefronts = storefronts;
		this.partners = partners;
		this.services = services;
	}

	/** All storefronts in display order. */
	public List<Storefront> storefronts() {
		return storefronts.all();
	}

	public Optional<Storefront> storefront(String slug) {
		return storefronts.bySlug(slug);
	}

	/** The service with this slug on this storefront. */
	public Optional<Service> service(String storefrontSlug, String serviceSlug) {
		return services.bySlug(storefrontSlug, serviceSlug);
	}

	public Optional<Service> service(long serviceId) {
		return services.byId(serviceId);
	}

	/** The services of a storefront (none for an unknown one), in display order. */
	public List<Service> services(String storefrontSlug) {
		return services.onStorefront(storefrontSlug);
	}

	/** What a partner offers on one storefront. */
	public List<Service> servicesOf(long partnerId, String storefrontSlug) {
		return services.ofPartner(partnerId, storefrontSlug);
	}

	/** Every partner company, by name. */
	public List<Partner> partners() {
		return partners.all();
	}

	public Optional<Partner> partner(String partnerSlug) {
		return partners.bySlug(partnerSlug);
	}

	public Optional<Partner> partner(long partnerId) {
		return partners.byId(partnerId);
	}

	/** The partner with this slug if it serves this storefront: what its profile page there shows. */
	public Optional<Partner> partner(String storefrontSlug, String partnerSlug) {
		return partners.bySlug(partnerSlug).filter(partner -> partner.serves(storefrontSlug));
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
	 * Every partner team member of the demo catalog file, in file order: the people the offline
	 * demo creates in the embedded sandbox. Read from the file, not the database, so it does not
	 * depend on whether the demo catalog has been loaded yet.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public List<DemoTeamMember> demoTeam() {
		return DemoCatalogFile.read()
			.partners()
			.stream()
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
