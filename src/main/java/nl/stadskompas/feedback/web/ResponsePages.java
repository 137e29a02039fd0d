// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.stadskompas.feedback.Answers;
import nl.stadskompas.feedback.ChoiceOption;
import nl.stadskompas.feedback.Question;
import nl.stadskompas.feedback.QuestionType;
import nl.stadskompas.feedback.QuestionnaireLayout;
import nl.stadskompas.feedback.ResponseContext;
import nl.stadskompas.feedback.Texts;
import nl.stadskompas.feedback.web.RespondView.ErrorView;
import nl.stadskompas.feedback.web.RespondView.Field;
import nl.stadskompas.feedback.web.RespondView.OptionView;
import nl.stadskompas.feedback.web.RespondView.QuestionView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Builds response pages and reads their forms, for residents and for an author's preview alike.
 * A page carries the answers of the other pages as hidden fields, so that moving back and forth
 * needs no session, no cookie and no JavaScript.
 */
@Component
class ResponsePages {

    static final String ANSWER_PREFIX = "q.";
    static final String HONEYPOT = "website";

    private final MessageSource messages;

    ResponsePages(MessageSource messages) {
        this.messages = messages;
    }

    /** The answers in a posted form: every field named {@code q.<key>}. */
    static Map<String, List<String>> rawAnswers(MultiValueMap<String, String> form) {
        Map<String, List<String>> raw = new java.util.LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(ANSWER_PREFIX)) {
                raw.put(name.substring(ANSWER_PREFIX.length()), values);
            }
        });
        return raw;
    }

    static String one(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    RespondView view(String action, String organisation, String title, String intro, QuestionnaireLayout layout,
            int page, Answers answers, ResponseContext context, String token, String resume,
            Map<String, String> errors, Locale locale, boolean preview) {
        List<Integer> shownPages = layout.shownPages(answers);
        int step = shownPages.indexOf(page) + 1;
        List<Question> onPage = layout.shownOn(page, answers);
        Set<String> here = new HashSet<>();
        onPage.forEach(q -> here.add(q.key()));
        List<Field> hidden = new ArrayList<>();
        for (String key : answers.keys()) {
            if (!here.contains(key)) {
                answers.values(key).forEach(v -> hidden.add(new Field(ANSWER_PREFIX + key, v)));
            }
        }
        if (context.serviceId() != null) {
            hidden.add(new Field("ctx.service", context.serviceId().toString()));
        }
        if (context.channel() != null) {
            hidden.add(new Field("ctx.channel", context.channel()));
        }
        if (context.municipalityId() != null) {
            hidden.add(new Field("ctx.municipality", context.municipalityId().toString()));
        }
        if (context.location() != null) {
            hidden.add(new Field("ctx.location", context.location()));
        }
        List<QuestionView> questions = onPage.stream().map(q -> question(q, answers, errors.get(q.key()), locale)).toList();
        List<ErrorView> errorViews = new ArrayList<>();
        onPage.stream().filter(q -> errors.containsKey(q.key()))
                .forEach(q -> errorViews.add(new ErrorView(target(q), errors.get(q.key()))));
        errors.forEach((key, message) -> {
            if (!here.contains(key)) {
                errorViews.add(new ErrorView(null, message));
            }
        });
        return new RespondView(action, organisation, title, intro, page, Math.max(step, 1), Math.max(shownPages.size(), 1),
                questions, hidden, errorViews, token, resume, Texts.english(locale) ? "en" : "nl", preview);
    }

    private static String target(Question q) {
        return id(q) + (q.type().isText() ? "" : "-1");
    }

    private static String id(Question q) {
        return "q-" + q.key();
    }

    private QuestionView question(Question q, Answers answers, String error, Locale locale) {
        List<String> given = answers.values(q.key());
        String id = id(q);
        List<OptionView> options = new ArrayList<>();
        OptionView dontKnow = null;
        switch (q.type()) {
            case AGREEMENT -> {
                for (int v = 1; v <= 5; v++) {
                    options.add(new OptionView(id + "-" + v, String.valueOf(v), text("feedback.scale." + v, locale),
                            given.contains(String.valueOf(v))));
                }
                dontKnow = new OptionView(id + "-dk", QuestionType.DONT_KNOW, text("feedback.scale.dk", locale),
                        given.contains(QuestionType.DONT_KNOW));
            }
            case MARK -> {
                for (int v = 1; v <= 10; v++) {
                    String label = v == 1 ? text("feedback.mark.lowest", locale)
                            : v == 10 ? text("feedback.mark.highest", locale) : String.valueOf(v);
                    options.add(new OptionView(id + "-" + v, String.valueOf(v), label, given.contains(String.valueOf(v))));
                }
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                int i = 1;
                for (ChoiceOption o : q.options()) {
                    options.add(new OptionView(id + "-" + i++, o.code(), o.label(locale), given.contains(o.code())));
                }
            }
            default -> {
            }
        }
        String textValue = q.type().isText() ? answers.first(q.key()) : null;
        return new QuestionView(q.key(), id, ANSWER_PREFIX + q.key(), q.type().name(), q.text(locale), q.help(locale),
                q.isRequired(), error, options, dontKnow, textValue, q.type().textMax());
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
