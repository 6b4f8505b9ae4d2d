package com.b2brics.connect.catalog.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Rendered catalog pages, kept for a few seconds: a page that is the same for every visitor (it
 * depends only on the catalog, the language and the URL; nothing personal, no form token) is
 * rendered by its Thymeleaf view once and then served as text, which costs a fraction of a
 * render. Kept as long as the catalog's own cache ({@link #KEEP_FOR}), so a catalog change shows
 * within the same seconds.
 */
@Component
class RenderedPages {

	static final Duration KEEP_FOR = Duration.ofSeconds(5);
	/** More distinct pages than this (unknown slugs are never kept, so only real pages count): start over. */
	private static final int MAX_PAGES = 10_000;

	record Key(String view, String path, Locale locale) {
	}

	private record Page(String html, String contentType, long until) {
	}

	private final ThymeleafViewResolver views;
	private final Map<Key, Page> pages = new ConcurrentHashMap<>();

	RenderedPages(ThymeleafViewResolver views) {
		this.views = views;
	}

	/** The page from the cache, or rendered now from the model and kept; written to the response. */
	void write(Key key, Map<String, Object> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		long now = System.nanoTime();
		Page page = pages.get(key);
		if (page == null || now - page.until() >= 0) {
			page = render(key, model, request, response, now);
		}
		response.setContentType(page.contentType());
		response.getWriter().write(page.html());
	}

	private Page render(Key key, Map<String, Object> model, HttpServletRequest request, HttpServletResponse response,
			long now) throws Exception {
		View view = views.resolveViewName(key.view(), key.locale());
		if (view == null) {
			throw new IllegalStateException("no view " + key.view());
		}
		StringWriter html = new StringWriter(8192);
		PrintWriter writer = new PrintWriter(html);
		String[] contentType = { view.getContentType() };
		view.render(model, request, new HttpServletResponseWrapper(response) {

			@Override
			public PrintWriter getWriter() {
				return writer;
			}

			@Override
			public ServletOutputStream getOutputStream() {
				throw new IllegalStateException("a Thymeleaf view writes characters");
			}

			@Override
			public void setContentType(String type) {
				contentType[0] = type;
			}
		});
		writer.flush();
		if (pages.size() >= MAX_PAGES) {
			pages.clear();
		}
		Page page = new Page(html.toString(), contentType[0] != null ? contentType[0] : "text/html;charset=UTF-8",
				now + KEEP_FOR.toNanos());
		pages.put(key, page);
		return page;
	}
}
