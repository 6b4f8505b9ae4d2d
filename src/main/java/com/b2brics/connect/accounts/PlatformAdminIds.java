package com.b2brics.connect.accounts;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The configured platform admins ({@code B2BRICS_ADMIN_IDS}); read them through {@link PlatformAdmins}. */
@ConfigurationProperties("b2brics")
record PlatformAdminIds(@DefaultValue List<Long> adminTelegramIds) {
}
