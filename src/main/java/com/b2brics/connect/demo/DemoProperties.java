package com.b2brics.connect.demo;

import java.util.List;

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
 * @param supportAgentIds the demo's two support agents (the first English, the second Russian),
 *        simulated users in the support desk group the demo admin makes; agents only while the
 *        embedded sandbox runs
 */
@ConfigurationProperties("b2brics.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean seedSandbox,
		@DefaultValue("5") int poolGroups, @DefaultValue("6399000001") long adminTelegramId,
		@DefaultValue({ "6399000031", "6399000032" }) List<Long> supportAgentIds) {

	DemoProperties {
		supportAgentIds = List.copyOf(supportAgentIds);
		if (supportAgentIds.size() > 2) {
			throw new IllegalArgumentException("b2brics.demo.support-agent-ids takes at most two ids, not " + supportAgentIds);
		}
		if (poolGroups < 0 || poolGroups > 100) {
			throw new IllegalArgumentException("b2brics.demo.pool-groups must be between 0 and 100, not " + poolGroups);
		}
	}
}
