// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback.web;

import nl.stadskompas.platform.Permission;
import nl.stadskompas.platform.TenantContext;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the questionnaire pages whether to offer the research data pages (contact consents, raw
 * exports), so that those links show only to the people who may open them.
 */
@ControllerAdvice(assignableTypes = QuestionnairesController.class)
class FeedbackDataAdvice {

    @ModelAttribute
    void researchData(TenantContext tenant, Model model) {
        model.addAttribute("canResearchData", tenant.can(Permission.RESEARCH_DATA));
    }
}
