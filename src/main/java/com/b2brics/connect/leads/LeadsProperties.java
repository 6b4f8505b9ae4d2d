package com.b2brics.connect.leads;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param payloadValidity how long a Contact click's deep link can still be started
 * @param siteUrl the public site root, for links in bot messages
 */
@ConfigurationProperties("b2brics.leads")
public record LeadsProperties(@DefaultValue("7d") Duration payloadValidity,
		@DefaultValue("http://localhost:8080") String siteUrl) {
}
