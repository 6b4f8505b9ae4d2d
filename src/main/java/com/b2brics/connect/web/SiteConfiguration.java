package com.b2brics.connect.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import com.b2brics.connect.catalog.Catalog;

/** The site's language: {@code ?lang=ru|en} switches it and the {@code lang} cookie keeps it. */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration implements WebMvcConfigurer {

	/** Named so because the DispatcherServlet looks the resolver up by this name. */
	@Bean
	LocaleResolver localeResolver(Catalog catalog) {
		return new SiteLocaleResolver(catalog);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName(SiteLocaleResolver.COOKIE);
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch)
			.excludePathPatterns("/telegram/**", "/sandbox/**", "/bot*/**", "/file/**", "/actuator/**");
	}
}
