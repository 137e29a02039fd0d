// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.stadskompas.notifications.Channel;
import nl.stadskompas.notifications.MessageTemplates;
import nl.stadskompas.notifications.MessageTemplates.Rendered;
import nl.stadskompas.notifications.MessageTemplates.Template;
import nl.stadskompas.notifications.TemplateKind;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.platform.text.ReadingLevel;
import nl.stadskompas.platform.text.ReadingLevel.Readability;
import nl.stadskompas.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The texts of messages to residents per kind, channel and language: the list with each text's
 * reading level, and a page to change one with its placeholders and a preview with example values.
 */
@Controller
@RequestMapping("/berichten/sjablonen")
@PreAuthorize("hasAuthority('PERM_ORGANISATION_EDIT')")
class TemplatesController {

    static final List<String> LANGUAGES = List.of("nl", "en");

    private final MessageTemplates templates;
    private final MessageSource messages;

    TemplatesController(MessageTemplates templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping
    String list(TenantContext tenant, Model model) {
        List<Row> rows = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            for (Channel channel : Channel.values()) {
                for (String language : LANGUAGES) {
                    Template template = templates.effective(tenant.tenantId(), kind, channel, language);
                    Rendered preview = MessageTemplates.render(template, templates.examples(kind, language));
                    rows.add(new Row(kind, channel, language, template.custom(), reading(preview.body(), language)));
                }
            }
        }
        model.addAttribute("rows", rows);
        return "notifications/templates";
    }

    @GetMapping("/{kind}/{channel}/{language}")
    String show(TenantContext tenant, @PathVariable String kind, @PathVariable String channel,
            @PathVariable String language, Model model) {
        Key key = key(kind, channel, language);
        Template template = templates.effective(tenant.tenantId(), key.kind(), key.channel(), key.language());
        model.addAttribute("form", new TemplateForm(template.subject() == null ? "" : template.subject(),
                template.body()));
        model.addAttribute("custom", template.custom());
        return page(key, template.subject(), template.body(), model);
    }

    @PostMapping("/{kind}/{channel}/{language}")
    String save(TenantContext tenant, @PathVariable String kind, @PathVariable String channel,
            @PathVariable String language, @RequestParam(name = "action", defaultValue = "save") String action,
            @ModelAttribute("form") TemplateForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Key key = key(kind, channel, language);
        model.addAttribute("custom", templates.custom(tenant.tenantId(), key.kind().kind(), key.channel(),
                key.language()).isPresent());
        try {
            if ("preview".equals(action)) {
                templates.validate(key.kind(), key.channel(), form.subject(), form.body());
                return page(key, form.subject(), form.body(), model);
            }
            templates.save(tenant.tenantId(), tenant.userId(), key.kind(), key.channel(), key.language(),
                    form.subject(), form.body());
        } catch (ValidationProblem problem) {
            FormErrors.reject(result, problem);
            return page(key, null, null, model);
        }
        redirect.addFlashAttribute("message", "notifications-templates.template.saved");
        return "redirect:/berichten/sjablonen/" + key.kind().name() + "/" + key.channel().name() + "/"
                + key.language();
    }

    @PostMapping("/{kind}/{channel}/{language}/standaard")
    String reset(TenantContext tenant, @PathVariable String kind, @PathVariable String channel,
            @PathVariable String language, RedirectAttributes redirect) {
        Key key = key(kind, channel, language);
        templates.reset(tenant.tenantId(), key.kind(), key.channel(), key.language());
        redirect.addFlashAttribute("message", "notifications-templates.template.wasReset");
        return "redirect:/berichten/sjablonen/" + key.kind().name() + "/" + key.channel().name() + "/"
                + key.language();
    }

    /** The edit page; a preview of the given text when it is valid (subject and body not null). */
    private String page(Key key, String subject, String body, Model model) {
        model.addAttribute("kind", key.kind());
        model.addAttribute("channel", key.channel());
        model.addAttribute("language", key.language());
        model.addAttribute("sms", key.channel() == Channel.SMS);
        model.addAttribute("placeholders", key.kind().placeholders().stream()
                .map(p -> new Placeholder("{" + p + "}", text("notifications-templates.placeholder." + p))).toList());
        if (body != null) {
            Rendered preview = MessageTemplates.render(new Template(subject, body, false),
                    templates.examples(key.kind(), key.language()));
            model.addAttribute("previewSubject", preview.subject());
            model.addAttribute("previewParagraphs", Arrays.stream(preview.body().split("\\n\\s*\\n"))
                    .map(p -> List.of(p.split("\\n"))).toList());
            model.addAttribute("reading", reading(preview.body(), key.language()));
        }
        return "notifications/template";
    }

    private ReadingView reading(String text, String language) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Readability r = ReadingLevel.assess(text, "en".equals(language) ? Locale.ENGLISH : Locale.of("nl"));
        List<String> flags = new ArrayList<>();
        for (ReadingLevel.Flag flag : r.flags()) {
            flags.add(switch (flag.kind()) {
                case LONG_SENTENCE -> text("notifications-templates.reading.longSentence", flag.count(), flag.text());
                case LONG_WORD -> text("notifications-templates.reading.longWord", flag.text());
                case OFFICIALESE -> text("notifications-templates.reading.officialese", flag.text(), flag.suggestion());
            });
        }
        return new ReadingView(r.b1(), String.valueOf(Math.round(r.score())), flags);
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private static Key key(String kind, String channel, String language) {
        try {
            if (!LANGUAGES.contains(language)) {
                throw new NotFoundException("template");
            }
            return new Key(TemplateKind.valueOf(kind), Channel.valueOf(channel), language);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("template");
        }
    }

    private record Key(TemplateKind kind, Channel channel, String language) {
    }

    /** One line of the list. */
    record Row(TemplateKind kind, Channel channel, String language, boolean custom, ReadingView reading) {
    }

    /** A placeholder with what it stands for. */
    record Placeholder(String name, String description) {
    }

    /** The reading level of a text residents read, as the page shows it. */
    record ReadingView(boolean b1, String score, List<String> flags) {
    }

    /** The text being written. */
    record TemplateForm(String subject, String body) {
    }
}
