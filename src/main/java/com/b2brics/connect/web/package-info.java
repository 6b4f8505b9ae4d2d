/**
 * Cross-cutting web concerns: security, the site's language (cookie, {@code ?lang=}, the
 * storefront's language by default; the languages are the bot's, {@code telegram.UserLanguage}),
 * the shared layout and error pages. Each module keeps its own controllers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "telegram", "core" })
package com.b2brics.connect.web;
