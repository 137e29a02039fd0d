-- SPDX-License-Identifier: EUPL-1.2
-- Longer stories of residents, recorded by an employee (for example from an interview) with the
-- resident's consent. No name or address of the resident is asked.
CREATE TABLE fb_story (
    id            UUID                     PRIMARY KEY,
    tenant_id     UUID                     NOT NULL,
    service_id    UUID,
    title         VARCHAR(200)             NOT NULL,
    story         VARCHAR(20000)           NOT NULL,
    told_on       DATE                     NOT NULL,
    consent_how   VARCHAR(10)              NOT NULL,
    consent_note  VARCHAR(500),
    recorded_by   VARCHAR(200)             NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fb_story_tenant ON fb_story (tenant_id, told_on);
