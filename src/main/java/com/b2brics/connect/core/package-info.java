/**
 * Shared kernel every module may use: the injected clock, request body limits, group commit, the
 * not-found answer of the site, the one percentile rule of the figures, and the message bundles:
 * {@code Texts} (a text and a date-time in the reader's language) formatted by ICU4J
 * ({@code IcuMessageSource}).
 */
package com.b2brics.connect.core;
