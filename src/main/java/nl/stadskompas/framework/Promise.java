// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.framework;

import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A promise to residents, with the needs behind it (in the resident's own voice) and guidance on
 * what it does and does not mean for an employee.
 */
@Table("fw_promise")
public final class Promise {

    private final String code;
    private final String title;
    private final String description;
    @MappedCollection(idColumn = "fw_version", keyColumn = "line_index")
    private final List<Need> needs;
    @MappedCollection(idColumn = "fw_version", keyColumn = "line_index")
    private final List<Means> means;
    @MappedCollection(idColumn = "fw_version", keyColumn = "line_index")
    private final List<NotMeans> notMeans;

    @PersistenceCreator
    Promise(String code, String title, String description, List<Need> needs, List<Means> means,
            List<NotMeans> notMeans) {
        this.code = code;
        this.title = title;
        this.description = description;
        this.needs = needs == null ? List.of() : List.copyOf(needs);
        this.means = means == null ? List.of() : List.copyOf(means);
        this.notMeans = notMeans == null ? List.of() : List.copyOf(notMeans);
    }

    /**
     * @param code stable code within the version, for example {@code P2}
     * @param needs what residents need, in their voice ("Keep me informed")
     * @param means what the promise means for an employee
     * @param doesNotMean what it does not mean
     */
    public static Promise of(String code, String title, String description, List<String> needs, List<String> means,
            List<String> doesNotMean) {
        return new Promise(code, title, description, lines(needs).stream().map(Need::new).toList(),
                lines(means).stream().map(Means::new).toList(), lines(doesNotMean).stream().map(NotMeans::new).toList());
    }

    private static List<String> lines(List<String> lines) {
        return lines == null ? List.of() : lines;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> needs() {
        return needs.stream().map(Need::text).toList();
    }

    public List<String> means() {
        return means.stream().map(Means::text).toList();
    }

    public List<String> doesNotMean() {
        return notMeans.stream().map(NotMeans::text).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Promise p && p.code.equals(code) && java.util.Objects.equals(p.title, title)
                && java.util.Objects.equals(p.description, description) && p.needs().equals(needs())
                && p.means().equals(means()) && p.doesNotMean().equals(doesNotMean());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(code, title, description, needs(), means(), doesNotMean());
    }

    @Override
    public String toString() {
        return "Promise[" + code + " " + title + "]";
    }

    @Table("fw_promise_need")
    record Need(String text) {
    }

    @Table("fw_promise_means")
    record Means(String text) {
    }

    @Table("fw_promise_not_means")
    record NotMeans(String text) {
    }
}
