package com.b2brics.connect;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds (no cycles, no reaching into another module's internals), and its
 * diagrams are written to {@code target/spring-modulith-docs}; the committed copy in
 * {@code docs/modules} is refreshed from there when modules change (see README), so a test run
 * never leaves the working tree changed.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ConnectApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}
}
