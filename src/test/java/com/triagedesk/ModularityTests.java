package com.triagedesk;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map of ARCHITECTURE.md holds: no cycles, no reaching into another module's internals.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TriageDeskApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

}
