package com.b2brics.connect.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.telegram.UserLanguage;

/**
 * The site's language: the {@code lang} cookie when it names a language the site speaks (set by
 * {@code ?lang=pt}, any of {@link #LANGUAGES}), else the language of the storefront in the URL when the site speaks it,
 * else English. Languages the site does not speak are ignored, so a stray {@code ?lang=de} or a
 * hand-edited cookie never yields a page half in the fallback bundle under a wrong
 * {@code <html lang>}.
 */
class SiteLocaleResolver extends CookieLocaleResolver {

	static final String COOKIE = "lang";

	/** The languages the site is written in (the bot's); the first is the fallback. */
	static final List<String> LANGUAGES = UserLanguage.SUPPORTED.stream().map(Locale::getLanguage).toList();

	private static final Pattern STOREFRONT_SLUG = Pattern.compile("[a-z][a-z0-9-]{1,63}");

	private static final String DEFAULT_ATTRIBUTE = SiteLocaleResolver.class.getName() + ".default";

	private final Catalog catalog;

	SiteLocaleResolver(Catalog catalog) {
		super(COOKIE);
		this.catalog = catalog;
		setCookieMaxAge(Duration.ofDays(365));
		setCookieSameSite("Lax");
		setCookieHttpOnly(true);
		setDefaultLocaleFunction(this::storefrontLocale);
	}

	static boolean speaks(Locale locale) {
		return locale != null && LANGUAGES.contains(locale.getLanguage());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Locale locale = super.resolveLocale(request);
		return speaks(locale) ? locale : storefrontLocale(request);
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		LocaleContext resolved = super.resolveLocaleContext(request);
		// stays lazy: requests that never ask for the locale (webhook, API) cost nothing
		return new TimeZoneAwareLocaleContext() {

			@Override
			public Locale getLocale() {
				Locale locale = resolved.getLocale();
				return speaks(locale) ? locale : storefrontLocale(request);
			}

			@Override
			public TimeZone getTimeZone() {
				return resolved instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
			}
		};
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
		if (context != null && context.getLocale() != null && !speaks(context.getLocale())) {
			return;
		}
		super.setLocaleContext(request, response, context);
	}

	/** The storefront's language when the site speaks it, else English; looked up once per request. */
	Locale storefrontLocale(HttpServletRequest request) {
		Object known = request.getAttribute(DEFAULT_ATTRIBUTE);
		if (known instanceof Locale locale) {
			return locale;
		}
		Locale locale = Locale.ENGLISH;
		String slug = firstSegment(request);
		if (slug != null && STOREFRONT_SLUG.matcher(slug).matches()) {
			locale = catalog.storefront(slug).map(s -> s.defaultLocale()).filter(SiteLocaleResolver::speaks).orElse(Locale.ENGLISH);
		}
		request.setAttribute(DEFAULT_ATTRIBUTE, locale);
		return locale;
	}

	private static String firstSegment(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failed instanceof String path ? path : request.getRequestURI();
		String path = uri.substring(request.getContextPath().length());
		if (path.length() < 2) {
			return null;
		}
		int end = path.indexOf('/', 1);
		return end < 0 ? path.substring(1) : path.substring(1, end);
	}
}
