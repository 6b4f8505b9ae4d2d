/**
 * The offline demo in the embedded sandbox: when no bot token is configured and
 * {@code b2brics.demo.enabled} is true, the demo catalog's partner and exporter team members become simulated
 * Telegram users who have started the bot, a simulated platform admin exists, and that admin
 * fills the pool of working groups through the normal flow (adds the bot to supergroups). Glue
 * between the catalog, the sandbox's public {@link com.b2brics.connect.sandbox.SandboxWorld},
 * the pool, the platform admins and the support desk with its two agents; nothing of it exists in production.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "sandbox", "groups", "accounts",
		"support", "core" })
package com.b2brics.connect.demo;
