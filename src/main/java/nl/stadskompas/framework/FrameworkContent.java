// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.util.List;

/**
 * Everything a framework version says, without its identity or status: what an export file holds
 * and what an import creates.
 */
public record FrameworkContent(String name, String description, List<CoreValue> coreValues, List<Promise> promises,
        List<Statement> statements, List<ServiceAspect> aspects, List<Norm> norms) {

    public FrameworkContent {
        coreValues = List.copyOf(coreValues);
        promises = List.copyOf(promises);
        statements = List.copyOf(statements);
        aspects = List.copyOf(aspects);
        norms = List.copyOf(norms);
    }
}
