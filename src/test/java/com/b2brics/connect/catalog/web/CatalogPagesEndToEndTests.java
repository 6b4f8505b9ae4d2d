package com.b2brics.connect.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.b2brics.connect.EndToEndTest;

/**
 * The storefront pages as a visitor's browser sees them, on the running app with the demo
 * catalog: what each page shows and links to, the language switch, and the 404 page.
 */
class CatalogPagesEndToEndTests extends EndToEndTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> open(String path) throws Exception {
		return open(path, null);
	}

	private HttpResponse<String> open(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> languageCookie(HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("lang=")).findFirst();
	}

	@Test
	void homePageListsEveryStorefront() throws Exception {
		HttpResponse<String> page = open("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"en\"")
			.contains("<title>B2BRICS: export marketplace storefronts</title>")
			.contains("<meta name=\"description\" content=\"B2BRICS storefronts for Russia")
			.contains("href=\"/css/site.css\"");
		for (String slug : new String[] { "russia", "brazil", "egypt", "india", "china", "south-africa" }) {
			assertThat(page.body()).contains("href=\"/" + slug + "\"");
		}
	}

	@Test
	void storefrontPageListsItsServicesGroupedBySpecialization() throws Exception {
		// in English (Brazil's own language is Portuguese)
		HttpResponse<String> page = open("/brazil", "lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("<title>Brazil: services for exporters and importers | B2BRICS</title>")
			.contains("Services on the Brazil storefront");
		int logistics = body.indexOf("<h2>Logistics</h2>");
		int certification = body.indexOf("<h2>Certification</h2>");
		int customs = body.indexOf("<h2>Customs</h2>");
		assertThat(logistics).isPositive().isLessThan(certification);
		assertThat(certification).isLessThan(customs);
		int oceanFreight = body.indexOf("href=\"/brazil/services/ocean-freight-south-atlantic\"");
		int inmetro = body.indexOf("href=\"/brazil/services/inmetro-certification\"");
		assertThat(oceanFreight).isBetween(logistics, certification);
		assertThat(inmetro).isBetween(certification, customs);
		assertThat(body).contains("href=\"/brazil/partners/southern-cross-shipping\"")
			.doesNotContain("/brazil/services/rail-freight-china-russia")
			.doesNotContain("<h2>Finance</h2>");
	}

	/**
	 * A card in its storefront's language shows the catalog's text in that language (and the
	 * English text when the site does not speak the language: the page is then English).
	 */
	@Test
	void cardsInTheirStorefrontsLanguageShowTheTitleInThatLanguage() throws Exception {
		String[][] cards = { { "/brazil/services/ocean-freight-south-atlantic", "pt", "Frete marítimo América do Sul – África",
				"Ocean freight South America – Africa" },
				{ "/egypt/services/halal-certification", "ar", "شهادة الحلال", "Halal certification" },
				{ "/china/products/mono-solar-panels-550w", "zh", "单晶硅光伏组件 550 W", "Monocrystalline solar panels, 550 W" },
				{ "/india/services/letter-of-credit", "hi", "लेटर ऑफ़ क्रेडिट", "Letters of credit" } };
		int inTheirLanguage = 0;
		for (String[] card : cards) {
			HttpResponse<String> page = open(card[0] + "?lang=" + card[1]);
			assertThat(page.statusCode()).as(card[0]).isEqualTo(200);
			if (page.body().contains("<html lang=\"" + card[1])) {
				assertThat(page.body()).as(card[0]).contains("<h1>" + card[2] + "</h1>");
				inTheirLanguage++;
			}
			else {
				assertThat(page.body()).as(card[0]).contains("<html lang=\"en\"").contains("<h1>" + card[3] + "</h1>");
			}
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(inTheirLanguage > 0,
				"the site does not speak pt, ar, zh or hi yet (the language switch of issue 15)");
	}

	@Test
	void serviceCardShowsItsPartnerAndTheContactInTelegramLink() throws Exception {
		HttpResponse<String> page = open("/russia/services/rail-freight-china-russia?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Rail freight China – Russia | Russia | B2BRICS</title>")
			.contains("<meta name=\"description\" content=\"Full and groupage rail containers")
			.contains("<h1>Rail freight China – Russia</h1>")
			.contains("href=\"/russia/partners/eurasia-cargo\"")
			.contains("EurAsia Cargo Logistics")
			.containsPattern("<a class=\"button\" rel=\"nofollow\"\\s+href=\"/russia/services/rail-freight-china-russia/contact\">Contact in Telegram</a>")
			.contains("href=\"/russia\"");
	}

	@Test
	void partnerPageShowsItsProfileSpecializationsAndServicesOnThatStorefront() throws Exception {
		HttpResponse<String> page = open("/brazil/partners/globalstandard-testing", "lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("<title>GlobalStandard Testing &amp; Certification: partner on the Brazil storefront | B2BRICS</title>")
			.contains("Independent testing laboratory network")
			.contains("<li class=\"tag\">Certification</li>")
			.contains("<li class=\"tag\">Inspection</li>")
			.contains("href=\"/brazil/services/lab-testing\"")
			.contains("href=\"/brazil/services/inmetro-certification\"")
			.doesNotContain("factory-audit");
	}

	@Test
	void eachStorefrontSpeaksItsOwnLanguageByDefault() throws Exception {
		HttpResponse<String> russia = open("/russia/services/rail-freight-china-russia");
		assertThat(russia.body()).contains("<html lang=\"ru\"")
			.contains("<h1>Железнодорожные перевозки Китай – Россия</h1>")
			.contains(">Связаться в Telegram</a>")
			.contains("<h2>Партнёр</h2>");
		assertThat(languageCookie(russia)).isEmpty();
		assertThat(open("/russia").body()).contains("<html lang=\"ru\"").contains("<h2>Логистика</h2>");
		assertThat(open("/china").body()).contains("<html lang=\"zh\" dir=\"ltr\"");
		assertThat(open("/brazil").body()).contains("<html lang=\"pt\" dir=\"ltr\"");
		assertThat(open("/egypt").body()).as("Arabic reads right to left").contains("<html lang=\"ar\" dir=\"rtl\"");
		assertThat(open("/india").body()).contains("<html lang=\"en\" dir=\"ltr\"").contains("hreflang=\"hi\"");
		assertThat(open("/south-africa/partners/lexport-legal").body()).contains("<html lang=\"en\"");
		// the switch offers all six, each under its own name
		String switcher = open("/egypt").body();
		for (String language : new String[] { "en", "ru", "pt", "ar", "zh", "hi" }) {
			assertThat(switcher).contains("href=\"?lang=" + language + "\"");
		}
		assertThat(switcher).contains("title=\"العربية\"").contains("title=\"中文\"").contains("title=\"हिन्दी\"")
			.contains("title=\"Português\"");
	}

	@Test
	void langParameterSwitchesTheLanguageAndTheCookieKeepsIt() throws Exception {
		HttpResponse<String> switched = open("/brazil?lang=ru");
		assertThat(switched.body()).contains("<html lang=\"ru\"").contains("Услуги на витрине «Бразилия»");
		String cookie = languageCookie(switched).orElseThrow();
		assertThat(cookie).startsWith("lang=ru;").contains("Path=/").containsIgnoringCase("Max-Age=");

		HttpResponse<String> later = open("/india/services/letter-of-credit", "lang=ru");
		assertThat(later.body()).contains("<html lang=\"ru\"").contains("<h1>Аккредитивы</h1>");

		HttpResponse<String> back = open("/russia?lang=en", "lang=ru");
		assertThat(languageCookie(back)).hasValueSatisfying(c -> assertThat(c).startsWith("lang=en;"));
		assertThat(back.body()).contains("<html lang=\"en\"").contains("Services on the Russia storefront");
		assertThat(open("/russia", "lang=en").body()).as("the cookie wins over the storefront's language")
			.contains("<html lang=\"en\"");
	}

	@Test
	void aLanguageTheSiteDoesNotSpeakIsIgnored() throws Exception {
		HttpResponse<String> page = open("/brazil?lang=de");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"pt\"");
		assertThat(languageCookie(page)).isEmpty();
		HttpResponse<String> portuguese = open("/russia?lang=pt-BR");
		assertThat(portuguese.body()).as("a language the site speaks, in any region").contains("<html lang=\"pt\"");
		assertThat(languageCookie(portuguese)).isPresent();
		assertThat(open("/russia", "lang=de").body()).contains("<html lang=\"ru\"");
	}

	@Test
	void unknownStorefrontServiceOrPartnerGetsTheLocalized404Page() throws Exception {
		HttpResponse<String> storefront = open("/atlantis");
		assertThat(storefront.statusCode()).isEqualTo(404);
		assertThat(storefront.body()).contains("<html lang=\"en\"").contains("<title>Page not found</title>")
			.contains("href=\"/css/site.css\"")
			.contains("href=\"/russia\"");

		HttpResponse<String> service = open("/russia/services/no-such-service");
		assertThat(service.statusCode()).isEqualTo(404);
		assertThat(service.body()).contains("<html lang=\"ru\"").contains("<h1>Страница не найдена</h1>");

		HttpResponse<String> partner = open("/brazil/partners/no-such-partner", "lang=ru");
		assertThat(partner.statusCode()).isEqualTo(404);
		assertThat(partner.body()).contains("Страница не найдена");

		assertThat(open("/china/partners/lexport-legal").statusCode()).as("a partner not serving that storefront")
			.isEqualTo(404);
		assertThat(open("/atlantis/services/rail-freight-china-russia").statusCode()).isEqualTo(404);

		HttpResponse<String> unmapped = open("/russia/nothing/here");
		assertThat(unmapped.statusCode()).isEqualTo(404);
		assertThat(unmapped.body()).contains("<h1>Страница не найдена</h1>");
	}

	@Test
	void thePathsTheAppAlreadyServesAreNotTakenForStorefronts() throws Exception {
		assertThat(open("/sandbox").statusCode()).isEqualTo(200);
		assertThat(open("/sandbox").body()).doesNotContain("Page not found");
		assertThat(open("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(open("/admin/telegram").statusCode()).as("admin pages still ask for the login").isEqualTo(401);
		assertThat(open("/css/site.css").statusCode()).isEqualTo(200);
		HttpResponse<String> webhook = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(webhook.statusCode()).as("the webhook still checks its secret").isEqualTo(401);
		HttpResponse<String> botApi = open("/bot000:wrong/getMe");
		assertThat(botApi.body()).as("the sandbox Bot API answers, not the catalog").contains("\"ok\":false");
	}
}
