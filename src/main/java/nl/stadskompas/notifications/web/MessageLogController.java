// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.stadskompas.notifications.Channel;
import nl.stadskompas.notifications.MessageLog;
import nl.stadskompas.notifications.MessageLog.Entry;
import nl.stadskompas.notifications.MessageLog.Filter;
import nl.stadskompas.notifications.MessageStatus;
import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.web.FormErrors;
import nl.stadskompas.platform.web.Option;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The message log page: which messages went out, on which channel, and where they are now. Everyone
 * in the tenant may see the log; only those who handle residents' requests see addresses and texts,
 * and each time they do it is logged.
 */
@Controller
@RequestMapping("/berichten")
@PreAuthorize("hasAuthority('PERM_READ')")
class MessageLogController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final MessageLog log;
    private final MessageSource messages;

    MessageLogController(MessageLog log, MessageSource messages) {
        this.log = log;
        this.messages = messages;
    }

    @GetMapping
    String list(TenantContext tenant, @ModelAttribute("form") LogForm form, BindingResult result, Model model) {
        boolean personal = tenant.can(Permission.CASES_HANDLE);
        model.addAttribute("personal", personal);
        model.addAttribute("canEditTemplates", tenant.can(Permission.ORGANISATION_EDIT));
        model.addAttribute("statuses", options(Arrays.stream(MessageStatus.values()).map(s -> new Option(s.name(),
                text(s.messageKey()))).toList()));
        model.addAttribute("channels", options(Arrays.stream(Channel.values()).map(c -> new Option(c.name(),
                text(c.messageKey()))).toList()));
        try {
            Filter filter = new Filter(form.status() == null || form.status().isBlank() ? null
                    : parse(MessageStatus.class, form.status(), "status"),
                    form.channel() == null || form.channel().isBlank() ? null
                            : parse(Channel.class, form.channel(), "channel"),
                    date(form.from(), "from"), date(form.to(), "to"));
            List<Row> rows = log.search(tenant.tenantId(), tenant.userId(), filter, personal, "PAGE").stream()
                    .map(this::row).toList();
            model.addAttribute("rows", rows);
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            model.addAttribute("rows", List.of());
        }
        model.addAttribute("limit", MessageLog.LIMIT);
        return "notifications/log";
    }

    private Row row(Entry e) {
        return new Row(e.createdAt().atZone(ZONE).format(TIME), text("notifications-templates.kind." + e.kind()),
                text(e.channel().messageKey()), text(e.status().messageKey()), e.attempts(), e.recipient(),
                e.subject(), e.text() == null ? null : List.of(e.text().split("\\n")), e.error());
    }

    private List<Option> options(List<Option> values) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", text("notifications-templates.log.any")));
        options.addAll(values);
        return options;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.of(field, "notifications-templates.log.choice.invalid");
        }
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationProblem.of(field, "notifications-templates.log.date.invalid");
        }
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    /** The search on the page (all optional). */
    record LogForm(String status, String channel, String from, String to) {
    }

    /** One message as the page shows it; personal parts are null for readers without need. */
    record Row(String created, String kind, String channel, String status, int attempts, String recipient,
            String subject, List<String> text, String error) {
    }
}
