// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

/**
 * What a signed-in employee may do within the tenant they are working in. Roles are bundles of
 * permissions; controllers check permissions, never role names, so a role can change without
 * touching the modules.
 */
public enum Permission {
    /** See the organisation, the framework and other non-personal data of the tenant. */
    READ,
    /** Change domains, teams, services and municipalities. */
    ORGANISATION_EDIT,
    /** Change the draft of the service framework. */
    FRAMEWORK_EDIT,
    /** Publish a framework version, import a framework. */
    FRAMEWORK_PUBLISH,
    /** Manage the accounts and roles of the tenant. */
    USERS_MANAGE,
    /** See and handle cases (with the requester's contact details): register, change status, delay. */
    CASES_HANDLE,
    /** Write questionnaires and the question bank, tailor, publish and share survey links. */
    SURVEYS_EDIT,
    // zgw: connecting the municipality's case system (administrators only)
    /** Connect the case system (ZGW APIs): addresses, secrets, mappings, abonnement, intake log. */
    INTEGRATIONS_MANAGE,
    // feedback data
    /**
     * Download the raw answers of questionnaires (every response, free text included) and see the
     * "you may contact me" consents: research data and personal data, so every use is logged.
     */
    RESEARCH_DATA,
    // journeys
    /** Map journeys: phases, steps, personas, pain points, opportunities, lived journeys, versions. */
    JOURNEYS_EDIT;

    /** The authority name Spring Security checks, for example {@code PERM_FRAMEWORK_EDIT}. */
    public String authority() {
        return "PERM_" + name();
    }
}
