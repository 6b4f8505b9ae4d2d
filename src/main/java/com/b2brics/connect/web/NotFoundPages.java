package com.b2brics.connect.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.b2brics.connect.catalog.Catalog;
import com.b2brics.connect.core.NotFound;

/**
 * The site's 404 page, on the shared layout and in the visitor's language: for anything a
 * controller reports {@link NotFound}, and for unknown addresses asked for by a browser (API
 * clients keep getting problem details). Runs before Boot's problem-details handler.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPages {

	private final Catalog catalog;

	NotFoundPages(Catalog catalog) {
		this.catalog = catalog;
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound() {
		return page();
	}

	@ExceptionHandler(value = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView noSuchAddress() {
		return page();
	}

	private ModelAndView page() {
		ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		page.addObject("storefronts", catalog.storefronts());
		return page;
	}
}
