// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import java.util.Locale;
import java.util.UUID;

import nl.stadskompas.cases.CaseClosed;
import nl.stadskompas.cases.CaseTracking;
import nl.stadskompas.cases.RequesterContact;
import nl.stadskompas.feedback.Invitations.Source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Continuous measurement: when a case closes, its requester is invited to the questionnaire chosen
 * for the case type, if they left an e-mail address and were not invited within the interval.
 * Runs after the case change committed, from the event publication registry.
 */
@Component
class CaseInvitations {

    private static final Logger LOG = LoggerFactory.getLogger(CaseInvitations.class);

    private final Invitations invitations;
    private final CaseTracking cases;

    CaseInvitations(Invitations invitations, CaseTracking cases) {
        this.invitations = invitations;
        this.cases = cases;
    }

    @ApplicationModuleListener
    void closed(CaseClosed event) {
        UUID questionnaireId = invitations.questionnaireForCaseType(event.tenantId(), event.caseTypeId()).orElse(null);
        if (questionnaireId == null || !invitations.answerable(event.tenantId(), questionnaireId)) {
            return;
        }
        RequesterContact requester = cases.requester(event.tenantId(), event.caseId()).orElse(null);
        if (requester == null || requester.email() == null || requester.email().isBlank()) {
            return;
        }
        Locale language = "en".equals(requester.language()) ? Locale.ENGLISH : Locale.of("nl");
        try {
            Invitations.Outcome outcome = invitations.inviteOne(event.tenantId(), questionnaireId, requester.email(),
                    language, Source.CASE);
            LOG.debug("Closed case {}: survey invitation {}", event.reference(), outcome);
        } catch (nl.stadskompas.platform.ValidationProblem problem) {
            // An address the survey cannot use: nothing to send, and nothing to retry.
            LOG.info("Closed case {}: no survey invitation ({})", event.reference(), problem.getMessage());
        }
    }
}
