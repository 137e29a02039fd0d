// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * What the resident's progress page shows, in one language, and nothing more: no names of
 * employees, no internal notes, no contact details of the requester.
 *
 * @param reference the case reference, to mention when calling
 * @param kind what kind of request
 * @param subject what was asked, in plain words
 * @param registeredOn when it was asked
 * @param currentText where it stands now
 * @param nextStep what happens next, or null when nothing does
 * @param actor who takes the next step
 * @param teamName the team that handles it (when the municipality takes the next step)
 * @param expectedDate when it is expected to be done
 * @param late whether the expected date has passed while the case is open
 * @param closed whether the case is done
 * @param closedOn the day it was done, or null
 * @param delay the most recent delay (why and until when), or null
 * @param timeline what happened, oldest first
 * @param contact how to reach a person, or null when the organisation has not set it (the page then
 *        gives general advice)
 */
public record ProgressView(String reference, CaseKind kind, String subject, LocalDate registeredOn, String currentText,
        String nextStep, Actor actor, String teamName, LocalDate expectedDate, boolean late, boolean closed,
        LocalDate closedOn, DelayView delay, List<TimelineItem> timeline, ContactDetails contact) {

    /** A delay as the resident reads it. */
    public record DelayView(DelayKind kind, DelayReason reason, String explanation, LocalDate previousDate,
            LocalDate newDate) {
    }

    /** One moment in the timeline: a status (with its text) or a delay. */
    public record TimelineItem(LocalDate date, String text, DelayView delay) {
    }
}
