// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

/**
 * One status a case of a type can be in, with what the resident reads about it.
 *
 * @param code short stable code, such as {@code IN_BEHANDELING}; events carry it
 * @param name the name employees see
 * @param residentTextNl where the request stands, in plain Dutch, as the resident reads it
 * @param residentTextEn the same in English
 * @param nextStepNl what happens next, in plain Dutch (may be empty for a final status)
 * @param nextStepEn the same in English
 * @param actor who takes the next step
 * @param informResident whether the resident gets a message when the case reaches this status
 * @param finalStatus whether the case is closed when it reaches this status
 */
@org.springframework.data.relational.core.mapping.Table("case_type_status")
public record StatusDefinition(String code, String name, String residentTextNl, String residentTextEn,
        String nextStepNl, String nextStepEn, Actor actor, boolean informResident, boolean finalStatus) {

    /** The resident text in the language asked for (English or else Dutch). */
    public String residentText(boolean english) {
        return english ? residentTextEn : residentTextNl;
    }

    /** What happens next in the language asked for, or null when nothing does. */
    public String nextStep(boolean english) {
        return english ? nextStepEn : nextStepNl;
    }
}
