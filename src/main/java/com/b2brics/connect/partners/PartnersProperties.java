package com.b2brics.connect.partners;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param joinCodeValidity how long a partner join code an admin issues can be used */
@ConfigurationProperties("b2brics.partners")
public record PartnersProperties(@DefaultValue("7d") Duration joinCodeValidity) {
}
