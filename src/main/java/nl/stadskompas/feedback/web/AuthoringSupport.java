// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import nl.stadskompas.feedback.Channels;
import nl.stadskompas.feedback.QuestionType;
import nl.stadskompas.organisation.OrganisationCatalogue;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.platform.text.ReadingLevel;
import nl.stadskompas.platform.text.ReadingLevel.Readability;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * What the authoring pages share: messages, option lists, and the reading-level indication shown
 * next to every text respondents read, computed on the server when the page is shown.
 */
@Component
class AuthoringSupport {

    static final Locale DUTCH = Locale.of("nl");

    private final MessageSource messages;
    private final OrganisationCatalogue catalogue;

    AuthoringSupport(MessageSource messages, OrganisationCatalogue catalogue) {
        this.messages = messages;
        this.catalogue = catalogue;
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /**
     * The reading level of a Dutch or English text, or null when it is empty.
     *
     * @param english whether the text is English
     */
    ReadingView reading(String value, boolean english) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Readability r = ReadingLevel.assess(value, english ? Locale.ENGLISH : DUTCH);
        List<String> flags = new ArrayList<>();
        for (ReadingLevel.Flag flag : r.flags()) {
            flags.add(switch (flag.kind()) {
                case LONG_SENTENCE -> text("feedback.reading.longSentence", flag.count(), flag.text());
                case LONG_WORD -> text("feedback.reading.longWord", flag.text());
                case OFFICIALESE -> text("feedback.reading.officialese", flag.text(), flag.suggestion());
            });
        }
        return new ReadingView(r.b1(), String.valueOf(Math.round(r.score())), flags);
    }

    /** The reading level of a text respondents read, as the page shows it. */
    record ReadingView(boolean b1, String score, List<String> flags) {
    }

    List<Option> types() {
        return java.util.Arrays.stream(QuestionType.values()).map(t -> new Option(t.name(), text(t.messageKey()))).toList();
    }

    List<Option> services(UUID tenantId, boolean withNone) {
        List<Option> options = new ArrayList<>();
        if (withNone) {
            options.add(new Option("", text("feedback.link.none")));
        }
        catalogue.services(tenantId).forEach(s -> options.add(new Option(s.id().toString(), s.name())));
        return options;
    }

    List<Option> municipalities(UUID tenantId) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", text("feedback.link.none")));
        catalogue.municipalities(tenantId).forEach(m -> options.add(new Option(m.id().toString(), m.name())));
        return options;
    }

    List<Option> channels() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", text("feedback.link.none")));
        Channels.CODES.forEach(c -> options.add(new Option(c, text(Channels.messageKey(c)))));
        return options;
    }

    String serviceName(UUID tenantId, UUID serviceId) {
        return serviceId == null ? null : catalogue.service(tenantId, serviceId)
                .map(OrganisationCatalogue.ServiceReference::name).orElse(null);
    }

    /** Puts the module's problems on a form, renaming fields where the form calls them differently. */
    static void reject(BindingResult result, ValidationProblem problem, Map<String, String> renames) {
        UnaryOperator<String> rename = f -> renames.getOrDefault(f, f);
        FormErrors.reject(result, new ValidationProblem(problem.problems().stream()
                .map(p -> new FieldProblem(rename.apply(p.field()), p.code(), p.args())).toList()));
    }
}
