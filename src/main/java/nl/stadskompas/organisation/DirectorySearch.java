// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.stadskompas.organisation.WhoDoesWhat.Answer;
import nl.stadskompas.organisation.WhoDoesWhat.Match;
import nl.stadskompas.organisation.WhoDoesWhat.Result;
import nl.stadskompas.organisation.WhoDoesWhat.ServiceResult;

/**
 * The matching rules of the "who does what" directory, apart from the database so that they can be
 * tested on their own.
 *
 * <p>The search text is split into words; small words such as "de", "ik" or "hoe" are left out
 * unless nothing else remains. A word matches when it occurs anywhere in a text, ignoring case and
 * accents, so "vergunning" finds "Omgevingsvergunning" and "financien" finds "financiën". A light
 * Dutch stem helps people who type another form of the word: a plural ending goes ("schulden" finds
 * "schuld", "bezwaren" finds "bezwaar") and a doubled vowel before the last letter is single again
 * ("betaal" finds "betalen", "vraag" finds "aanvragen"). A team
 * matches through its own name or description, a core task, or a service it owns (name,
 * description, keywords). When some teams match every word, only those are shown; otherwise the
 * teams that match most words come first.
 */
final class DirectorySearch {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DOUBLE_VOWEL_AT_END = Pattern.compile("([aeiou])\\1([^aeiou])$");
    private static final Pattern SINGLE_VOWEL_AT_END = Pattern.compile("([^aeiou])([aeiou])([^aeiou])$");
    /** Shorter stems would match too much. */
    private static final int MIN_STEM = 4;
    private static final Set<String> SMALL_WORDS = Set.of(
            "de", "het", "een", "en", "of", "van", "voor", "in", "op", "aan", "met", "bij", "om", "te", "tot",
            "naar", "over", "uit", "als", "dat", "die", "dit", "is", "zijn", "ben", "wil", "wilt", "ik", "mijn",
            "je", "jij", "u", "uw", "we", "wij", "ons", "onze", "hoe", "wat", "waar", "wie", "wanneer", "welke",
            "kan", "kun", "kunt", "moet", "mag", "er", "niet", "geen", "ook", "nog", "maar", "dan",
            "the", "a", "an", "and", "or", "for", "to", "on", "at", "with", "my", "how", "where", "who",
            "can", "do");

    private DirectorySearch() {
    }

    /** A team as the directory reads it. */
    record TeamCard(UUID teamId, String name, String description, UUID domainId, String domain,
            List<String> coreTasks, List<ServiceCard> services) {
    }

    /** A service as the directory reads it. */
    record ServiceCard(UUID id, String name, String description, List<String> keywords, List<Channel> channels) {
    }

    static Answer search(List<TeamCard> teams, String query) {
        String given = query == null ? "" : query.strip();
        List<String> words = words(given);
        Comparator<TeamCard> alphabetical = OrganisationStructure.byName(TeamCard::name);
        if (words.isEmpty()) {
            List<Result> all = teams.stream().sorted(alphabetical)
                    .map(t -> result(t, t.coreTasks(), t.services()))
                    .toList();
            return new Answer(given, Match.EVERYTHING, all);
        }
        List<Hit> hits = teams.stream().map(t -> hit(t, words)).filter(h -> !h.covered().isEmpty()).toList();
        boolean anyComplete = hits.stream().anyMatch(h -> h.covered().size() == words.size());
        List<Result> results = hits.stream()
                .filter(h -> !anyComplete || h.covered().size() == words.size())
                .sorted(Comparator.comparingInt((Hit h) -> h.covered().size()).reversed()
                        .thenComparing(Comparator.comparingInt(Hit::best).reversed())
                        .thenComparing(Comparator.comparing(Hit::teamItself).reversed())
                        .thenComparing(Comparator.comparingInt(Hit::parts).reversed())
                        .thenComparing(Hit::team, alphabetical))
                .map(Hit::result)
                .toList();
        Match match = results.isEmpty() ? Match.NONE : anyComplete ? Match.ALL_WORDS : Match.SOME_WORDS;
        return new Answer(given, match, results);
    }

    /** The words to look for, folded; small words only when there is nothing else. */
    static List<String> words(String query) {
        List<String> all = Stream.of(NOT_A_WORD.split(fold(query == null ? "" : query)))
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
        List<String> meaningful = all.stream().filter(w -> !SMALL_WORDS.contains(w) && w.length() > 1).toList();
        return meaningful.isEmpty() ? all : meaningful;
    }

    /** Lower case without accents, so that "Financiën" and "financien" compare equal. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static Hit hit(TeamCard team, List<String> words) {
        Set<String> covered = new LinkedHashSet<>();
        Set<String> inTeam = found(words, team.name(), team.description());
        covered.addAll(inTeam);
        int best = inTeam.size();
        List<String> tasks = new ArrayList<>();
        for (String task : team.coreTasks()) {
            Set<String> inTask = found(words, task);
            if (!inTask.isEmpty()) {
                tasks.add(task);
                covered.addAll(inTask);
                best = Math.max(best, inTask.size());
            }
        }
        List<ServiceCard> services = new ArrayList<>();
        for (ServiceCard service : team.services()) {
            Set<String> inService = found(words, service.name(), service.description(),
                    String.join(" ", service.keywords()));
            if (!inService.isEmpty()) {
                services.add(service);
                covered.addAll(inService);
                best = Math.max(best, inService.size());
            }
        }
        boolean teamItself = !inTeam.isEmpty();
        List<String> shownTasks = tasks.isEmpty() && teamItself ? team.coreTasks() : tasks;
        return new Hit(team, covered, best, teamItself, tasks.size() + services.size(),
                result(team, shownTasks, services));
    }

    private static Set<String> found(List<String> words, String... texts) {
        String haystack = fold(Stream.of(texts).filter(Objects::nonNull).collect(Collectors.joining(" ")));
        return words.stream().filter(w -> forms(w).stream().anyMatch(haystack::contains))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The forms of a folded word to look for: the word itself, without a plural ending, and with the
     * vowel before the last letter single or double ("bezwaren" also looks for "bezwaar", "betaal"
     * also for "betal"). Forms shorter than four letters are left out; they would match too much.
     */
    static Set<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        String base = word;
        if (base.endsWith("en") && base.length() - 2 >= MIN_STEM) {
            base = base.substring(0, base.length() - 2);
        } else if (base.endsWith("s") && !base.endsWith("ss") && base.length() - 1 >= MIN_STEM) {
            base = base.substring(0, base.length() - 1);
        }
        Matcher doubled = DOUBLE_VOWEL_AT_END.matcher(base);
        if (doubled.find()) {
            forms.add(doubled.replaceFirst("$1$2"));
        } else if (!base.equals(word)) {
            forms.add(base);
            Matcher single = SINGLE_VOWEL_AT_END.matcher(base);
            if (single.find()) {
                forms.add(single.replaceFirst("$1$2$2$3"));
            }
        }
        forms.removeIf(f -> f.length() < MIN_STEM && !f.equals(word));
        return forms;
    }

    private static Result result(TeamCard team, List<String> tasks, List<ServiceCard> services) {
        List<ServiceCard> channelSource = services.isEmpty() ? team.services() : services;
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        channelSource.forEach(s -> channels.addAll(s.channels()));
        return new Result(team.teamId(), team.name(), team.domainId(), team.domain(), team.description(),
                List.copyOf(tasks), services.stream().map(ServiceResult::of).toList(), List.copyOf(channels));
    }

    /** A matching team with what it takes to rank it. */
    private record Hit(TeamCard team, Set<String> covered, int best, boolean teamItself, int parts, Result result) {
    }
}
