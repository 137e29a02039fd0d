// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import nl.stadskompas.journeys.JourneyMapRenderer;
import nl.stadskompas.journeys.JourneyMaps;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/** What the journey pages share: texts, names by id, and the module's problems on a form. */
@Component
class JourneyPages {

    private final MessageSource messages;
    private final OrganisationCatalogue catalogue;
    private final JourneyMaps maps;

    JourneyPages(MessageSource messages, OrganisationCatalogue catalogue, JourneyMaps maps) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.maps = maps;
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    JourneyMapRenderer.Texts texts() {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        return (key, args) -> messages.getMessage(key, args, key, locale);
    }

    /** The name of a phase as the reader sees it: a standard phase in the page's language. */
    String phaseName(nl.stadskompas.journeys.JourneyContent.Phase phase) {
        return phase.standard() ? text(phase.messageKey()) : phase.name();
    }

    Map<UUID, String> teamNames(UUID tenantId) {
        Map<UUID, String> names = new HashMap<>();
        catalogue.teams(tenantId).forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    Map<UUID, String> personaNames(UUID tenantId) {
        Map<UUID, String> names = new HashMap<>();
        maps.personas(tenantId).forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    static void reject(BindingResult result, ValidationProblem problem) {
        reject(result, problem, f -> f);
    }

    /** Puts problems on the form; {@code steps[2].title} is shown at {@code title}. */
    static void reject(BindingResult result, ValidationProblem problem, UnaryOperator<String> field) {
        FormErrors.reject(result, new ValidationProblem(problem.problems().stream()
                .map(p -> new FieldProblem(p.field() == null ? null : field.apply(base(p.field())), p.code(), p.args()))
                .toList()));
    }

    static String base(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }
}
