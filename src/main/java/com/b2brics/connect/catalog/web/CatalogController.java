package com.b2brics.connect.catalog.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.catalog.Partner;
import com.b2brics.connect.catalog.Service;
import com.b2brics.connect.catalog.Specialization;
import com.b2brics.connect.catalog.Storefront;
import com.b2brics.connect.core.NotFound;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public catalog pages: the storefronts, a storefront's services by specialization and its
 * products, a service or product card with the "Contact in Telegram" button, and a partner's or
 * an exporter's profile. The storefront
 * is the first URL segment; the patterns take lower-case slugs only, so literal paths
 * ({@code /sandbox}, {@code /admin}, {@code /error}, …) and files ({@code /favicon.ico}) keep
 * their own handlers, and an unknown slug is a 404.
 */
@Controller
class CatalogController {

	// "storefrontSlug", not "storefront": path variables reach the view model, and "storefront" is the record the layout reads
	private static final String STOREFRONT = "/{storefrontSlug:[a-z][a-z0-9-]*}";
	private static final String SLUG = "{slug:[a-z0-9][a-z0-9-]*}";

	/** One heading of a storefront page: a specialization and its services there. */
	record SpecializationGroup(Specialization specialization, List<Service> services) {
	}

	private final Catalog catalog;
	private final RenderedPages pages;

	CatalogController(Catalog catalog, RenderedPages pages) {
		this.catalog = catalog;
		this.pages = pages;
	}

	@GetMapping("/")
	String storefronts(Model model) {
		model.addAttribute("storefronts", catalog.storefronts());
		return "catalog/storefronts";
	}

	@GetMapping(STOREFRONT)
	String storefront(@PathVariable String storefrontSlug, Model model) {
		Storefront current = current(storefrontSlug, model);
		model.addAttribute("groups", bySpecialization(catalog.services(current.slug())));
		model.addAttribute("products", catalog.products(current.slug()));
		return "catalog/storefront";
	}

	/**
	 * The service card, the page the Contact button sits on and the one most visited: the same
	 * for every visitor in a language, so it is served from {@link RenderedPages} (rendered at most
	 * once per language in a few seconds).
	 */
	@GetMapping(STOREFRONT + "/services/" + SLUG)
	void service(@PathVariable String storefrontSlug, @PathVariable String slug, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		Storefront current = current(storefrontSlug, model);
		Service service = catalog.service(current.slug(), slug).orElseThrow(() -> new NotFound("service " + slug));
		model.addAttribute("service", service);
		model.addAttribute("partner", catalog.partner(service.partnerId()).orElseThrow());
		pages.write(new RenderedPages.Key("catalog/service", current.slug() + "/" + slug, locale), model.asMap(), request,
				response);
	}

	/** A product card: like a service card, with the exporter instead of the partner. */
	@GetMapping(STOREFRONT + "/products/" + SLUG)
	void product(@PathVariable String storefrontSlug, @PathVariable String slug, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		Storefront current = current(storefrontSlug, model);
		Service product = catalog.product(current.slug(), slug).orElseThrow(() -> new NotFound("product " + slug));
		model.addAttribute("product", product);
		model.addAttribute("exporter", catalog.partner(product.partnerId()).orElseThrow());
		pages.write(new RenderedPages.Key("catalog/product", current.slug() + "/" + slug, locale), model.asMap(), request,
				response);
	}

	@GetMapping(STOREFRONT + "/exporters/" + SLUG)
	String exporter(@PathVariable String storefrontSlug, @PathVariable String slug, Model model) {
		Storefront current = current(storefrontSlug, model);
		Partner exporter = catalog.exporter(current.slug(), slug).orElseThrow(() -> new NotFound("exporter " + slug));
		model.addAttribute("exporter", exporter);
		model.addAttribute("products", catalog.servicesOf(exporter.id(), current.slug()));
		return "catalog/exporter";
	}

	@GetMapping(STOREFRONT + "/partners/" + SLUG)
	String partner(@PathVariable String storefrontSlug, @PathVariable String slug, Model model) {
		Storefront current = current(storefrontSlug, model);
		Partner partner = catalog.partner(current.slug(), slug).orElseThrow(() -> new NotFound("partner " + slug));
		model.addAttribute("partner", partner);
		model.addAttribute("services", catalog.servicesOf(partner.id(), current.slug()));
		return "catalog/partner";
	}

	/** The storefront in the URL, with every storefront for the header; 404 when unknown. */
	private Storefront current(String slug, Model model) {
		List<Storefront> all = catalog.storefronts();
		Storefront current = all.stream()
			.filter(s -> s.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new NotFound("storefront " + slug));
		model.addAttribute("storefronts", all);
		model.addAttribute("storefront", current);
		return current;
	}

	static List<SpecializationGroup> bySpecialization(List<Service> services) {
		Map<Specialization, List<Service>> groups = new EnumMap<>(Specialization.class);
		for (Service service : services) {
			groups.computeIfAbsent(service.specialization(), s -> new ArrayList<>()).add(service);
		}
		return groups.entrySet().stream().map(e -> new SpecializationGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
	}
}
