// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.organisation.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import nl.stadskompas.organisation.WhoDoesWhat;
import nl.stadskompas.organisation.WhoDoesWhat.Answer;
import nl.stadskompas.organisation.WhoDoesWhat.Match;
import nl.stadskompas.organisation.WhoDoesWhat.Result;
import nl.stadskompas.organisation.WhoDoesWhat.ServiceResult;
import nl.stadskompas.platform.TenantContext;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The "who does what" page: an employee types a topic and sees which team does it. Without a
 * search it lists every team from A to Z with its tasks. A plain GET form, so a search can be
 * bookmarked and shared.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_READ')")
class DirectoryController {

    static final String PATH = "/directory";

    private final WhoDoesWhat directory;

    DirectoryController(WhoDoesWhat directory) {
        this.directory = directory;
    }

    @GetMapping(PATH)
    String search(TenantContext tenant, @Valid @ModelAttribute("search") SearchForm search, BindingResult result,
            Model model) {
        if (result.hasErrors()) {
            return "organisation/directory";
        }
        Answer answer = directory.search(tenant.tenantId(), search.q());
        model.addAttribute("answer", answer);
        if (answer.match() == Match.EVERYTHING) {
            model.addAttribute("letters", byLetter(answer.results()));
        } else {
            model.addAttribute("results", answer.results().stream().map(ResultView::of).toList());
        }
        return "organisation/directory";
    }

    /** The teams grouped by the first letter of their name, for the A-Z list. */
    static List<Letter> byLetter(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        results.forEach(r -> groups.computeIfAbsent(letterOf(r.team()), l -> new ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> new Letter(e.getKey(), e.getValue())).toList();
    }

    private static String letterOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").strip();
        if (plain.isEmpty() || !Character.isLetter(plain.charAt(0))) {
            return "#";
        }
        return plain.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** A result with its channels split into click, call and face. */
    record ResultView(Result result, GroupedChannels channels, List<ServiceLine> services) {

        static ResultView of(Result result) {
            return new ResultView(result, GroupedChannels.of(result.channels()), result.services().stream()
                    .map(s -> new ServiceLine(s, GroupedChannels.of(s.channels()))).toList());
        }
    }

    /** A matching service with its channels by group. */
    record ServiceLine(ServiceResult service, GroupedChannels channels) {
    }

    /** One letter of the A-Z list with its teams. */
    record Letter(String letter, List<Result> teams) {

        /** An id for the letter's heading that is valid in HTML also for "#". */
        public String anchor() {
            return "#".equals(letter) ? "letter-overig" : "letter-" + letter.toLowerCase(Locale.ROOT);
        }
    }

    /** The search form; {@code q} is the topic in the employee's own words. */
    record SearchForm(@Size(max = WhoDoesWhat.MAX_QUERY_LENGTH) String q) {
    }
}
