// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries: no module reaches into another's internals, and there are no
 * cycles. Also writes the module documentation (target/spring-modulith-docs).
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Stadskompas.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
