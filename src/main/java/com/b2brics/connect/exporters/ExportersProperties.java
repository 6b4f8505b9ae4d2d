package com.b2brics.connect.exporters;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param managers Telegram user ids of the B2BRICS managers who get exporters' personal groups,
 *        assigned by fair rotation; empty: the invitations' managers, and without those the
 *        platform admins
 */
@ConfigurationProperties("b2brics.exporters")
public record ExportersProperties(@DefaultValue List<Long> managers) {
}
