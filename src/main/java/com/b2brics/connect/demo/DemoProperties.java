package com.b2brics.connect.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The offline demo ({@code b2brics.demo.*}); used only with the embedded sandbox.
 *
 * @param enabled the demo catalog and, with the embedded sandbox, the demo people and groups
 * @param seedSandbox seed the embedded sandbox at start (people, admin, pool groups); the test
 *        suite switches it off and seeds on purpose where it wants to
 * @param poolGroups how many free working groups the demo admin keeps ready in the pool
 * @param adminTelegramId the demo's platform admin, a simulated user; a platform admin only
 *        while the embedded sandbox runs
 */
@ConfigurationProperties("b2brics.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean seedSandbox,
		@DefaultValue("5") int poolGroups, @DefaultValue("6399000001") long adminTelegramId) {

	DemoProperties {
		if (poolGroups < 0 || poolGroups > 100) {
			throw new IllegalArgumentException("b2brics.demo.pool-groups must be between 0 and 100, not " + poolGroups);
		}
	}
}
