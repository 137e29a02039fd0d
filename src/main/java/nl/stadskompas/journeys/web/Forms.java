// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The forms of the journey pages; bean validation is left to the module's rules. */
final class Forms {

    private Forms() {
    }

    record JourneyForm(String name, String description, UUID clusterId, UUID ownerTeamId, List<UUID> serviceIds,
            List<UUID> personaIds) {

        JourneyForm {
            serviceIds = serviceIds == null ? List.of() : serviceIds;
            personaIds = personaIds == null ? List.of() : personaIds;
        }
    }

    record StepForm(String phaseId, String title, String channel, UUID ownerTeamId, String duration, String need,
            List<UUID> personaIds, List<UUID> insightIds, UUID serviceId) {

        StepForm {
            personaIds = personaIds == null ? List.of() : personaIds;
            insightIds = insightIds == null ? List.of() : insightIds;
        }
    }

    record QuestionForm(String question) {
    }

    /** The KPIs ticked for a step, as posted (ids as text, so a wrong one gets a message, not an error page). */
    record KpiForm(List<String> kpiIds) {

        KpiForm {
            kpiIds = kpiIds == null ? List.of() : kpiIds;
        }
    }

    record OpportunityForm(String title, String description, List<String> stepIds, List<String> promiseCodes,
            String solutionTitle, String solutionDescription) {

        OpportunityForm {
            stepIds = stepIds == null ? List.of() : stepIds;
            promiseCodes = promiseCodes == null ? List.of() : promiseCodes;
        }
    }

    record PersonaForm(String kind, String name, String description) {
    }

    record InsightForm(String kind, String title, String description) {
    }

    record ClusterForm(String name, String description) {
    }

    record PublishForm(String note) {
    }

    record CopyForm(String name) {
    }

    /** Phases: one name per existing phase (blank removes an empty one) and an optional new one. */
    static class PhasesForm {

        private List<String> names = new ArrayList<>();
        private String newPhase;

        public List<String> getNames() {
            return names;
        }

        public void setNames(List<String> names) {
            this.names = names;
        }

        public String getNewPhase() {
            return newPhase;
        }

        public void setNewPhase(String newPhase) {
            this.newPhase = newPhase;
        }
    }

    /** An opportunity being changed: its texts, steps and promises, and every solution in a row. */
    static class OpportunityEditForm {

        private String title;
        private String description;
        private List<String> stepIds = new ArrayList<>();
        private List<String> promiseCodes = new ArrayList<>();
        private List<String> solutionTitles = new ArrayList<>();
        private List<String> solutionDescriptions = new ArrayList<>();

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public List<String> getStepIds() {
            return stepIds;
        }

        public void setStepIds(List<String> stepIds) {
            this.stepIds = stepIds == null ? new ArrayList<>() : stepIds;
        }

        public List<String> getPromiseCodes() {
            return promiseCodes;
        }

        public void setPromiseCodes(List<String> promiseCodes) {
            this.promiseCodes = promiseCodes == null ? new ArrayList<>() : promiseCodes;
        }

        public List<String> getSolutionTitles() {
            return solutionTitles;
        }

        public void setSolutionTitles(List<String> solutionTitles) {
            this.solutionTitles = solutionTitles == null ? new ArrayList<>() : solutionTitles;
        }

        public List<String> getSolutionDescriptions() {
            return solutionDescriptions;
        }

        public void setSolutionDescriptions(List<String> solutionDescriptions) {
            this.solutionDescriptions = solutionDescriptions == null ? new ArrayList<>() : solutionDescriptions;
        }
    }

    /** A lived journey: who, how, when, and per step id a rating and a quote. */
    static class LivedForm {

        private String participant;
        private UUID personaId;
        private String method = "INTERVIEW";
        private String recordedOn;
        private Map<String, String> ratings = new LinkedHashMap<>();
        private Map<String, String> quotes = new LinkedHashMap<>();

        public String getParticipant() {
            return participant;
        }

        public void setParticipant(String participant) {
            this.participant = participant;
        }

        public UUID getPersonaId() {
            return personaId;
        }

        public void setPersonaId(UUID personaId) {
            this.personaId = personaId;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getRecordedOn() {
            return recordedOn;
        }

        public void setRecordedOn(String recordedOn) {
            this.recordedOn = recordedOn;
        }

        public Map<String, String> getRatings() {
            return ratings;
        }

        public void setRatings(Map<String, String> ratings) {
            this.ratings = ratings;
        }

        public Map<String, String> getQuotes() {
            return quotes;
        }

        public void setQuotes(Map<String, String> quotes) {
            this.quotes = quotes;
        }

        /** Placeholder so the error of the whole set of experiences has a field to sit on. */
        public String getExperiences() {
            return null;
        }
    }
}
