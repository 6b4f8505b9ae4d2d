package com.b2brics.connect.core;

/**
 * What a visitor asked for does not exist (an unknown storefront, service, partner, …). Any
 * module's controller throws it; the site answers with its localized 404 page.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what, null, false, false);
	}
}
