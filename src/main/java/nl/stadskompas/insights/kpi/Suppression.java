// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.insights.kpi;

import java.util.HashSet;
import java.util.Set;

/**
 * Which groups of a breakdown are not shown. A group with fewer observations than the minimum is
 * hidden. When exactly one group is hidden, the next smallest is hidden too (complementary
 * suppression), so that the total minus the groups shown cannot reveal the small one.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The indexes of the groups to hide; groups with no observations are not counted. */
    public static Set<Integer> hidden(long[] counts, int minimum) {
        Set<Integer> hidden = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && counts[i] < minimum) {
                hidden.add(i);
            }
        }
        if (hidden.size() == 1) {
            int smallest = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!hidden.contains(i) && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest])) {
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
