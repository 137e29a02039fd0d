// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers a respondent has given so far, as raw values per question key: a scale value such as
 * {@code 4}, {@code dk} for "don't know", option codes, or text. Empty answers are left out.
 */
public final class Answers {

    private static final Answers NONE = new Answers(Map.of());

    private final Map<String, List<String>> values;

    private Answers(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Answers none() {
        return NONE;
    }

    /** Answers from raw values; blank values and keys without values are dropped. */
    public static Answers of(Map<String, List<String>> raw) {
        Map<String, List<String>> clean = new LinkedHashMap<>();
        raw.forEach((key, list) -> {
            List<String> kept = list == null ? List.of()
                    : list.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
            if (!kept.isEmpty()) {
                clean.put(key, kept);
            }
        });
        return new Answers(Map.copyOf(clean));
    }

    public List<String> values(String key) {
        return values.getOrDefault(key, List.of());
    }

    public String first(String key) {
        List<String> list = values(key);
        return list.isEmpty() ? null : list.getFirst();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    /** These answers with the given question's answer replaced (or removed when empty). */
    public Answers with(String key, List<String> newValues) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.put(key, newValues);
        return of(copy);
    }

    /** Only the answers to the given questions. */
    public Answers only(Set<String> keys) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.keySet().retainAll(keys);
        return new Answers(Map.copyOf(copy));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answers a && a.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Answers" + values;
    }
}
