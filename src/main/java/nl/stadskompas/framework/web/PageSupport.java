// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

import nl.stadskompas.framework.FrameworkEditing;
import nl.stadskompas.framework.FrameworkVersion;
import nl.stadskompas.framework.ImportProblem;
import nl.stadskompas.framework.Norm;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.ValidationProblem.FieldProblem;
import nl.stadskompas.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * What the framework pages share: turning versions into views, messages into text, and the
 * module's problems into form errors.
 */
@Component
class PageSupport {

    private final FrameworkEditing editing;
    private final MessageSource messages;

    PageSupport(FrameworkEditing editing, MessageSource messages) {
        this.editing = editing;
        this.messages = messages;
    }

    VersionView view(UUID tenantId, FrameworkVersion version) {
        Locale locale = LocaleContextHolder.getLocale();
        List<VersionView.NormView> norms = version.norms().stream().map(n -> normView(tenantId, n)).toList();
        return new VersionView(version, VersionView.date(version.createdAt(), locale),
                VersionView.date(version.publishedAt(), locale), norms);
    }

    private VersionView.NormView normView(UUID tenantId, Norm n) {
        return new VersionView.NormView(n.code(), n.name(), n.measure(), n.threshold().toPlainString(), n.unit(),
                n.targetPercent(), n.scope(), editing.scopeName(tenantId, n), n.unlinked());
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** A problem of a file as the user reads it. */
    ShownProblem shown(ImportProblem problem) {
        return new ShownProblem(problem.path(), problem.line(), text(problem.code(), problem.args()));
    }

    record ShownProblem(String path, int line, String message) {
    }

    /** Puts problems on the form, after renaming the module's field names to the form's. */
    static void reject(BindingResult result, ValidationProblem problem, UnaryOperator<String> field) {
        FormErrors.reject(result, new ValidationProblem(problem.problems().stream()
                .map(p -> new FieldProblem(field.apply(base(p.field())), p.code(), p.args()))
                .toList()));
    }

    /** {@code needs[2]} is shown at the field {@code needs}. */
    static String base(String field) {
        int bracket = field == null ? -1 : field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }
}
