// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Options written as lines of text, one option per line as {@code Nederlands | English}, so that
 * authors can edit them in a plain text field. An option keeps its code when its Dutch label stays
 * the same; a new option gets the next free code.
 */
public final class ChoiceOptions {

    private ChoiceOptions() {
    }

    public static List<ChoiceOption> fromLines(String text, List<ChoiceOption> existing) {
        List<ChoiceOption> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        Set<String> used = new HashSet<>();
        existing.forEach(o -> used.add(o.code()));
        Set<String> taken = new HashSet<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            String nl = (bar < 0 ? line : line.substring(0, bar)).strip();
            String en = bar < 0 ? null : line.substring(bar + 1).strip();
            String code = existing.stream()
                    .filter(o -> o.labelNl() != null && o.labelNl().equalsIgnoreCase(nl) && !taken.contains(o.code()))
                    .map(ChoiceOption::code).findFirst().orElse(null);
            if (code == null) {
                int n = 1;
                while (used.contains("o" + n)) {
                    n++;
                }
                code = "o" + n;
                used.add(code);
            }
            taken.add(code);
            result.add(new ChoiceOption(code, nl.isEmpty() ? null : nl, en == null || en.isEmpty() ? null : en));
        }
        return result;
    }

    public static String toLines(List<ChoiceOption> options) {
        StringBuilder text = new StringBuilder();
        for (ChoiceOption o : options) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(o.labelNl());
            if (o.labelEn() != null) {
                text.append(" | ").append(o.labelEn());
            }
        }
        return text.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
