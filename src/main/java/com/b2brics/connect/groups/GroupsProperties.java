package com.b2brics.connect.groups;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lowWaterMark when fewer free groups than this are left after a lead took one, the
 *        platform admins are alerted (once, until the pool is refilled to this level)
 */
@ConfigurationProperties("b2brics.groups")
public record GroupsProperties(@DefaultValue("3") int lowWaterMark) {
}
