// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.journeys.spi;

import java.util.Optional;
import java.util.UUID;

import nl.stadskompas.journeys.spi.QuestionScores.Score;

/**
 * How residents rate a service now, through one channel or all: contributed as a bean by the module
 * that holds the survey answers, so a journey step linked to a service shows its results without
 * journeys importing that module. Every method filters on the tenant.
 */
public interface ServiceScores {

    /**
     * The current report mark that residents give for a service, from the answers given about that
     * service (and channel, when not null) in residents' questionnaires. Empty when the tenant asks no
     * report mark. A score of fewer respondents than the minimum group size is marked suppressed and
     * carries no figures.
     *
     * @param serviceId the service, or null for all services (then a channel is given)
     * @param channel the organisation's {@code Channel} name, or null for all channels
     */
    Optional<Score> serviceScore(UUID tenantId, UUID serviceId, String channel);
}
