package com.b2brics.connect.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.EndToEndTest;

/**
 * Exporters' product cards, the storefront's Products section and the exporter profile, as a
 * visitor's browser sees them; the Contact button of a product card records the click like a
 * service's; a product is never found under a service's URL nor the other way round.
 */
class ProductPagesEndToEndTests extends EndToEndTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> open(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
			.header("User-Agent", "Mozilla/5.0 Chrome/156.0");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> open(String path) throws Exception {
		return open(path, null);
	}

	@Test
	void productCardShowsTheExporterAndTheContactInTelegramLinkInEnglish() throws Exception {
		HttpResponse<String> page = open("/china/products/mono-solar-panels-550w", "lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"en\"")
			.contains("<title>Monocrystalline solar panels, 550 W from Shenzhen SolarTech | China | B2BRICS</title>")
			.contains("<meta name=\"description\" content=\"Half-cut PERC modules")
			.contains("<h1>Monocrystalline solar panels, 550 W</h1>")
			.contains("<p class=\"tag\">Product</p>")
			.contains("<h2>Exporter</h2>")
			.contains("href=\"/china/exporters/shenzhen-solartech\"")
			.containsPattern("<a class=\"button\" rel=\"nofollow\"\\s+href=\"/china/products/mono-solar-panels-550w/contact\">Contact in Telegram</a>")
			.contains("Opens a deal chat with the exporter in Telegram.")
			.doesNotContain("/services/mono-solar-panels-550w");
	}

	@Test
	void productCardSpeaksRussianOnTheRussianStorefront() throws Exception {
		HttpResponse<String> page = open("/russia/products/milling-wheat-class-4");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"ru\"")
			.contains("<h1>Пшеница продовольственная 4 класса (протеин 12,5%)</h1>")
			.contains("<p class=\"tag\">Товар</p>")
			.contains("<h2>Экспортёр</h2>")
			.contains("Volga Grain Export")
			.contains(">Связаться в Telegram</a>")
			.contains("Откроет чат сделки с экспортёром в Telegram.");
		assertThat(open("/china/products/mono-solar-panels-550w", "lang=ru").body()).contains("<html lang=\"ru\"")
			.contains("<h1>Монокристаллические солнечные панели 550 Вт</h1>");
	}

	@Test
	void storefrontPageHasAProductsSectionApartFromTheServices() throws Exception {
		String body = open("/india").body();
		int products = body.indexOf("<h2>Products from exporters</h2>");
		assertThat(products).isPositive();
		int basmati = body.indexOf("href=\"/india/products/basmati-rice-1121\"");
		assertThat(basmati).as("the product is listed in the Products section, after every specialization").isGreaterThan(products);
		assertThat(body.lastIndexOf("href=\"/india/services/")).isLessThan(products);
		assertThat(body).contains("href=\"/india/exporters/deccan-agro-exports\"")
			.doesNotContain("/india/products/mono-solar-panels-550w");
		assertThat(open("/russia").body()).contains("<h2>Товары экспортёров</h2>")
			.contains("href=\"/russia/products/refined-sunflower-oil\"");
	}

	@Test
	void exporterPageListsItsProductsOnThatStorefront() throws Exception {
		HttpResponse<String> page = open("/egypt/exporters/nile-valley-produce", "lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Nile Valley Produce: exporter on the Egypt storefront | B2BRICS</title>")
			.contains("<h2>Products on this storefront</h2>")
			.contains("href=\"/egypt/products/valencia-oranges\"")
			.contains("href=\"/egypt/products/egyptian-cotton-yarn\"")
			.contains("href=\"/egypt/products/frozen-strawberries\"");
	}

	@Test
	void unknownProductsAndMixedUpKindsAreNotFound() throws Exception {
		HttpResponse<String> unknown = open("/russia/products/no-such-product");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("<h1>Страница не найдена</h1>");
		assertThat(open("/china/products/milling-wheat-class-4").statusCode()).as("a product of another storefront")
			.isEqualTo(404);
		assertThat(open("/russia/products/rail-freight-china-russia").statusCode()).as("a service is not a product")
			.isEqualTo(404);
		assertThat(open("/russia/services/milling-wheat-class-4").statusCode()).as("a product is not a service")
			.isEqualTo(404);
		assertThat(open("/russia/partners/volga-grain-export").statusCode()).as("an exporter is not a partner")
			.isEqualTo(404);
		assertThat(open("/russia/exporters/eurasia-cargo").statusCode()).as("a partner is not an exporter")
			.isEqualTo(404);
		assertThat(open("/china/exporters/volga-grain-export").statusCode()).as("an exporter of another storefront")
			.isEqualTo(404);
		assertThat(open("/atlantis/products/milling-wheat-class-4").statusCode()).isEqualTo(404);

		long clicks = jdbc.sql("SELECT COUNT(*) FROM lead_clicks").query(Long.class).single();
		assertThat(open("/russia/products/no-such-product/contact").statusCode()).isEqualTo(404);
		assertThat(open("/russia/products/rail-freight-china-russia/contact").statusCode()).isEqualTo(404);
		assertThat(open("/russia/services/milling-wheat-class-4/contact").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_clicks").query(Long.class).single()).as("no click recorded")
			.isEqualTo(clicks);
	}

	@Test
	void contactOnAProductRecordsTheClickWithItsVisitorAndReferralCookies() throws Exception {
		long product = jdbc.sql("""
				SELECT s.id FROM catalog_services s JOIN catalog_storefronts f ON f.id = s.storefront_id
				WHERE f.slug = 'brazil' AND s.slug = 'green-coffee-arabica' AND s.kind = 'PRODUCT'""").query(Long.class).single();
		HttpResponse<String> pressed = open("/brazil/products/green-coffee-arabica/contact",
				"b2b_visitor=product-visitor-0001; b2b_ref=AB12cd");
		assertThat(pressed.statusCode()).isEqualTo(302);
		assertThat(pressed.headers().firstValue("Location").orElseThrow()).startsWith("/sandbox/open?url=");
		assertThat(pressed.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("b2b_visitor=product-visitor-0001"));
		var click = jdbc.sql("SELECT service_id, storefront_slug, referral_code FROM lead_clicks WHERE visitor_id = 'product-visitor-0001'")
			.query().singleRow();
		assertThat(((Number) click.get("service_id")).longValue()).isEqualTo(product);
		assertThat(click.get("storefront_slug")).isEqualTo("brazil");
		assertThat(click.get("referral_code")).isEqualTo("AB12cd");

		HttpResponse<String> fresh = open("/brazil/products/green-coffee-arabica/contact", null);
		assertThat(fresh.statusCode()).isEqualTo(302);
		assertThat(fresh.headers().allValues("Set-Cookie")).as("a first visit gets its visitor cookie")
			.anySatisfy(c -> assertThat(c).startsWith("b2b_visitor="));
	}
}
