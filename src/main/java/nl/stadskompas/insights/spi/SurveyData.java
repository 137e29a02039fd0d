// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A source of respondent-level survey data for the analyses of the insights module. A module that
 * holds questionnaires and their answers (including imported historical data) contributes an
 * implementation as a bean; insights reads through it and never touches that module's tables.
 * <p>
 * Every method filters on the tenant: a questionnaire of another organisation is unknown.
 * "Don't know" and unanswered questions are delivered as missing (absent from the answer maps).
 */
public interface SurveyData {

    /** The questionnaires of the tenant this source knows, with the number of responses. */
    List<SurveyReference> surveys(UUID tenantId);

    /** The questionnaire with its items, or empty when this source does not know it in the tenant. */
    Optional<Survey> survey(UUID tenantId, UUID surveyId);

    /**
     * Streams the responses to a questionnaire, one at a time and in no particular order, with the
     * answers to the given items only. Does nothing for an unknown questionnaire.
     */
    void responses(UUID tenantId, UUID surveyId, Set<String> itemKeys, Consumer<SurveyResponse> consumer);

    /** A questionnaire as listed. */
    record SurveyReference(UUID id, String name, long responses) {
    }

    /** A questionnaire with its items, in the order of the questionnaire. */
    record Survey(UUID id, String name, List<SurveyItem> items) {

        public Optional<SurveyItem> item(String key) {
            return items.stream().filter(i -> i.key().equals(key)).findFirst();
        }
    }

    /** What an item is. */
    enum ItemType {
        /** A numeric scale from {@code scaleMin} to {@code scaleMax} (agreement, report mark). */
        SCALE,
        /** One coded option out of a list (age group, district...). */
        CHOICE,
        /** Anything else (text, several options): not delivered with the responses. */
        OTHER
    }

    /** Where an item comes from. */
    enum ItemOrigin {
        /** A statement of the service framework; {@code code} is its framework code. */
        STATEMENT,
        /** A service aspect of the framework; {@code code} is its framework code. */
        ASPECT,
        /** The overall report mark. */
        MARK,
        /** Demographic or own question. */
        OTHER
    }

    /**
     * One item (question) of a questionnaire.
     *
     * @param key the key under which answers are delivered
     * @param labelNl the question in Dutch
     * @param labelEn the question in English, or null
     * @param type scale, choice or other
     * @param origin statement, aspect, mark or other
     * @param code the framework code of a statement or aspect, or null
     * @param scaleMin lowest value of a scale, or null
     * @param scaleMax highest value of a scale, or null
     * @param positiveFrom the lowest value that counts as positive on a scale, or null
     * @param options the option codes of a choice item with their labels (Dutch, English), in order
     */
    record SurveyItem(String key, String labelNl, String labelEn, ItemType type, ItemOrigin origin, String code,
            Integer scaleMin, Integer scaleMax, Integer positiveFrom, List<Option> options) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }

        public boolean isScale() {
            return type == ItemType.SCALE;
        }
    }

    /** A coded option of a choice item. */
    record Option(String code, String labelNl, String labelEn) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelNl;
        }
    }

    /**
     * One response.
     *
     * @param id the response's id
     * @param submittedOn the day it was given
     * @param serviceId the service of the link, or null
     * @param channel the channel code of the link, or null
     * @param municipalityId the municipality of the link, or null
     * @param location the location of the link, or null
     * @param numbers answers to scale items by item key (missing when not answered or "don't know")
     * @param codes answers to choice items by item key (missing when not answered)
     */
    record SurveyResponse(UUID id, LocalDate submittedOn, UUID serviceId, String channel, UUID municipalityId,
            String location, Map<String, Integer> numbers, Map<String, String> codes) {
    }
}
