// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import nl.stadskompas.platform.text.ReadingLevel;
import nl.stadskompas.platform.text.ReadingLevel.Readability;

import org.junit.jupiter.api.Test;

/**
 * What residents read about their request is plain Dutch: the texts of the progress page, the delay
 * reasons and the demo statuses meet the reading-level indication for B1.
 */
class ResidentTextsTests {

    @Test
    void theProgressPageAndDelayReasonsAreAtLevelB1() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/cases.properties")) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> notB1 = new ArrayList<>();
        texts.stringPropertyNames().stream()
                .filter(k -> k.startsWith("cases.progress.") || k.startsWith("cases.delayReason.")
                        || k.startsWith("cases.public."))
                .forEach(k -> {
                    String text = texts.getProperty(k).replaceAll("\\{\\d}", "12 maart");
                    if (text.split("\\s+").length >= 4 && !ReadingLevel.assess(text, Locale.of("nl")).b1()) {
                        notB1.add(k + " = " + text);
                    }
                });
        assertThat(notB1).isEmpty();
    }

    @Test
    void theDemoStatusTextsAreAtLevelB1() {
        List<String> notB1 = new ArrayList<>();
        for (var statuses : List.of(CasesDemoData.complaintStatuses(), CasesDemoData.passportStatuses(),
                CasesDemoData.permitStatuses(), CasesDemoData.reportStatuses())) {
            for (StatusDefinition s : statuses) {
                for (String text : new String[] { s.residentTextNl(), s.nextStepNl() }) {
                    if (text != null) {
                        Readability r = ReadingLevel.assess(text, Locale.of("nl"));
                        if (!r.b1()) {
                            notB1.add(text + " (" + Math.round(r.score()) + ")");
                        }
                    }
                }
            }
        }
        assertThat(notB1).isEmpty();
    }
}
