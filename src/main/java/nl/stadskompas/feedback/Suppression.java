// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which groups of a table may not be shown because they are too small to keep a respondent
 * unrecognisable. A group with fewer respondents than the minimum is suppressed. When exactly one
 * group would be suppressed, the total minus the shown groups would give it away; so the smallest
 * shown group is suppressed too (complementary suppression). Groups without respondents are not
 * groups of people and are left alone.
 */
public final class Suppression {

    private Suppression() {
    }

    /**
     * @param counts the number of respondents in each group, in table order
     * @param minimum the smallest group that may be shown
     * @return the positions of the groups to suppress
     */
    public static Set<Integer> suppressed(List<Long> counts, int minimum) {
        Set<Integer> hidden = new HashSet<>();
        for (int i = 0; i < counts.size(); i++) {
            long n = counts.get(i);
            if (n > 0 && n < minimum) {
                hidden.add(i);
            }
        }
        if (hidden.size() == 1) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hidden.contains(i) && counts.get(i) > 0
                        && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden.add(smallest);
            }
        }
        return hidden;
    }
}
