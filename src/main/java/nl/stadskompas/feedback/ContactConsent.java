// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import nl.stadskompas.platform.ValidationProblem.FieldProblem;

/**
 * A respondent's "you may contact me": who, how, and for what. It is stored apart from the answers
 * and cannot be linked to them.
 *
 * @param purposes what the person agrees to: {@code FOLLOW_UP} (a conversation about their
 *        experience), {@code RESEARCH} (invitations to later research), {@code RESULTS} (the results)
 */
public record ContactConsent(String name, String email, String phone, Set<String> purposes) {

    public static final Set<String> PURPOSES = Set.of("FOLLOW_UP", "RESEARCH", "RESULTS");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{6,20}");

    public ContactConsent {
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }

    ContactConsent clean() {
        return new ContactConsent(Texts.tidy(name), Texts.tidy(email), Texts.tidy(phone), purposes);
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name != null && name.length() > 200) {
            problems.add(new FieldProblem("name", "feedback.field.tooLong", 200));
        }
        if (email == null && phone == null) {
            problems.add(new FieldProblem("email", "feedback.contact.emailOrPhone"));
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "feedback.contact.email"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("phone", "feedback.contact.phone"));
        }
        if (purposes.isEmpty() || !PURPOSES.containsAll(purposes)) {
            problems.add(new FieldProblem("purposes", "feedback.contact.purposes"));
        }
        return problems;
    }
}
