-- SPDX-License-Identifier: EUPL-1.2
-- Journeys: clusters, personas and segments, pain points and insights (shared by the journeys of a
-- tenant), journeys whose designed map (phases, steps, opportunities) is kept as one JSON document,
-- the published versions of that map, and lived journeys recorded from interviews or shadowing.
-- Teams, services, promises and questionnaires of other modules are referred to by id or code only.
CREATE TABLE jr_cluster (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000)
);
CREATE UNIQUE INDEX jr_cluster_name_uq ON jr_cluster (tenant_id, name);

CREATE TABLE jr_persona (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000)
);
CREATE UNIQUE INDEX jr_persona_name_uq ON jr_persona (tenant_id, name);

CREATE TABLE jr_insight (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    description VARCHAR(2000)
);
CREATE INDEX jr_insight_tenant_idx ON jr_insight (tenant_id);

CREATE TABLE jr_journey (
    id                UUID                     NOT NULL PRIMARY KEY,
    tenant_id         UUID                     NOT NULL,
    name              VARCHAR(200)             NOT NULL,
    -- The designed journey as it is being edited (JSON, see JourneyContent).
    content           TEXT                     NOT NULL,
    -- The number of the latest published version, null when never published.
    published_version INT,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by_name   VARCHAR(100),
    row_version       BIGINT                   NOT NULL
);
CREATE INDEX jr_journey_tenant_idx ON jr_journey (tenant_id);

-- A published version: a frozen copy of the designed journey, kept as history.
CREATE TABLE jr_journey_version (
    journey_id        UUID                     NOT NULL REFERENCES jr_journey (id) ON DELETE CASCADE,
    number            INT                      NOT NULL,
    tenant_id         UUID                     NOT NULL,
    note              VARCHAR(500),
    published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by_name VARCHAR(100),
    content           TEXT                     NOT NULL,
    PRIMARY KEY (journey_id, number)
);

-- A journey as one participant lived it. The participant is a pseudonym, never a real name; the
-- experiences per step (rating and a short quote) are kept as JSON.
CREATE TABLE jr_lived_journey (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    journey_id  UUID          NOT NULL REFERENCES jr_journey (id) ON DELETE CASCADE,
    participant VARCHAR(100)  NOT NULL,
    persona_id  UUID          REFERENCES jr_persona (id),
    method      VARCHAR(20)   NOT NULL,
    recorded_on DATE          NOT NULL,
    experiences TEXT          NOT NULL
);
CREATE INDEX jr_lived_journey_journey_idx ON jr_lived_journey (journey_id);
