/**
 * The catalog: country storefronts, partner companies with their Telegram teams, the services
 * partners offer on a storefront, specializations, and the demo catalog. Other modules read it
 * through {@link com.b2brics.connect.catalog.Catalog} and add a verified person to a partner's
 * team through {@link com.b2brics.connect.catalog.PartnerTeams}; its pages live in {@code catalog.web}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "core")
package com.b2brics.connect.catalog;
